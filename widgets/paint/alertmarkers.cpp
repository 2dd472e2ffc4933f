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
    if (phase < 0)
        return; // steady only
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
            step < 0 ? -1.0 : double(step) / kPhaseSteps);
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

QFont AlertMarkers::badgeFont()
{
    QFont font;
    font.setBold(true);
    font.setPixelSize(12); // logical pixels: 12 at 96 dpi, scaled with the output's ratio
    return font;
}

QVector<QRectF> AlertMarkers::ringAreas(const MapSettings &view, const VectorLayer *sites) const
{
    QVector<QRectF> out;
    if (!sites || !sites->projected())
        return out;
    const QRectF bounds(QPointF(0, 0), QSizeF(view.outputSize()));
    // The steady ring: radius 11 with its 5-pixel halo.
    const double r = 11 + 2.5 + 1;
    for (const Site &s : mSites) {
        if (s.feature < 0 || s.feature >= sites->featureCount())
            continue;
        const QPointF p = view.toPixel(sites->projected()->anchor(s.feature));
        const QRectF box(p.x() - r, p.y() - r, 2 * r, 2 * r);
        if (bounds.intersects(box))
            out << box;
    }
    return out;
}

QVector<AlertMarkers::CountyBadge> AlertMarkers::placeCountyBadges(const MapSettings &view,
    const VectorLayer *counties, const QVector<PlacedLabel> &labels,
    const QVector<QRectF> &obstacles) const
{
    QVector<CountyBadge> placed;
    if (!counties || !counties->projected())
        return placed;
    QVector<County> order;
    for (const County &c : mCounties) {
        if (c.feature >= 0 && c.feature < counties->featureCount() && c.count > 0)
            order << c;
    }
    std::stable_sort(order.begin(), order.end(), [](const County &a, const County &b) {
        if (a.critical != b.critical)
            return a.critical;
        return a.count != b.count ? a.count > b.count : a.feature < b.feature;
    });
    QHash<int, QRectF> nameOf;
    for (const PlacedLabel &l : labels) {
        if (l.layerId == counties->id() && l.feature >= 0)
            nameOf.insert(l.feature, l.rect);
    }
    const QRectF bounds(QPointF(0, 0), QSizeF(view.outputSize()));
    const QFontMetricsF metrics(badgeFont());
    const double h = std::max(kBadgeHeight, std::ceil(metrics.height()) + 3);
    auto isFree = [&](const QRectF &r) {
        if (!bounds.contains(r))
            return false;
        for (const PlacedLabel &l : labels) {
            if (l.rect.intersects(r))
                return false;
        }
        for (const QRectF &o : obstacles) {
            if (o.intersects(r))
                return false;
        }
        for (const CountyBadge &b : placed) {
            if (b.rect.intersects(r))
                return false;
        }
        return true;
    };
    for (const County &c : order) {
        const QString text = QString::number(c.count);
        const double w = std::max(h, std::ceil(metrics.horizontalAdvance(text)) + 10);
        QVector<QPointF> corners; // top-left corners to try, best first
        if (const auto name = nameOf.constFind(c.feature); name != nameOf.constEnd()) {
            const QRectF n = *name;
            const double g = 2;
            corners = { { n.right() - w, n.top() - h - g }, // above the name's end
                { n.right() + g, n.center().y() - h / 2 }, // after it
                { n.right() + g, n.top() - h / 2 }, { n.left() - w - g, n.center().y() - h / 2 },
                { n.center().x() - w / 2, n.bottom() + g }, { n.left(), n.top() - h - g } };
        } else {
            // No name shown: up and to the right of the county's label point, else around it.
            const QPointF a = view.toPixel(counties->projected()->anchor(c.feature));
            corners = { { a.x() + 6, a.y() - h - 6 }, { a.x() + 6, a.y() - h / 2 },
                { a.x() - w - 6, a.y() - h - 6 }, { a.x() - w / 2, a.y() + 6 },
                { a.x() - w - 6, a.y() - h / 2 } };
        }
        for (const QPointF &topLeft : std::as_const(corners)) {
            const QRectF r(topLeft, QSizeF(w, h));
            if (isFree(r)) {
                placed.append({ c.feature, r, c.count, c.critical });
                break;
            }
        }
    }
    return placed;
}

void AlertMarkers::paint(QPainter &painter, const MapSettings &view, const VectorLayer *sites,
    const VectorLayer *counties, double phase, const QVector<QRectF> &keepClear) const
{
    // No frame's names to go by: the badges keep clear of the rings and of each other.
    QVector<QRectF> obstacles = keepClear;
    obstacles += ringAreas(view, sites);
    paint(painter, view, sites, placeCountyBadges(view, counties, {}, obstacles), phase, keepClear);
}

void AlertMarkers::paint(QPainter &painter, const MapSettings &view, const VectorLayer *sites,
    const QVector<CountyBadge> &badges, double phase, const QVector<QRectF> &keepClear) const
{
    phase = phase < 0 ? -1.0 : std::clamp(phase, 0.0, 1.0);
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
        const int step = phase < 0 ? -1 : static_cast<int>(std::lround(phase * kPhaseSteps));
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
    painter.setFont(badgeFont());
    for (const CountyBadge &b : badges) {
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(b.critical ? kCritical : kWarning);
        painter.drawRoundedRect(b.rect, b.rect.height() / 2, b.rect.height() / 2);
        painter.setPen(Qt::white);
        painter.drawText(b.rect, Qt::AlignCenter, QString::number(b.count));
    }
    painter.restore();
}

} // namespace dv
