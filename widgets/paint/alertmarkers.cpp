// Where alerts are on the map: a red pulsing ring per site, an alert count per county.
#include "alertmarkers.h"

#include "alertrecord.h"
#include "mapsettings.h"
#include "projectedgeometry.h"
#include "vectorlayer.h"

#include <QFontMetricsF>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QMutexLocker>
#include <QPaintEngine>
#include <QPainter>
#include <QRegion>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

const QColor kCritical(0xd3, 0x2f, 0x2f);
const QColor kWarning(0xef, 0x6c, 0x00);

// Steps of the pulse that sprites are made for: the ring grows under half a pixel per step.
constexpr int kPhaseSteps = 32;
// Half a sprite's side in logical pixels: the pulse's largest ring and its pen fit inside.
constexpr double kSpriteHalf = 27;

// One site's marker: a steady ring says where, on a white halo so it reads over any fill (a
// choropleth has reds of its own); a second ring grows and fades to catch the eye.
void paintRing(QPainter &painter, const QPointF &at, const QColor &colour, double phase)
{
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 5.0));
    painter.drawEllipse(at, 11, 11);
    painter.setPen(QPen(colour, 2.5));
    painter.drawEllipse(at, 11, 11);
    QColor pulse = colour;
    pulse.setAlphaF(0.8 * (1.0 - phase));
    painter.setPen(QPen(pulse, 2.0));
    painter.drawEllipse(at, 11 + 14 * phase, 11 + 14 * phase);
}

// paintRing() rendered once per colour, pulse step and pixel ratio, shared by all render
// threads: stroking three antialiased circles costs ~0.12 ms a site, stamping one image a few
// microseconds, which keeps the canvas's 10 fps pulse and a bad day's export cheap.
QImage ringSprite(bool critical, int step, qreal dpr)
{
    static QMutex mutex;
    static QHash<QString, QImage> cache;
    const QString key = QStringLiteral("%1/%2@%3").arg(int(critical)).arg(step).arg(dpr);
    // Held for one look-up per colour per paint; a sprite is drawn once.
    QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    const int px = static_cast<int>(std::ceil(2 * kSpriteHalf * dpr));
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        paintRing(p, QPointF(kSpriteHalf, kSpriteHalf), critical ? kCritical : kWarning,
            double(step) / kPhaseSteps);
    }
    cache.insert(key, image);
    return image;
}

// Key -> feature for one attribute of a layer; empty when the layer or the field is missing.
QHash<QString, int> featuresBy(const VectorLayer *layer, const QString &field)
{
    QHash<QString, int> features;
    const int column = layer ? layer->table().fieldIndex(field) : -1;
    if (column < 0)
        return features;
    features.reserve(layer->featureCount());
    for (int f = 0; f < layer->featureCount(); ++f)
        features.insert(layer->table().value(f, column).toString(), f);
    return features;
}

} // namespace

AlertMarkers AlertMarkers::fromAlerts(
    const std::vector<AlertRecord> &alerts, const VectorLayer *sites, const VectorLayer *counties)
{
    const QHash<QString, int> siteFeatures = featuresBy(sites, QStringLiteral("site_id"));
    const QHash<QString, int> countyFeatures = featuresBy(counties, QStringLiteral("code"));
    // Ordered by feature, so the same alerts always paint in the same order.
    QMap<int, bool> siteCritical;
    QMap<int, County> countyMarkers;
    for (const AlertRecord &a : alerts) {
        if (!a.isOpen())
            continue;
        if (const auto site = siteFeatures.constFind(a.siteId()); site != siteFeatures.constEnd())
            siteCritical[*site] = siteCritical.value(*site) || a.critical;
        if (const auto county = countyFeatures.constFind(a.countyCode());
            county != countyFeatures.constEnd()) {
            County &c = countyMarkers[*county];
            c.feature = *county;
            ++c.count;
            c.critical = c.critical || a.critical;
        }
    }
    AlertMarkers markers;
    for (auto it = siteCritical.cbegin(); it != siteCritical.cend(); ++it)
        markers.mSites.append({ it.key(), it.value() });
    for (const County &c : countyMarkers)
        markers.mCounties.append(c);
    return markers;
}

void AlertMarkers::paint(QPainter &painter, const MapSettings &view, double phase,
    const QVector<QRectF> &keepClear) const
{
    paint(painter, view, view.layer(QStringLiteral("sites")),
        view.layer(QStringLiteral("counties")), phase, keepClear);
}

void AlertMarkers::paint(QPainter &painter, const MapSettings &view, const VectorLayer *sites,
    const VectorLayer *counties, double phase, const QVector<QRectF> &keepClear) const
{
    phase = std::clamp(phase, 0.0, 1.0);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (!keepClear.isEmpty()) {
        // Whole pixels: a clip of rectangles keeps the raster engine on its fast path.
        QRegion area(QRect(QPoint(0, 0), view.outputSize()));
        for (const QRectF &r : keepClear)
            area -= r.toAlignedRect();
        painter.setClipRegion(area, Qt::IntersectClip);
    }
    const QRectF visible(QPointF(-40, -40), QSizeF(view.outputSize()) + QSizeF(80, 80));
    if (sites && sites->projected()) {
        // On images and screens the rings are stamped from sprites; a PDF or a scaled painter
        // gets them as vectors, drawn by the same paintRing().
        const QPaintEngine *engine = painter.paintEngine();
        const bool stamp = engine && engine->type() == QPaintEngine::Raster
            && painter.transform().type() <= QTransform::TxTranslate;
        const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
        const int step = static_cast<int>(std::lround(phase * kPhaseSteps));
        const QImage critical = stamp ? ringSprite(true, step, dpr) : QImage();
        const QImage warning = stamp ? ringSprite(false, step, dpr) : QImage();
        for (const Site &s : mSites) {
            if (s.feature < 0 || s.feature >= sites->featureCount())
                continue;
            const QPointF p = view.toPixel(sites->projected()->anchor(s.feature));
            if (!visible.contains(p))
                continue;
            if (stamp)
                painter.drawImage(
                    p - QPointF(kSpriteHalf, kSpriteHalf), s.critical ? critical : warning);
            else
                paintRing(painter, p, s.critical ? kCritical : kWarning, phase);
        }
    }
    if (counties && counties->projected()) {
        QFont font = painter.font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter.setFont(font);
        const QFontMetricsF metrics(font);
        for (const County &c : mCounties) {
            if (c.feature < 0 || c.feature >= counties->featureCount() || c.count <= 0)
                continue;
            // Beside the county's name, not on it: up and to the right of the label point.
            const QPointF anchor = view.toPixel(counties->projected()->anchor(c.feature));
            const QString text = QString::number(c.count);
            const double w = std::max(metrics.height(), metrics.horizontalAdvance(text) + 8);
            const QRectF badge(
                anchor + QPointF(8, -metrics.height() - 10), QSizeF(w, metrics.height() + 2));
            if (!visible.intersects(badge))
                continue;
            painter.setPen(QPen(Qt::white, 1.5));
            painter.setBrush(c.critical ? kCritical : kWarning);
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
            painter.setPen(Qt::white);
            painter.drawText(badge, Qt::AlignCenter, text);
        }
    }
    painter.restore();
}

} // namespace dv
