// Paints a MapSettings onto any QPainter: window, PNG export, and later PDF reports.
#include "maprenderer.h"

#include "mapdecorations.h"
#include "mapsettings.h"
#include "siteclusterer.h"
#include "symbolcache.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

const QColor kSelection(0xe0, 0x30, 0x1e);

// Screen transform as plain numbers, hoisted out of the per-vertex loop.
struct PixelTransform {
    double scale, ox, oy;
    explicit PixelTransform(const MapSettings &s)
        : scale(1.0 / s.mapUnitsPerPixel())
        , ox(s.outputSize().width() / 2.0 - s.center().x() * scale)
        , oy(s.outputSize().height() / 2.0 + s.center().y() * scale)
    {
    }
    QPointF operator()(const QPointF &p) const { return {p.x() * scale + ox, oy - p.y() * scale}; }
};

// Converts a ring or line to pixels, dropping vertices closer than half a pixel to the last
// one kept: at province zoom the ~1/1024° data has several vertices per pixel.
void toPixels(const QPointF *v, int n, const PixelTransform &t, QPolygonF &out)
{
    out.clear();
    double lx = qInf(), ly = qInf();
    for (int i = 0; i < n; ++i) {
        const QPointF p = t(v[i]);
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        if (std::abs(p.x() - lx) < 0.5 && std::abs(p.y() - ly) < 0.5 && i != n - 1)
            continue;
        out << p;
        lx = p.x();
        ly = p.y();
    }
}

// Sutherland-Hodgman against a rectangle a little larger than the view: keeps coordinates
// small when zoomed far in, so the raster engine's fixed-point maths never overflows.
void clipRing(QPolygonF &ring, const QRectF &clip)
{
    QPolygonF in;
    auto clipEdge = [&](auto inside, auto intersect) {
        in.swap(ring);
        ring.clear();
        if (in.isEmpty())
            return;
        QPointF prev = in.last();
        for (const QPointF &cur : in) {
            const bool ci = inside(cur), pi = inside(prev);
            if (ci) {
                if (!pi)
                    ring << intersect(prev, cur);
                ring << cur;
            } else if (pi) {
                ring << intersect(prev, cur);
            }
            prev = cur;
        }
    };
    auto atX = [](const QPointF &a, const QPointF &b, double x) {
        return QPointF(x, a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x()));
    };
    auto atY = [](const QPointF &a, const QPointF &b, double y) {
        return QPointF(a.x() + (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()), y);
    };
    const double l = clip.left(), r = clip.right(), t = clip.top(), b = clip.bottom();
    clipEdge([&](const QPointF &p) { return p.x() >= l; },
             [&](const QPointF &a, const QPointF &c) { return atX(a, c, l); });
    clipEdge([&](const QPointF &p) { return p.x() <= r; },
             [&](const QPointF &a, const QPointF &c) { return atX(a, c, r); });
    clipEdge([&](const QPointF &p) { return p.y() >= t; },
             [&](const QPointF &a, const QPointF &c) { return atY(a, c, t); });
    clipEdge([&](const QPointF &p) { return p.y() <= b; },
             [&](const QPointF &a, const QPointF &c) { return atY(a, c, b); });
}

