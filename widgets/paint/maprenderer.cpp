// Paints a MapSettings onto any QPainter: window, PNG export, and later PDF reports.
#include "maprenderer.h"

#include "alertmarkers.h"
#include "choroplethstyle.h"
#include "clusterbadge.h"
#include "mapdecorations.h"
#include "mapsettings.h"
#include "siteclusterer.h"
#include "symbolcache.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>
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
    QPointF operator()(const QPointF &p) const
    {
        return { p.x() * scale + ox, oy - p.y() * scale };
    }
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

// Douglas-Peucker in pixels: drops vertices that lie within tolerance of the line through
// their neighbours. On county borders at province zoom it keeps about a fifth of them, and the
// stroker's cost is per segment.
void simplify(QPolygonF &line, double tolerance, std::vector<char> &keep,
    std::vector<std::pair<int, int>> &stack)
{
    const int n = line.size();
    if (n < 4)
        return;
    keep.assign(n, 0);
    keep[0] = keep[n - 1] = 1;
    stack.clear();
    stack.emplace_back(0, n - 1);
    const double tol2 = tolerance * tolerance;
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        const QPointF pa = line[a], d = line[b] - pa;
        const double len2 = d.x() * d.x() + d.y() * d.y();
        double worst = -1;
        int index = -1;
        for (int i = a + 1; i < b; ++i) {
            const QPointF v = line[i] - pa;
            // Squared distance to the segment's line (or to pa when a and b coincide, as in a
            // ring).
            const double cross = v.x() * d.y() - v.y() * d.x();
            const double dist2 = len2 > 0 ? cross * cross / len2 : v.x() * v.x() + v.y() * v.y();
            if (dist2 > worst) {
                worst = dist2;
                index = i;
            }
        }
        if (index >= 0 && worst > tol2) {
            keep[index] = 1;
            stack.emplace_back(a, index);
            stack.emplace_back(index, b);
        }
    }
    int out = 0;
    for (int i = 0; i < n; ++i) {
        if (keep[i])
            line[out++] = line[i];
    }
    line.resize(out);
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
    // Round joins make Qt's stroker emit an arc per vertex: on borders with a vertex every
    // pixel that is several times slower than bevel joins, which look the same at these widths.
    pen.setJoinStyle(Qt::BevelJoin);
    pen.setCapStyle(Qt::FlatCap);
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

    // [first, end) limits the features painted, so one layer can be shared between threads.
    void polygons(const VectorLayer &layer, int first = 0, int end = INT_MAX);
    void selectedPolygon(const VectorLayer &layer);
    void lines(const VectorLayer &layer, int first = 0, int end = INT_MAX);
    void selectedLine(const VectorLayer &layer);
    void points(const VectorLayer &layer, int first = 0, int end = INT_MAX);
    void sites(const VectorLayer &layer, QVector<QRectF> &occupied);

private:
    QPainterPath featurePath(const VectorLayer &layer, int f, double tolerance = 0.4);
    void drawLine(const VectorLayer &layer, int f);

    QPainter &p;
    const MapSettings &s;
    PixelTransform t;
    RenderResult &result;
    QRectF view;
    QRectF pixelClip;
    QPolygonF ring;
    std::vector<char> keep; // scratch for simplify()
    std::vector<std::pair<int, int>> stack; // scratch for simplify()
};

QPainterPath LayerPainter::featurePath(const VectorLayer &layer, int f, double tolerance)
{
    const GeometryBuffer &g = layer.projected()->geometry();
    const bool needsClip = !view.contains(layer.projected()->bounds(f));
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (int part = g.firstPart(f), end = g.endPart(f); part < end; ++part) {
        toPixels(g.partVertices(part), g.partSize(part), t, ring);
        simplify(ring, tolerance, keep, stack);
        if (needsClip)
            clipRing(ring, pixelClip);
        if (ring.size() >= 3)
            path.addPolygon(ring);
    }
    return path;
}

