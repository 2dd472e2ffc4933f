// Where everything of one wall frame goes, and the painting of its texts and boxes.
#include "wallscene.h"

#include "chinatime.h"
#include "walltheme.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dv {

namespace {

// Adds fitted texts to a layout: each box is as tall as its font's line, a text too wide for
// its box is elided.
class Builder {
public:
    Builder(WallScene::Layout &layout, const WallTheme &theme) : mLayout(layout), mTheme(theme) {}

    double lineHeight(double px, bool bold = false) const
    {
        return std::ceil(QFontMetricsF(mTheme.font(px, bold)).height());
    }
    // Returns the text's box (top-left at x, y; width w).
    QRectF text(double x, double y, double w, const QString &text, double px, QColor colour,
        Qt::Alignment align = Qt::AlignLeft, bool bold = false)
    {
        WallScene::Text t;
        t.font = mTheme.font(px, bold);
        const QFontMetricsF metrics(t.font);
        t.rect = QRectF(x, y, w, std::ceil(metrics.height()));
        // A little slack: advances are fractional and painting rounds them.
        t.text = metrics.horizontalAdvance(text) <= w - 2
            ? text
            : metrics.elidedText(text, Qt::ElideRight, w - 2);
        t.colour = colour;
        t.align = align | Qt::AlignVCenter;
        if (!t.text.isEmpty())
            mLayout.texts.append(t);
        return t.rect;
    }
    void box(const QRectF &rect, QColor colour, double radius = 0)
    {
        mLayout.boxes.append({ rect, colour, radius });
    }

private:
    WallScene::Layout &mLayout;
    const WallTheme &mTheme;
};

QColor trendColour(int trend, bool higherIsBad)
{
    if (trend == 0)
        return WallTheme::mutedText();
    return (trend > 0) != higherIsBad ? WallTheme::good() : WallTheme::warning();
}

bool higherIsBad(OverviewFigures::Key key)
{
    using K = OverviewFigures;
    switch (key) {
    case K::SitesSilent:
    case K::DevicesSilent:
    case K::CriticalWarnings:
    case K::Warnings:
    case K::FeversToday:
    case K::TeaGardensFrost:
    case K::TeaGardensDrought:
    case K::DigitalVillageRank: // trendText already turns a rank's change into "better"
        return key != K::DigitalVillageRank;
    default:
        return false;
    }
}

void overview(Builder &b, WallScene::Layout &l, const WallContent &c, const WallTheme &t,
    const QRectF &area)
{
    const double u = t.unit();
    const double figuresWidth = area.width() * 0.58;
    const QRectF figures(area.left(), area.top(), figuresWidth, area.height());
    l.map = QRectF(figures.right() + 2 * u, area.top(), area.right() - figures.right() - 2 * u,
        area.height());
    const double headingPx = 2.4 * u;
    const double headingHeight = b.lineHeight(headingPx, true);
    const int columns = 3;
    const int liveRows = 4; // 12 live figures
    const int indicatorRows = 2; // 4 indicator figures, in 3 columns
    const double rowHeight
        = (figures.height() - headingHeight - u) / double(liveRows + indicatorRows);
    const double columnWidth = figures.width() / columns;
    const double labelPx = 2.2 * u, trendPx = 2.2 * u;
    // The value as large as the row leaves room for, up to 4.4 units.
    double valuePx = 4.4 * u;
    const double valueRoom = rowHeight - 0.8 * u - b.lineHeight(labelPx) - b.lineHeight(trendPx);
    while (valuePx > t.minimumPixelSize() && b.lineHeight(valuePx, true) > valueRoom)
        valuePx -= 0.1 * u;
    auto tile = [&](OverviewFigures::Key key, double x, double y) {
        const auto &f = c.figures.figure(key);
        b.box(QRectF(x, y, columnWidth - u, rowHeight - 0.5 * u), WallTheme::panel(), u * 0.6);
        const double inner = columnWidth - 3 * u;
        double ty = y + 0.2 * u;
        ty += b.text(x + u, ty, inner, OverviewFigures::label(key), labelPx, WallTheme::mutedText())
                  .height();
        QColor valueColour = WallTheme::text();
        if (key == OverviewFigures::CriticalWarnings && f.available && f.value > 0)
            valueColour = WallTheme::critical();
        else if (!f.available)
            valueColour = WallTheme::mutedText();
        ty += b.text(x + u, ty, inner, c.figures.valueText(key), valuePx, valueColour,
                   Qt::AlignLeft, true)
                  .height();
        const QString trend = f.available ? c.figures.trendText(key) : f.reason;
        b.text(x + u, ty, inner, trend, trendPx,
            f.available ? trendColour(f.trend(), higherIsBad(key)) : WallTheme::mutedText());
    };
    for (int k = 0; k < OverviewFigures::ValueAdded; ++k)
        tile(OverviewFigures::Key(k), figures.left() + (k % columns) * columnWidth,
            figures.top() + (k / columns) * rowHeight);
    const double headingY = figures.top() + liveRows * rowHeight;
    const QString heading = c.figures.indicatorYear()
        ? WallScene::tr("Indicators · %1 · %2").arg(c.focusName).arg(c.figures.indicatorYear())
        : WallScene::tr("Indicators · %1").arg(c.focusName);
    b.text(figures.left(), headingY, figures.width() - u, heading, headingPx, WallTheme::accent(),
        Qt::AlignLeft, true);
    for (int k = OverviewFigures::ValueAdded; k < OverviewFigures::KeyCount; ++k) {
        const int i = k - OverviewFigures::ValueAdded;
        tile(OverviewFigures::Key(k), figures.left() + (i % columns) * columnWidth,
            headingY + headingHeight + u + (i / columns) * rowHeight);
    }
}

void charts(Builder &b, WallScene::Layout &l, const WallContent &c, const WallTheme &t,
    const QRectF &area)
{
    const double u = t.unit();
    l.chartFontPx = t.minimumPixelSize();
    if (c.charts.empty()) {
        b.text(area.left(), area.center().y() - 3 * u, area.width(),
            WallScene::tr("No live data from the chosen sites yet"), 3.2 * u,
            WallTheme::mutedText(), Qt::AlignHCenter);
        return;
    }
    const int n = std::min<int>(4, int(c.charts.size()));
    const int columns = n == 1 ? 1 : 2;
    const int rows = n <= 2 ? 1 : 2;
    const double w = (area.width() - (columns - 1) * 2 * u) / columns;
    const double h = (area.height() - (rows - 1) * 2 * u) / rows;
    for (int i = 0; i < n; ++i) {
        const QRectF cell(area.left() + (i % columns) * (w + 2 * u),
            area.top() + (i / columns) * (h + 2 * u), w, h);
        b.box(cell, QColor(0xfa, 0xfb, 0xfc), u * 0.6);
        l.charts.append(cell.adjusted(u, u, -u, -u));
    }
}

void warnings(Builder &b, WallScene::Layout &, const WallContent &c, const WallTheme &t,
    const QRectF &area)
{
    const double u = t.unit();
    if (c.warnings.empty()) {
        b.text(area.left(), area.center().y() - 4 * u, area.width(),
            WallScene::tr("No open warnings"), 5 * u, WallTheme::good(), Qt::AlignHCenter, true);
        return;
    }
    const double px = 2.8 * u;
    const double row = b.lineHeight(px) + 1.2 * u;
    const double widths[] = { 0.11, 0.37, 0.30, 0.11, 0.11 };
    auto cells = [&](double y, const QStringList &texts, const QVector<QColor> &colours, bool bold) {
        double x = area.left() + u;
        for (int i = 0; i < 5; ++i) {
            const double w = widths[i] * (area.width() - 2 * u);
            b.text(x, y + 0.6 * u, w - 1.5 * u, texts.value(i), px, colours.value(i), Qt::AlignLeft,
                bold);
            x += w;
        }
    };
    cells(area.top(),
        { WallScene::tr("Time"), WallScene::tr("Where"), WallScene::tr("Warning"),
            WallScene::tr("Value"), WallScene::tr("State") },
        QVector<QColor>(5, WallTheme::accent()), true);
    const int fit = int((area.height() - row) / row);
    const int shown = std::min<int>(fit, int(c.warnings.size()));
    for (int i = 0; i < shown; ++i) {
        const auto &w = c.warnings[std::size_t(i)];
        const double y = area.top() + row * (i + 1);
        b.box(QRectF(area.left(), y, area.width(), row - 0.3 * u),
            w.critical ? QColor(0x4a, 0x14, 0x18) : WallTheme::panel(), u * 0.4);
        const QColor severity = w.critical ? WallTheme::critical() : WallTheme::warning();
        cells(y,
            { w.time, w.place, w.rule, w.value,
                w.acknowledged ? WallScene::tr("Seen") : WallScene::tr("Open") },
            { WallTheme::text(), WallTheme::text(), severity, WallTheme::text(),
                w.acknowledged ? WallTheme::mutedText() : severity },
            false);
    }
}

void ranking(Builder &b, WallScene::Layout &, const WallContent &c, const WallTheme &t,
    const QRectF &area)
{
    const double u = t.unit();
    if (c.ranking.empty()) {
        b.text(area.left(), area.center().y() - 3 * u, area.width(),
            WallScene::tr("No digital-village index: no indicator values are stored"), 3.2 * u,
            WallTheme::mutedText(), Qt::AlignHCenter);
        return;
    }
    const double px = 2.6 * u;
    const double headingHeight = b.lineHeight(2.8 * u, true);
    const double row = b.lineHeight(px) + 0.8 * u;
    const double top = area.top() + headingHeight + u;
    const int perColumn = std::max(1, int((area.bottom() - top) / row));
    const int columns = 2;
    const double columnWidth = (area.width() - 3 * u) / columns;
    const int total = int(c.ranking.size());
    const int shown = std::min<int>(perColumn * columns, total);
    // The rows: the best counties, but a focus county below them takes the last row, so a
    // station's own county is always on its wall.
    std::vector<int> rows(static_cast<std::size_t>(shown));
    std::iota(rows.begin(), rows.end(), 0);
    const auto focus = std::find_if(
        c.ranking.begin(), c.ranking.end(), [](const auto &r) { return r.focus; });
    int best = shown;
    if (focus != c.ranking.end() && focus - c.ranking.begin() >= shown && shown > 0) {
        rows.back() = int(focus - c.ranking.begin());
        --best;
    }
    b.text(area.left(), area.top(), area.width(),
        shown < total ? WallScene::tr("Digital-village index %1 (0–100): the best %2 of %3 counties")
                            .arg(c.rankingYear)
                            .arg(best)
                            .arg(total)
                      : WallScene::tr("Digital-village index %1 (0–100), counties from best")
                            .arg(c.rankingYear),
        2.8 * u, WallTheme::accent(), Qt::AlignLeft, true);
    const double maxScore = std::max(1.0, c.ranking.front().score);
    for (int i = 0; i < shown; ++i) {
        const auto &r = c.ranking[std::size_t(rows[std::size_t(i)])];
        const double x = area.left() + (i / perColumn) * (columnWidth + 3 * u);
        const double y = top + (i % perColumn) * row;
        const QColor colour = r.focus ? WallTheme::warning() : WallTheme::text();
        b.text(x, y, 5 * u, QString::number(r.rank), px, WallTheme::mutedText(), Qt::AlignRight);
        b.text(x + 6 * u, y, columnWidth * 0.36, r.name, px, colour, Qt::AlignLeft, r.focus);
        const double barX = x + 6 * u + columnWidth * 0.38;
        const double scoreW = 9 * u;
        const double barW = columnWidth - (barX - x) - scoreW - u;
        const double h = b.lineHeight(px);
        b.box(QRectF(barX, y + h * 0.25, std::max(2.0, barW * r.score / maxScore), h * 0.5),
            r.focus ? WallTheme::warning() : WallTheme::accent(), h * 0.1);
        b.text(x + columnWidth - scoreW, y, scoreW, QLocale().toString(r.score, 'f', 1), px, colour,
            Qt::AlignRight);
    }
}

void interrupt(Builder &b, WallScene::Layout &l, const WallContent &c, const WallTheme &t,
    const QRectF &area)
{
    const double u = t.unit();
    const auto &w = c.interrupt;
    const double bannerPx = 4.2 * u;
    const double bannerH = b.lineHeight(bannerPx, true) + 2 * u;
    b.box(QRectF(area.left(), area.top(), area.width(), bannerH), WallTheme::criticalBanner(), u);
    b.text(area.left() + 2 * u, area.top() + u, area.width() * 0.6 - 3 * u,
        WallScene::tr("Critical warning: %1").arg(w.rule), bannerPx, WallTheme::text(),
        Qt::AlignLeft, true);
    const int seconds = int((c.interruptRemainingMs + 999) / 1000);
    b.text(area.left() + area.width() * 0.6, area.top() + u + (bannerH - 2 * u - b.lineHeight(2.4 * u)) / 2,
        area.width() * 0.4 - 2 * u,
        WallScene::tr("until acknowledged at a desk · %1:%2")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0')),
        2.4 * u, WallTheme::text(), Qt::AlignRight);
    double y = area.top() + bannerH + 1.5 * u;
    y += b.text(area.left(), y, area.width(), w.place, 3.4 * u, WallTheme::text(), Qt::AlignLeft, true)
             .height();
    y += b.text(area.left(), y, area.width(),
              WallScene::tr("%1 · since %2").arg(w.value, w.time), 3 * u, WallTheme::critical())
             .height();
    y += 1.5 * u;
    const QRectF rest(area.left(), y, area.width(), area.bottom() - y);
    l.map = QRectF(rest.left(), rest.top(), rest.width() * 0.45, rest.height());
    const QRectF chart(l.map.right() + 2 * u, rest.top(), rest.right() - l.map.right() - 2 * u,
        rest.height());
    b.box(chart, QColor(0xfa, 0xfb, 0xfc), u * 0.6);
    l.charts.append(chart.adjusted(u, u, -u, -u));
    l.chartFontPx = t.minimumPixelSize();
}

} // namespace