QPen strokePen(const QColor &color, double width)
{
    QPen pen(color, width);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

class LayerPainter {
public:
    LayerPainter(QPainter &p, const MapSettings &s, RenderResult &result)
        : p(p)
        , s(s)
        , t(s)
        , result(result)
        , view(s.visibleExtent())
        , pixelClip(-64, -64, s.outputSize().width() + 128, s.outputSize().height() + 128)
    {
    }

    void polygons(const VectorLayer &layer, bool selectedOnly = false);
    void lines(const VectorLayer &layer, bool selectedOnly = false);
    void points(const VectorLayer &layer);
    void sites(const VectorLayer &layer, QVector<QRectF> &occupied);

private:
    QPainterPath featurePath(const VectorLayer &layer, int f);

    QPainter &p;
    const MapSettings &s;
    PixelTransform t;
    RenderResult &result;
    QRectF view;
    QRectF pixelClip;
    QPolygonF ring;
};

QPainterPath LayerPainter::featurePath(const VectorLayer &layer, int f)
{
    const GeometryBuffer &g = layer.projected()->geometry();
    const bool needsClip = !view.contains(layer.projected()->bounds(f));
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (int part = g.firstPart(f), end = g.endPart(f); part < end; ++part) {
        toPixels(g.partVertices(part), g.partSize(part), t, ring);
        if (needsClip)
            clipRing(ring, pixelClip);
        if (ring.size() >= 3)
            path.addPolygon(ring);
    }
    return path;
}

void LayerPainter::polygons(const VectorLayer &layer, bool selectedOnly)
{
    const LayerStyle &style = layer.style();
    if (selectedOnly) {
        p.setPen(strokePen(kSelection, 3.0));
        p.setBrush(Qt::NoBrush);
        p.drawPath(featurePath(layer, s.selection().feature));
        return;
    }
    p.setPen(style.strokeWidth > 0 ? strokePen(style.strokeColor, style.strokeWidth) : QPen(Qt::NoPen));
    p.setBrush(style.fillColor.alpha() > 0 ? QBrush(style.fillColor) : QBrush(Qt::NoBrush));
    layer.projected()->index().query(view, [&](int f) {
        if (!layer.isFeatureVisible(f))
            return;
        p.drawPath(featurePath(layer, f));
        ++result.featuresDrawn;
    });
}

void LayerPainter::lines(const VectorLayer &layer, bool selectedOnly)
{
    const GeometryBuffer &g = layer.projected()->geometry();
    auto drawFeature = [&](int f) {
        for (int part = g.firstPart(f), end = g.endPart(f); part < end; ++part) {
            toPixels(g.partVertices(part), g.partSize(part), t, ring);
            for (QPointF &pt : ring) // crude clamp; lines far off-screen are rare here
                pt = QPointF(std::clamp(pt.x(), -1e5, 1e5), std::clamp(pt.y(), -1e5, 1e5));
            p.drawPolyline(ring);
        }
    };
    if (selectedOnly) {
        p.setPen(strokePen(kSelection, 3.0));
        drawFeature(s.selection().feature);
        return;
    }
    p.setPen(strokePen(layer.style().strokeColor, layer.style().strokeWidth));
    p.setBrush(Qt::NoBrush);
    layer.projected()->index().query(view, [&](int f) {
        drawFeature(f);
        ++result.featuresDrawn;
    });
}

void LayerPainter::points(const VectorLayer &layer)
{
    const LayerStyle &style = layer.style();
    const qreal dpr = p.device()->devicePixelRatioF();
    const double size = style.pointSize;
    // One pre-drawn symbol stamped per point is several times faster than drawEllipse.
    const int px = std::max(2, static_cast<int>(std::ceil((size + 2) * dpr)));
    QImage symbol(px, px, QImage::Format_ARGB32_Premultiplied);
    symbol.fill(Qt::transparent);
    {
        QPainter sp(&symbol);
        sp.setRenderHint(QPainter::Antialiasing);
        sp.setPen(QPen(style.strokeColor, 1.0 * dpr));
        sp.setBrush(style.fillColor);
        sp.drawEllipse(QRectF(dpr, dpr, size * dpr, size * dpr));
    }
    symbol.setDevicePixelRatio(dpr);
    const double half = (size + 2) / 2.0;

    // A point on a device pixel that already has one would paint the same pixels again.
    const int w = static_cast<int>(std::ceil(s.outputSize().width() * dpr));
    const int h = static_cast<int>(std::ceil(s.outputSize().height() * dpr));
    std::vector<std::uint8_t> occupied(static_cast<std::size_t>(w) * h, 0);
    const GeometryBuffer &g = layer.projected()->geometry();
    const double m = half * s.mapUnitsPerPixel();
    layer.projected()->index().query(view.adjusted(-m, -m, m, m), [&](int f) {
        for (int part = g.firstPart(f), end = g.endPart(f); part < end; ++part) {
            const QPointF pt = t(*g.partVertices(part));
            const int ix = static_cast<int>(pt.x() * dpr), iy = static_cast<int>(pt.y() * dpr);
            if (ix >= 0 && iy >= 0 && ix < w && iy < h) {
                std::uint8_t &cell = occupied[static_cast<std::size_t>(iy) * w + ix];
                if (cell)
                    continue;
                cell = 1;
            }
            p.drawImage(QPointF(pt.x() - half, pt.y() - half), symbol);
        }
        ++result.featuresDrawn;
    });
    if (s.selection().layerId == layer.id() && s.selection().feature >= 0) {
        const QPointF pt = t(g.firstVertex(s.selection().feature));
        p.setPen(strokePen(kSelection, 2.5));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(pt, half + 3, half + 3);
    }
}

void LayerPainter::sites(const VectorLayer &layer, QVector<QRectF> &occupied)
{
    const LayerStyle &style = layer.style();
    const double size = style.pointSize;
    const qreal dpr = p.device()->devicePixelRatioF();
    const auto clusters = SiteClusterer::cluster(s, layer, MapRenderer::clusterRadius(s));
    QFont badgeFont;
    badgeFont.setPointSizeF(8.5);
    badgeFont.setBold(true);
    for (const SiteCluster &c : clusters) {
        if (c.isSingle()) {
            const int f = c.features.front();
            const int cat = layer.featureCategory(f);
            const QString icon = cat >= 0 ? style.categories[cat].iconPath : QString();
            const QRectF r(c.position.x() - size / 2, c.position.y() - size / 2, size, size);
            if (s.selection().layerId == layer.id() && s.selection().feature == f) {
                p.setPen(strokePen(kSelection, 3));
                p.setBrush(Qt::white);
                p.drawEllipse(c.position, size / 2 + 4, size / 2 + 4);
            }
            p.drawImage(r.topLeft(), SymbolCache::icon(icon, size, dpr));
            occupied << r;
            ++result.featuresDrawn;
            continue;
        }
        // A badge whose ring shows the share of each site type, with the count inside.
        const int n = static_cast<int>(c.features.size());
        const double radius = SiteClusterer::badgeRadius(n);
        const QRectF outer(c.position.x() - radius, c.position.y() - radius, 2 * radius, 2 * radius);
        int start = 90 * 16;
        for (int k = 0; k < 4; ++k) {
            if (c.categoryCounts[k] == 0)
                continue;
            const int span = -static_cast<int>(std::lround(360.0 * 16 * c.categoryCounts[k] / n));
            p.setPen(Qt::NoPen);
            p.setBrush(k < style.categories.size() ? style.categories[k].color : QColor(Qt::gray));
            p.drawPie(outer, start, span);
            start += span;
        }
        p.setBrush(Qt::white);
        p.drawEllipse(c.position, radius - 5, radius - 5);
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.setFont(badgeFont);
        p.drawText(outer, Qt::AlignCenter, QString::number(n));
        occupied << outer;
        result.featuresDrawn += n;
    }
}

void placeLabels(QPainter &p, const MapSettings &s, const QVector<QRectF> &symbols,
                 RenderResult &result)
{
    LabelPlacer placer(QRectF(QPointF(0, 0), QSizeF(s.outputSize())));
    for (const QRectF &r : MapDecorations::areas(s))
        placer.block(r);
    for (const QRectF &r : symbols)
        placer.avoid(r);
    QFont font;
    font.setPointSizeF(9.5);
    const QFontMetricsF fm(font);
    const PixelTransform t(s);
    const QRectF view = s.visibleExtent();
    for (const VectorLayer &layer : s.layers()) {
        const QString field = layer.style().labelField;
        if (!layer.isVisible() || field.isEmpty() || !layer.projected())
            continue;
        const ProjectedGeometry &geo = *layer.projected();
        // Larger features first: a county's name matters more than a sliver's.
        std::vector<int> features = geo.index().query(view);
        std::sort(features.begin(), features.end(), [&](int a, int b) {
            const double aa = geo.bounds(a).width() * geo.bounds(a).height();
            const double bb = geo.bounds(b).width() * geo.bounds(b).height();
            return aa != bb ? aa > bb : a < b;
        });
        for (int f : features) {
            const QString text = layer.table().text(f, field);
            if (!text.isEmpty() && view.contains(geo.anchor(f)))
                placer.place(text, t(geo.anchor(f)), fm);
        }
    }
    p.save();
    p.setFont(font);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    for (const PlacedLabel &l : placer.placed()) {
        // A white halo keeps names legible over borders and fills.
        QPainterPath path;
        const QRectF inner = l.rect.adjusted(2, 2, -2, -2);
        path.addText(inner.left(), inner.top() + fm.ascent(), font, l.text);
        p.setPen(QPen(QColor(255, 255, 255, 220), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x2b, 0x2b, 0x2b));
        p.drawPath(path);
    }
    p.restore();
    result.labels = placer.placed();
}

} // namespace

