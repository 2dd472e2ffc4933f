// SVG point symbols rendered once per size and pixel ratio, shared by all render threads.
#include "symbolcache.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QPainter>
#include <QSvgRenderer>

#include <cmath>

namespace dv {

QImage SymbolCache::icon(const QString &svgPath, double size, qreal devicePixelRatio)
{
    static QMutex mutex;
    static QHash<QString, QImage> cache;
    const int px = std::max(1, static_cast<int>(std::lround(size * devicePixelRatio)));
    const QString key = svgPath + QLatin1Char('@') + QString::number(px);
    // Held for a hash lookup per layer per frame; the SVG is parsed once per size.
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QSvgRenderer svg(svgPath);
    if (svg.isValid()) {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        svg.render(&p, QRectF(0, 0, px, px));
    }
    image.setDevicePixelRatio(devicePixelRatio);
    cache.insert(key, image);
    return image;
}

} // namespace dv