void LayerPainter::selectedPolygon(const VectorLayer &layer)
{
    p.setPen(strokePen(kSelection, 3.0));
    p.setBrush(Qt::NoBrush);
    p.drawPath(featurePath(layer, s.selection().feature));
}

void LayerPainter::polygons(const VectorLayer &layer, int first, int end)
{
    const LayerStyle &style = layer.style();
    p.setPen(
        style.strokeWidth > 0 ? strokePen(style.strokeColor, style.strokeWidth) : QPen(Qt::NoPen));
    p.setBrush(style.fillColor.alpha() > 0 ? QBrush(style.fillColor) : QBrush(Qt::NoBrush));
    // A wide outline hides detail finer than about a third of its width, and the stroker's
    // cost grows with every segment it joins.
    const double tolerance = std::max(0.4, style.strokeWidth * 0.35);
    // An opaque fill under an outline needs no antialiasing: the antialiased outline covers its
    // edge, and aliased spans fill several times faster.
    const bool splitFill = style.fillColor.alpha() == 255 && style.strokeWidth > 0;
    const QPen pen = p.pen();
    // A choropleth recolours the counties only; other polygon layers keep their own style.
    const ChoroplethStyle *theme = layer.role() == LayerRole::Counties ? s.choropleth() : nullptr;
    const int joinField = theme ? layer.table().fieldIndex(ChoroplethStyle::joinField()) : -1;
    const QPen themePen
        = strokePen(QColor(0xff, 0xff, 0xff, 230), std::max(0.8, style.strokeWidth));
    layer.projected()->index().query(view, [&](int f) {
        if (f < first || f >= end || !layer.isFeatureVisible(f))
            return;
        const QPainterPath path = featurePath(layer, f, tolerance);
        if (theme) {
            const QColor fill = joinField >= 0
                ? theme->colourFor(layer.table().value(f, joinField).toString())
                : QColor();
            p.setRenderHint(QPainter::Antialiasing, false);
            if (fill.isValid())
                p.fillPath(path, fill);
            else
                MapRenderer::paintNoData(p, path);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.strokePath(path, themePen);
        } else if (splitFill) {
            p.setRenderHint(QPainter::Antialiasing, false);
            p.fillPath(path, style.fillColor);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.strokePath(path, pen);
        } else {
            p.drawPath(path);
        }
        ++result.featuresDrawn;
    });
}

void LayerPainter::drawLine(const VectorLayer &layer, int f)
{
    const GeometryBuffer &g = layer.projected()->geometry();
    for (int part = g.firstPart(f), end = g.endPart(f); part < end; ++part) {
        toPixels(g.partVertices(part), g.partSize(part), t, ring);
        simplify(ring, 0.4, keep, stack);
        for (QPointF &pt : ring) // crude clamp; lines far off-screen are rare here
            pt = QPointF(std::clamp(pt.x(), -1e5, 1e5), std::clamp(pt.y(), -1e5, 1e5));
        p.drawPolyline(ring);
    }
}

void LayerPainter::selectedLine(const VectorLayer &layer)
{
    p.setPen(strokePen(kSelection, 3.0));
    drawLine(layer, s.selection().feature);
}

void LayerPainter::lines(const VectorLayer &layer, int first, int end)
{
    p.setPen(strokePen(layer.style().strokeColor, layer.style().strokeWidth));
    p.setBrush(Qt::NoBrush);
    layer.projected()->index().query(view, [&](int f) {
        if (f < first || f >= end || !layer.isFeatureVisible(f))
            return;
        drawLine(layer, f);
        ++result.featuresDrawn;
    });
}