QString WallScene::viewTitle(const QString &view)
{
    if (view == QLatin1String("overview"))
        return tr("Province at a glance");
    if (view == QLatin1String("charts"))
        return tr("Live sensor charts");
    if (view == QLatin1String("warnings"))
        return tr("Open warnings");
    if (view == QLatin1String("ranking"))
        return tr("Digital-village index ranking");
    if (view == QLatin1String("interrupt"))
        return tr("Critical warning");
    return view;
}

WallScene::Layout WallScene::layout(const QSize &size, const WallContent &c)
{
    Layout l;
    l.size = size;
    const WallTheme t(size.height());
    Builder b(l, t);
    const double u = t.unit();
    const double W = size.width();
    const double H = size.height();
    const double m = 2 * u;

    // Header: title and view on the left, freshness and clock on the right.
    const double titlePx = 3.6 * u, subPx = 2.4 * u;
    const double titleH = b.lineHeight(titlePx, true);
    b.text(m, u, W * 0.42 - m, c.title, titlePx, WallTheme::text(), Qt::AlignLeft, true);
    const QString clock = c.now ? ChinaTime::dateTime(c.now).toString(QStringLiteral("HH:mm"))
                                : QString();
    b.text(W * 0.82, u, W * 0.18 - m, clock, titlePx, WallTheme::text(), Qt::AlignRight, true);
    const bool stale = !c.newestReading || c.now - c.newestReading > c.staleAfterMs;
    QString fresh;
    if (!c.newestReading)
        fresh = tr("No data from the feed");
    else if (stale)
        fresh = tr("Feed silent for %1 min").arg((c.now - c.newestReading) / 60000);
    else
        fresh = tr("Data %1").arg(ChinaTime::dateTime(c.newestReading).toString(QStringLiteral("HH:mm")));
    const double freshH = b.lineHeight(subPx);
    const double dot = freshH * 0.55;
    const double freshX = W * 0.44 + dot + u;
    b.text(freshX, u + (titleH - freshH) / 2, W * 0.82 - freshX - u, fresh, subPx,
        stale ? WallTheme::critical() : WallTheme::good(), Qt::AlignLeft);
    l.freshnessDot = QRectF(W * 0.44, u + (titleH - dot) / 2, dot, dot);
    b.box(l.freshnessDot, stale ? WallTheme::critical() : WallTheme::good(), dot / 2);

    const double subY = u + titleH;
    b.text(m, subY, W * 0.6, viewTitle(c.view), subPx, WallTheme::accent(), Qt::AlignLeft);
    if (c.view != QLatin1String("interrupt"))
        b.text(W * 0.82, subY, W * 0.18 - m, QStringLiteral("%1 / %2").arg(c.page).arg(c.pages),
            subPx, WallTheme::mutedText(), Qt::AlignRight);
    const double contentTop = subY + b.lineHeight(subPx) + 1.5 * u;

    // Footer: a ticker of the newest warnings.
    const double tickerPx = 2.4 * u;
    const double tickerH = b.lineHeight(tickerPx);
    const double footerY = H - u - tickerH;
    QStringList items;
    for (std::size_t i = 0; i < c.warnings.size() && i < 4; ++i)
        items << QStringLiteral("%1 %2 · %3").arg(c.warnings[i].time, c.warnings[i].place, c.warnings[i].rule);
    b.box(QRectF(0, footerY - 0.5 * u, W, H - footerY + 0.5 * u), WallTheme::panel());
    b.text(m, footerY, W - 2 * m,
        items.isEmpty() ? tr("No open warnings") : tr("Latest warnings: %1").arg(items.join(QStringLiteral("   ·   "))),
        tickerPx, items.isEmpty() ? WallTheme::mutedText() : WallTheme::warning());

    const QRectF area(m, contentTop, W - 2 * m, footerY - 1.5 * u - contentTop);
    if (c.view == QLatin1String("charts"))
        charts(b, l, c, t, area);
    else if (c.view == QLatin1String("warnings"))
        warnings(b, l, c, t, area);
    else if (c.view == QLatin1String("ranking"))
        ranking(b, l, c, t, area);
    else if (c.view == QLatin1String("interrupt"))
        interrupt(b, l, c, t, area);
    else
        overview(b, l, c, t, area);
    return l;
}

void WallScene::paint(QPainter &painter, const Layout &layout)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (const Box &box : layout.boxes) {
        painter.setBrush(box.colour);
        if (box.radius > 0)
            painter.drawRoundedRect(box.rect, box.radius, box.radius);
        else
            painter.drawRect(box.rect);
    }
    painter.setRenderHint(QPainter::TextAntialiasing);
    for (const Text &text : layout.texts) {
        painter.setFont(text.font);
        painter.setPen(text.colour);
        painter.drawText(text.rect, int(text.align) | Qt::TextSingleLine, text.text);
    }
    painter.restore();
}

} // namespace dv