double MapRenderer::clusterRadius(const MapSettings &settings)
{
    for (const VectorLayer &l : settings.layers()) {
        if (l.role() == LayerRole::Sites)
            return l.style().pointSize * 1.6;
    }
    return 24;
}

RenderResult MapRenderer::render(QPainter &p, const MapSettings &s)
{
    RenderResult result;
    p.save();
    p.fillRect(QRectF(QPointF(0, 0), QSizeF(s.outputSize())), s.backgroundColor());
    p.setRenderHint(QPainter::Antialiasing);
    LayerPainter painter(p, s, result);
    QVector<QRectF> occupied; // site symbols and badges, which labels avoid
    const VectorLayer *selectedLayer = nullptr;
    for (const VectorLayer &layer : s.layers()) {
        if (!layer.isVisible() || !layer.projected())
            continue;
        if (layer.id() == s.selection().layerId)
            selectedLayer = &layer;
        switch (layer.kind()) {
        case GeometryKind::Polygon:
            painter.polygons(layer);
            break;
        case GeometryKind::Line:
            painter.lines(layer);
            break;
        case GeometryKind::Point:
            if (layer.style().clusterPoints)
                painter.sites(layer, occupied);
            else
                painter.points(layer);
            break;
        }
    }
    // Polygon and line selections are outlined over everything so they are never hidden.
    if (selectedLayer && s.selection().feature < selectedLayer->featureCount()) {
        if (selectedLayer->kind() == GeometryKind::Polygon)
            painter.polygons(*selectedLayer, true);
        else if (selectedLayer->kind() == GeometryKind::Line)
            painter.lines(*selectedLayer, true);
    }
    if (s.labelsEnabled())
        placeLabels(p, s, occupied, result);
    MapDecorations::paint(p, s);
    p.restore();
    return result;
}

QImage MapRenderer::renderImage(const MapSettings &settings, RenderResult *result)
{
    const qreal dpr = settings.devicePixelRatio();
    QImage image(settings.outputSize() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    QPainter painter(&image);
    RenderResult r = render(painter, settings);
    if (result)
        *result = std::move(r);
    return image;
}

} // namespace dv