void LayerPainter::points(const VectorLayer &layer, int first, int end)
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
        if (f < first || f >= end || !layer.isFeatureVisible(f))
            return;
        for (int part = g.firstPart(f), endPart = g.endPart(f); part < endPart; ++part) {
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
    const int selected = s.selection().layerId == layer.id() ? s.selection().feature : -1;
    if (selected >= first && selected < end && selected < layer.featureCount()) {
        const QPointF pt = t(g.firstVertex(selected));
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
    std::array<QColor, 4> colours;
    for (int k = 0; k < 4; ++k)
        colours[k] = k < style.categories.size() ? style.categories[k].color : QColor(Qt::gray);
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
        const ClusterBadge badge(n, c.categoryCounts, colours);
        const double radius = badge.radius();
        const QRectF outer(
            c.position.x() - radius, c.position.y() - radius, 2 * radius, 2 * radius);
        badge.paint(p, c.position);
        occupied << outer;
        result.clusterBadges << outer;
        result.featuresDrawn += n;
    }
}

// Names keep off the decorations, cluster badges and alert rings (blocked: a name there is
// dropped rather than hidden or hiding them) and off single site symbols when they can.
void placeLabels(QPainter &p, const MapSettings &s, const QVector<QRectF> &symbols,
    const QVector<QRectF> &blocked, RenderResult &result)
{
    LabelPlacer placer(QRectF(QPointF(0, 0), QSizeF(s.outputSize())));
    for (const QRectF &r : MapDecorations::areas(s))
        placer.block(r);
    for (const QRectF &r : blocked)
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
                placer.place(text, t(geo.anchor(f)), fm, 0, layer.id(), f);
        }
    }
    p.save();
    p.setFont(font);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    // A white halo keeps names legible over borders and symbols. It is the text drawn eight
    // times around its position: glyphs come from the glyph cache, whereas outlining them as
    // paths cost ~1 ms per CJK label.
    // QStaticText shapes each name once; drawText would shape it again for every halo copy.
    static const QPointF haloOffsets[] = { { -1.2, 0 }, { 1.2, 0 }, { 0, -1.2 }, { 0, 1.2 },
        { -0.9, -0.9 }, { 0.9, -0.9 }, { -0.9, 0.9 }, { 0.9, 0.9 } };
    std::vector<QStaticText> texts;
    texts.reserve(placer.placed().size());
    for (const PlacedLabel &l : placer.placed()) {
        texts.emplace_back(l.text);
        texts.back().setTextFormat(Qt::PlainText);
        texts.back().prepare(p.transform(), font);
    }
    p.setPen(QColor(255, 255, 255, 235));
    for (int i = 0; i < placer.placed().size(); ++i) {
        const QPointF topLeft = placer.placed()[i].rect.topLeft() + QPointF(2, 2);
        for (const QPointF &o : haloOffsets)
            p.drawStaticText(topLeft + o, texts[i]);
    }
    p.setPen(QColor(0x2b, 0x2b, 0x2b));
    for (int i = 0; i < placer.placed().size(); ++i)
        p.drawStaticText(placer.placed()[i].rect.topLeft() + QPointF(2, 2), texts[i]);
    p.restore();
    result.labels = placer.placed();
}

} // namespace

void MapRenderer::paintNoData(QPainter &p, const QPainterPath &area)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillPath(area, ChoroplethStyle::noDataFill());
    p.setClipPath(area, Qt::IntersectClip);
    // Lines x + y = k * spacing in logical pixels: neighbouring counties without data share one
    // continuous hatch, and at device pixel ratio 2 the lines are two device pixels wide.
    // Aliased 45-degree lines stay crisp at any ratio.
    const double spacing = 6;
    QPen pen(ChoroplethStyle::noDataHatch(), 1.0);
    pen.setCapStyle(Qt::FlatCap);
    p.setPen(pen);
    const QRectF r = area.boundingRect();
    QVector<QLineF> lines;
    for (double k = std::floor((r.left() + r.top()) / spacing) * spacing;
         k <= r.right() + r.bottom() + spacing; k += spacing)
        lines.append(QLineF(k - r.bottom() - 1, r.bottom() + 1, k - r.top() + 1, r.top() - 1));
    p.drawLines(lines);
    p.restore();
}

