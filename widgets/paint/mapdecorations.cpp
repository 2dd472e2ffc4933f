// What every map carries besides data: scale bar, north arrow, site legend, 示意图 note.
#include "mapdecorations.h"

#include "choroplethstyle.h"
#include "maprenderer.h"
#include "mapsettings.h"
#include "symbolcache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

const double kMargin = 12;

QFont decorationFont(double pointSize, bool bold = false)
{
    QFont f;
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

QString lengthText(double metres)
{
    return metres >= 1000 ? MapDecorations::tr("%1 km").arg(metres / 1000.0)
                          : MapDecorations::tr("%1 m").arg(metres);
}

// The choropleth's legend: title, "year · method", a note when classes were merged, one row
// per class and one for counties without data, and the values' source.
struct ThemeLegend {
    static constexpr double kPad = 10, kRow = 21, kSwatchW = 28, kSwatchH = 15, kMaxW = 330;
    QRectF box;
    QString title, subtitle, note, source, countHeader;
    QVector<ChoroplethStyle::LegendRow> rows;
    double noteHeight = 0, textWidth = 0, countWidth = 0;
};

struct Layout {
    QRectF scaleBar, note, north, legend;
    double barPixels = 0, barMetres = 0;
    ThemeLegend theme;
};

QFont themeTitleFont()
{
    return decorationFont(10.5, true);
}

QFont themeSmallFont(bool italic = false)
{
    QFont f = decorationFont(8.5);
    f.setItalic(italic);
    return f;
}

// Sizes the legend; the caller places it.
ThemeLegend measureTheme(const ChoroplethStyle &style)
{
    ThemeLegend t;
    t.rows = style.legendRows();
    t.subtitle = style.subtitle();
    t.source = style.source();
    t.note = style.breaks() ? style.breaks()->reducedReason() : style.error();
    const QFontMetricsF titleFm(themeTitleFont()), smallFm(themeSmallFont()),
        rowFm(decorationFont(9));
    for (const auto &row : t.rows) {
        t.textWidth = std::max(t.textWidth, rowFm.horizontalAdvance(row.text));
        if (!row.noData)
            t.countWidth
                = std::max(t.countWidth, smallFm.horizontalAdvance(QString::number(row.count)));
    }
    if (t.countWidth > 0)
        t.countHeader = MapDecorations::tr("counties", "legend column: counties per class");
    double width
        = ThemeLegend::kSwatchW + 8 + t.textWidth + (t.countWidth > 0 ? 14 + t.countWidth : 0);
    width = std::max({ width,
        smallFm.horizontalAdvance(t.subtitle)
            + (t.countHeader.isEmpty() ? 0 : 12 + smallFm.horizontalAdvance(t.countHeader)),
        smallFm.horizontalAdvance(t.source),
        std::min(titleFm.horizontalAdvance(style.title()),
            ThemeLegend::kMaxW - 2 * ThemeLegend::kPad) });
    width = std::clamp(width, 150.0, ThemeLegend::kMaxW - 2 * ThemeLegend::kPad);
    t.title = titleFm.elidedText(style.title(), Qt::ElideRight, width);
    if (!t.note.isEmpty()) {
        t.noteHeight = QFontMetricsF(themeSmallFont(true))
                           .boundingRect(QRectF(0, 0, width, 1000), Qt::TextWordWrap, t.note)
                           .height();
    }
    const double height = ThemeLegend::kPad + titleFm.height() + 2 + smallFm.height()
        + (t.note.isEmpty() ? 0 : 4 + t.noteHeight) + 8 + t.rows.size() * ThemeLegend::kRow
        + (t.source.isEmpty() ? 0 : 4 + smallFm.height()) + ThemeLegend::kPad - 2;
    t.box = QRectF(0, 0, width + 2 * ThemeLegend::kPad, height);
    return t;
}

const VectorLayer *visibleSites(const MapSettings &s)
{
    for (const VectorLayer &l : s.layers()) {
        if (l.role() == LayerRole::Sites && l.isVisible())
            return &l;
    }
    return nullptr;
}

// Whether the legend must say "Sample data": a layer without the registry's "sample" field is
// the bundled samples; the registry's marks each sample site and leaves the office's own null.
bool showsSampleSites(const VectorLayer &sites)
{
    const int field = sites.table().fieldIndex(QStringLiteral("sample"));
    if (field < 0)
        return true;
    for (int f = 0; f < sites.featureCount(); ++f) {
        if (sites.table().value(f, field).toInt() != 0)
            return true;
    }
    return false;
}

Layout layout(const MapSettings &s)
{
    Layout l;
    const QSizeF size = s.outputSize();
    const double metresPerPixel = s.mapUnitsPerPixel() * s.groundMetresPerUnit();
    l.barMetres = MapDecorations::niceScaleLength(metresPerPixel, 140);
    l.barPixels = l.barMetres / metresPerPixel;
    const QFontMetricsF small(decorationFont(8.5));
    const double barTextW = small.horizontalAdvance(lengthText(l.barMetres));
    l.scaleBar
        = QRectF(kMargin, size.height() - kMargin - 30, std::max(l.barPixels, barTextW) + 16, 30);
    const QFontMetricsF noteFm(decorationFont(9));
    const QString note = s.mapNote();
    const double noteW = noteFm.horizontalAdvance(note) + 16;
    l.note = QRectF(size.width() - kMargin - noteW, size.height() - kMargin - noteFm.height() - 8,
        noteW, noteFm.height() + 8);
    l.north = QRectF(size.width() - kMargin - 28, kMargin, 28, 40);
    if (const VectorLayer *sites = visibleSites(s)) {
        const QFontMetricsF fm(decorationFont(9));
        const bool samples = showsSampleSites(*sites);
        double w = samples ? fm.horizontalAdvance(MapDecorations::tr("Sample data")) : 0;
        int rows = samples ? 1 : 0;
        for (const SymbolCategory &c : sites->style().categories) {
            w = std::max(w, fm.horizontalAdvance(c.label) + 22);
            rows += c.visible ? 1 : 0;
        }
        l.legend = QRectF(kMargin, kMargin, w + 20, rows * 20.0 + 12);
    }
    if (const ChoroplethStyle *style = s.choropleth()) {
        // Bottom left above the scale bar, where thematic maps keep their key; if the site legend
        // leaves no room there, bottom right above the note; on a very small map, under the site
        // legend whatever it covers.
        l.theme = measureTheme(*style);
        QRectF &box = l.theme.box;
        const double topLimit = l.legend.isNull() ? kMargin : l.legend.bottom() + 8;
        box.moveBottomLeft(QPointF(kMargin, l.scaleBar.top() - 6));
        if (box.top() < topLimit) {
            box.moveBottomRight(QPointF(size.width() - kMargin, l.note.top() - 8));
            if (box.top() < l.north.bottom() + 8)
                box.moveTopLeft(QPointF(kMargin, topLimit));
        }
    }
    return l;
}

void paintTheme(QPainter &p, const ThemeLegend &t)
{
    const double left = t.box.left() + ThemeLegend::kPad;
    const double width = t.box.width() - 2 * ThemeLegend::kPad;
    const QFontMetricsF titleFm(themeTitleFont()), smallFm(themeSmallFont());
    const QColor ink(0x22, 0x22, 0x22), grey(0x5f, 0x5f, 0x5f);
    double y = t.box.top() + ThemeLegend::kPad;
    p.setFont(themeTitleFont());
    p.setPen(ink);
    p.drawText(QRectF(left, y, width, titleFm.height()), Qt::AlignLeft | Qt::AlignVCenter, t.title);
    y += titleFm.height() + 2;
    p.setFont(themeSmallFont());
    p.setPen(grey);
    p.drawText(
        QRectF(left, y, width, smallFm.height()), Qt::AlignLeft | Qt::AlignVCenter, t.subtitle);
    if (!t.countHeader.isEmpty())
        p.drawText(QRectF(left, y, width, smallFm.height()), Qt::AlignRight | Qt::AlignVCenter,
            t.countHeader);
    y += smallFm.height();
    if (!t.note.isEmpty()) {
        y += 4;
        p.setFont(themeSmallFont(true));
        p.setPen(QColor(0xa0, 0x40, 0x00));
        p.drawText(QRectF(left, y, width, t.noteHeight), Qt::TextWordWrap | Qt::AlignLeft, t.note);
        y += t.noteHeight;
    }
    y += 8;
    const QPen swatchBorder(QColor(0, 0, 0, 90), 1);
    for (const auto &row : t.rows) {
        const QRectF swatch(left, y + (ThemeLegend::kRow - ThemeLegend::kSwatchH) / 2,
            ThemeLegend::kSwatchW, ThemeLegend::kSwatchH);
        if (row.noData) {
            QPainterPath area;
            area.addRect(swatch);
            MapRenderer::paintNoData(p, area);
        } else {
            p.fillRect(swatch, row.colour);
        }
        p.setPen(swatchBorder);
        p.setBrush(Qt::NoBrush);
        p.drawRect(swatch.adjusted(0.5, 0.5, -0.5, -0.5));
        const QRectF text(left + ThemeLegend::kSwatchW + 8, y, t.textWidth + 1, ThemeLegend::kRow);
        p.setFont(decorationFont(9));
        p.setPen(ink);
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, row.text);
        if (!row.noData && t.countWidth > 0) {
            p.setFont(themeSmallFont());
            p.setPen(grey);
            p.drawText(QRectF(left, y, width, ThemeLegend::kRow), Qt::AlignRight | Qt::AlignVCenter,
                QString::number(row.count));
        }
        y += ThemeLegend::kRow;
    }
    if (!t.source.isEmpty()) {
        y += 4;
        p.setFont(themeSmallFont());
        p.setPen(QColor(0xa0, 0x40, 0x00));
        p.drawText(
            QRectF(left, y, width, smallFm.height()), Qt::AlignLeft | Qt::AlignVCenter, t.source);
    }
}

