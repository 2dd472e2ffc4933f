// The badge that stands for a cluster of sites, stamped from a cache of pre-drawn looks.
#include "clusterbadge.h"

#include "siteclusterer.h"

#include <QCache>
#include <QMutex>
#include <QMutexLocker>
#include <QPaintEngine>
#include <QPainter>

#include <cmath>

namespace dv {

namespace {

// A frame of 800 badges needs about 5 MB of looks at 1x; older views' looks are evicted.
constexpr int kCacheBytes = 32 * 1024 * 1024;
// A badge lands at any fraction of a device pixel; a stamp within 1/32 of a pixel of it
// antialiases its edges within a few levels of drawing it there (at 1/8, ring edges in the
// screenshot test went past its tolerance). Its count's baseline can still round a pixel apart.
constexpr int kPhases = 16;

QFont badgeFont()
{
    QFont font;
    font.setPointSizeF(8.5);
    font.setBold(true);
    return font;
}

} // namespace

ClusterBadge::ClusterBadge(
    int count, const std::array<int, 4> &categoryCounts, const std::array<QColor, 4> &colours)
    : m_count(count)
    , m_radius(SiteClusterer::badgeRadius(count))
{
    for (int k = 0; k < 4; ++k) {
        if (categoryCounts[k] == 0)
            continue;
        m_spans[k] = -static_cast<int>(std::lround(360.0 * 16 * categoryCounts[k] / count));
        m_colours[k] = colours[k].rgba();
    }
}

void ClusterBadge::drawVectors(QPainter &p, const QPointF &centre, const QFont &font) const
{
    const QRectF outer(centre.x() - m_radius, centre.y() - m_radius, 2 * m_radius, 2 * m_radius);
    p.setPen(Qt::NoPen);
    int start = 90 * 16;
    for (int k = 0; k < 4; ++k) {
        if (m_spans[k] == 0)
            continue;
        p.setBrush(QColor::fromRgba(m_colours[k]));
        p.drawPie(outer, start, m_spans[k]);
        start += m_spans[k];
    }
    p.setBrush(Qt::white);
    p.drawEllipse(centre, m_radius - 5, m_radius - 5);
    p.setPen(QColor(0x22, 0x22, 0x22));
    p.setFont(font);
    p.drawText(outer, Qt::AlignCenter, QString::number(m_count));
}

// The badge in a square of whole device pixels, its centre `phase` steps of 1/kPhases device
// pixel right of and below the square's middle, with margin for antialiasing.
QImage ClusterBadge::image(qreal dpr, int dpiX, int dpiY, const QFont &font, QPoint phase) const
{
    static QMutex mutex;
    static QCache<QByteArray, QImage> cache(kCacheBytes);
    QByteArray key;
    {
        const int fixed[] = { m_count, m_spans[0], m_spans[1], m_spans[2], m_spans[3],
            static_cast<int>(std::lround(dpr * 1000)), dpiX, dpiY, phase.x(), phase.y() };
        key.append(reinterpret_cast<const char *>(fixed), sizeof fixed);
        key.append(reinterpret_cast<const char *>(m_colours.data()), sizeof m_colours);
        key.append(font.key().toUtf8());
    }
    {
        // Held for a hash lookup per badge; drawing a missing look happens outside it.
        QMutexLocker lock(&mutex);
        if (const QImage *hit = cache.object(key))
            return *hit;
    }
    const int side = 2 * (static_cast<int>(std::ceil(m_radius * dpr)) + 2);
    QImage badge(side, side, QImage::Format_ARGB32_Premultiplied);
    badge.fill(Qt::transparent);
    // The same font pixel size as on the target: points convert through its logical DPI.
    badge.setDotsPerMeterX(static_cast<int>(std::lround(dpiX / 0.0254)));
    badge.setDotsPerMeterY(static_cast<int>(std::lround(dpiY / 0.0254)));
    badge.setDevicePixelRatio(dpr);
    {
        QPainter bp(&badge);
        bp.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        const QPointF centre(
            side / 2 + double(phase.x()) / kPhases, side / 2 + double(phase.y()) / kPhases);
        drawVectors(bp, centre / dpr, font);
    }
    QMutexLocker lock(&mutex);
    cache.insert(key, new QImage(badge), static_cast<int>(badge.sizeInBytes()));
    return badge;
}

void ClusterBadge::paint(QPainter &p, const QPointF &centre) const
{
    const QFont font = badgeFont();
    const QTransform device = p.deviceTransform();
    QPaintEngine *engine = p.paintEngine();
    // Images only where they are pixels anyway: a PDF or a recording keeps vectors, and a
    // rotated or sheared painter would resample the image.
    if (!engine || engine->type() != QPaintEngine::Raster || device.type() > QTransform::TxScale
        || device.m11() <= 0 || !qFuzzyCompare(device.m11(), device.m22())) {
        drawVectors(p, centre, font);
        return;
    }
    const qreal dpr = device.m11();
    // Stamp on whole device pixels, so the image is copied, not resampled; the fraction of a
    // pixel is in the image.
    const QPointF c = device.map(centre);
    const qint64 stepsX = std::llround(c.x() * kPhases), stepsY = std::llround(c.y() * kPhases);
    const qint64 wholeX = (stepsX - ((stepsX % kPhases) + kPhases) % kPhases) / kPhases;
    const qint64 wholeY = (stepsY - ((stepsY % kPhases) + kPhases) % kPhases) / kPhases;
    const QPoint phase(
        static_cast<int>(stepsX - wholeX * kPhases), static_cast<int>(stepsY - wholeY * kPhases));
    const QImage badge
        = image(dpr, p.device()->logicalDpiX(), p.device()->logicalDpiY(), font, phase);
    const QPoint topLeft(static_cast<int>(wholeX - badge.width() / 2),
        static_cast<int>(wholeY - badge.height() / 2));
    // Without a world transform, logical pixels are device pixels over the device's own ratio.
    const bool world = !p.worldTransform().isIdentity();
    if (world) {
        p.save();
        p.resetTransform();
    }
    const qreal hidpi = p.deviceTransform().m11();
    p.drawImage(QRectF(topLeft.x() / hidpi, topLeft.y() / hidpi, badge.width() / hidpi,
                    badge.height() / hidpi),
        badge, QRectF(badge.rect()));
    if (world)
        p.restore();
}

} // namespace dv