double MapRenderer::clusterRadius(const MapSettings &settings)
{
    for (const VectorLayer &l : settings.layers()) {
        if (l.role() == LayerRole::Sites)
            return l.style().pointSize * 1.6;
    }
    return 24;
}

namespace {

// A position in drawing order: layer index and feature index within it.
struct DrawPosition {
    std::size_t layer = 0;
    int feature = 0;
};

// Paints everything from `from` up to (not including) `to` in drawing order; site symbols are
// added to occupied for label placement.
void paintLayers(QPainter &p, const MapSettings &s, DrawPosition from, DrawPosition to,
    RenderResult &result, QVector<QRectF> &occupied)
{
    p.setRenderHint(QPainter::Antialiasing);
    LayerPainter painter(p, s, result);
    const auto &layers = s.layers();
    for (std::size_t i = from.layer; i <= to.layer && i < layers.size(); ++i) {
        const VectorLayer &layer = layers[i];
        if (!layer.isVisible() || !layer.projected())
            continue;
        const int first = i == from.layer ? from.feature : 0;
        const int end = i == to.layer ? to.feature : INT_MAX;
        if (first >= end)
            continue;
        switch (layer.kind()) {
        case GeometryKind::Polygon:
            painter.polygons(layer, first, end);
            break;
        case GeometryKind::Line:
            painter.lines(layer, first, end);
            break;
        case GeometryKind::Point:
            if (layer.style().clusterPoints)
                painter.sites(layer, occupied);
            else
                painter.points(layer, first, end);
            break;
        }
    }
}

// What goes over all layers: the selection outline, labels, alert markers, decorations.
void paintOverlays(
    QPainter &p, const MapSettings &s, const QVector<QRectF> &occupied, RenderResult &result)
{
    const VectorLayer *selected = s.layer(s.selection().layerId);
    if (selected && selected->isVisible() && selected->projected()
        && s.selection().feature < selected->featureCount()) {
        // Polygon and line selections are outlined over everything so they are never hidden.
        p.setRenderHint(QPainter::Antialiasing);
        LayerPainter painter(p, s, result);
        if (selected->kind() == GeometryKind::Polygon)
            painter.selectedPolygon(*selected);
        else if (selected->kind() == GeometryKind::Line)
            painter.selectedLine(*selected);
    }
    const AlertMarkers *markers = s.alertMarkers();
    const VectorLayer *sites = s.layer(QStringLiteral("sites"));
    if (markers)
        result.alertRings = markers->ringAreas(s, sites);
    // A pixel's margin: a name touching a badge reads as on it.
    QVector<QRectF> blocked;
    for (const QRectF &r : std::as_const(result.clusterBadges))
        blocked << r.adjusted(-1, -1, 1, 1);
    blocked += result.alertRings;
    if (s.labelsEnabled())
        placeLabels(p, s, occupied, blocked, result);
    // Beside the names and off the decorations, as the canvas shows them: an exported frame
    // looks like the window at one moment of the pulse.
    result.decorations = MapDecorations::areas(s);
    if (markers) {
        result.countyBadges = markers->placeCountyBadges(s,
            s.layer(QStringLiteral("counties")), result.labels, blocked + result.decorations);
        if (!markers->isPaintedOverFrame())
            markers->paint(
                p, s, sites, result.countyBadges, AlertMarkers::kStillPhase, result.decorations);
    }
    MapDecorations::paint(p, s);
}

// A rough cost per vertex: wide strokes go through Qt's general stroker, points are one
// stamped symbol each.
double costPerVertex(const VectorLayer &layer)
{
    if (!layer.isVisible() || !layer.projected())
        return 0;
    if (layer.kind() == GeometryKind::Point)
        return 0.5;
    return layer.style().strokeWidth > 1.0 ? 3.0 : 1.0;
}

// Where the drawing order divides into two halves of about equal estimated cost.
DrawPosition balancedSplit(const std::vector<VectorLayer> &layers, std::size_t top, double *total)
{
    *total = 0;
    for (std::size_t i = 0; i < top; ++i) {
        if (const double c = costPerVertex(layers[i]); c > 0)
            *total += c * static_cast<double>(layers[i].projected()->geometry().vertexCount());
    }
    double sum = 0;
    for (std::size_t i = 0; i < top; ++i) {
        const double c = costPerVertex(layers[i]);
        if (c == 0)
            continue;
        const GeometryBuffer &g = layers[i].projected()->geometry();
        for (int f = 0; f < g.featureCount(); ++f) {
            for (int part = g.firstPart(f); part < g.endPart(f); ++part)
                sum += c * g.partSize(part);
            if (sum >= *total / 2)
                return { i, f + 1 };
        }
    }
    return { top, 0 };
}

// Two threads, like the machines this runs on; its own pool so a file loading in the
// background never delays a frame.
QThreadPool &renderPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
}

} // namespace