void paintBox(QPainter &p, const QRectF &r)
{
    p.setPen(QPen(QColor(0, 0, 0, 60), 1));
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRoundedRect(r, 4, 4);
}

} // namespace

double MapDecorations::niceScaleLength(double metresPerPixel, double maxPixels)
{
    if (!(metresPerPixel > 0) || !std::isfinite(metresPerPixel))
        return 0;
    const double maxMetres = metresPerPixel * maxPixels;
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double step : { 5.0, 2.0, 1.0 }) {
        if (step * magnitude <= maxMetres)
            return step * magnitude;
    }
    return magnitude;
}

QString MapDecorations::defaultNote()
{
    // English source like every other string; the Chinese translation says 示意图 and 审图号.
    return tr("Schematic map, not a standard map (no map review number)");
}

QVector<QRectF> MapDecorations::areas(const MapSettings &settings)
{
    const Layout l = layout(settings);
    QVector<QRectF> out { l.scaleBar, l.note, l.north };
    if (!l.legend.isNull())
        out << l.legend;
    if (!l.theme.box.isNull())
        out << l.theme.box;
    return out;
}

QVector<QRectF> MapDecorations::paint(QPainter &p, const MapSettings &s)
{
    const Layout l = layout(s);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);

    // Scale bar: alternating black and white halves with the length above.
    if (l.barPixels > 0) {
        const QRectF bar(l.scaleBar.left() + 8, l.scaleBar.bottom() - 10, l.barPixels, 5);
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(Qt::white);
        p.drawRect(bar);
        p.setBrush(Qt::black);
        p.drawRect(QRectF(bar.topLeft(), QSizeF(bar.width() / 2, bar.height())));
        p.setFont(decorationFont(8.5));
        const QRectF textRect(bar.left(), l.scaleBar.top(), l.scaleBar.width(), 16);
        p.setPen(QColor(0xff, 0xff, 0xff, 200));
        for (const QPointF &o : { QPointF(-1, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1) })
            p.drawText(
                textRect.translated(o), Qt::AlignLeft | Qt::AlignBottom, lengthText(l.barMetres));
        p.setPen(Qt::black);
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignBottom, lengthText(l.barMetres));
    }

    // North arrow: the display CRSs offered are all north-up near the province.
    {
        QPainterPath arrow;
        const QRectF r = l.north;
        arrow.moveTo(r.center().x(), r.top() + 12);
        arrow.lineTo(r.right() - 6, r.bottom());
        arrow.lineTo(r.center().x(), r.bottom() - 8);
        arrow.lineTo(r.left() + 6, r.bottom());
        arrow.closeSubpath();
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(QColor(0x33, 0x33, 0x33));
        p.drawPath(arrow);
        p.setFont(decorationFont(9, true));
        p.setPen(QColor(0x33, 0x33, 0x33));
        p.drawText(QRectF(r.left(), r.top(), r.width(), 12), Qt::AlignCenter, QStringLiteral("N"));
    }

    // Site legend, saying when sample sites are among them.
    if (const VectorLayer *sites = visibleSites(s); sites && !l.legend.isNull()) {
        paintBox(p, l.legend);
        p.setFont(decorationFont(9));
        double y = l.legend.top() + 8;
        for (const SymbolCategory &c : sites->style().categories) {
            if (!c.visible)
                continue;
            const QImage icon = SymbolCache::icon(c.iconPath, 16, p.device()->devicePixelRatioF());
            p.drawImage(QPointF(l.legend.left() + 8, y + 2), icon);
            p.setPen(QColor(0x22, 0x22, 0x22));
            p.drawText(QRectF(l.legend.left() + 30, y, l.legend.width() - 34, 20),
                Qt::AlignVCenter | Qt::AlignLeft, c.label);
            y += 20;
        }
        if (showsSampleSites(*sites)) {
            p.setPen(QColor(0xa0, 0x40, 0x00));
            p.drawText(QRectF(l.legend.left() + 8, y, l.legend.width() - 12, 20),
                Qt::AlignVCenter | Qt::AlignLeft, tr("Sample data"));
        }
    }

    if (!l.theme.box.isNull()) {
        paintBox(p, l.theme.box);
        paintTheme(p, l.theme);
    }

    // The map note: illustrations drawn from these boundaries are not standard maps.
    paintBox(p, l.note);
    p.setFont(decorationFont(9));
    p.setPen(QColor(0x22, 0x22, 0x22));
    p.drawText(l.note, Qt::AlignCenter, s.mapNote());
    p.restore();
    return areas(s);
}

} // namespace dv