RenderResult MapRenderer::render(QPainter &p, const MapSettings &s)
{
    RenderResult result;
    QVector<QRectF> occupied;
    p.save();
    p.fillRect(QRectF(QPointF(0, 0), QSizeF(s.outputSize())), s.backgroundColor());
    paintLayers(
        p, s, DrawPosition { 0, 0 }, DrawPosition { s.layers().size(), 0 }, result, occupied);
    paintOverlays(p, s, occupied, result);
    p.restore();
    return result;
}

QImage MapRenderer::renderImage(const MapSettings &settings, RenderResult *result)
{
    const qreal dpr = settings.devicePixelRatio();
    QImage image(settings.outputSize() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);

    // QGIS's parallel render job in two parts: the lower layers paint on this thread while
    // the upper ones paint on a transparent image on another, split where the estimated costs
    // balance; then the upper image goes over the lower and labels go over both.
    // Clustered site symbols on top are cheap: they paint after the merge, so the two threads
    // share only the heavy layers below them, divided where their estimated costs balance
    // (inside a layer if need be: features of one layer share a level, so order among them
    // does not show).
    const auto &layers = settings.layers();
    std::size_t top = layers.size();
    while (top > 0 && layers[top - 1].style().clusterPoints)
        --top;
    double total = 0;
    const DrawPosition split = balancedSplit(layers, top, &total);
    const DrawPosition start { 0, 0 }, topStart { top, 0 }, end { layers.size(), 0 };

    RenderResult r, upperResult;
    QVector<QRectF> occupied, upperOccupied;
    QImage upper;
    QFuture<void> upperJob;
    const bool parallel = split.layer < top && total > 20000;
    if (parallel) {
        upper = QImage(image.size(), QImage::Format_ARGB32_Premultiplied);
        upper.setDevicePixelRatio(dpr);
        upper.fill(Qt::transparent);
        upperJob = QtConcurrent::run(&renderPool(), [&] {
            QPainter p(&upper);
            paintLayers(p, settings, split, topStart, upperResult, upperOccupied);
        });
    }
    {
        QPainter p(&image);
        p.fillRect(
            QRectF(QPointF(0, 0), QSizeF(settings.outputSize())), settings.backgroundColor());
        paintLayers(p, settings, start, parallel ? split : topStart, r, occupied);
        if (parallel) {
            upperJob.waitForFinished();
            p.setRenderHint(QPainter::Antialiasing, false);
            p.drawImage(QPointF(0, 0), upper);
            occupied += upperOccupied;
            r.featuresDrawn += upperResult.featuresDrawn;
        }
        paintLayers(p, settings, topStart, end, r, occupied);
        paintOverlays(p, settings, occupied, r);
    }
    if (result)
        *result = std::move(r);
    return image;
}

} // namespace dv
