// The pages of the reports, one painter per kind, each into a page's content rectangle.
#include "reportpages.h"

#include "alertmarkers.h"
#include "chartpainter.h"
#include "chinatime.h"
#include "choroplethstyle.h"
#include "maprenderer.h"
#include "indicatorcatalogue.h"
#include "metriccatalogue.h"
#include "reportfonts.h"
#include "rulenames.h"

#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

constexpr double kBody = 13; // body text, logical pixels
constexpr double kRow = 20;
const QColor kInk(0x22, 0x22, 0x22);
const QColor kMuted(0x66, 0x66, 0x66);
const QColor kRule(0xbb, 0xbb, 0xbb);
const QColor kBand(0xf1, 0xf4, 0xf7);

QString countyName(const ReportData &data, const QString &code)
{
    const County *c = data.county(code);
    return c ? c->name : code;
}

QString indicatorName(const ReportData &data, const Indicator &indicator)
{
    return data.options.chinese() || indicator.nameEn.isEmpty() ? indicator.nameZh
                                                                : indicator.nameEn;
}

// A heading; returns the y below it.
double heading(QPainter &p, const QRectF &area, double y, const QString &text, double size = 18)
{
    p.setFont(ReportFonts::font(size, true));
    p.setPen(kInk);
    const double h = QFontMetricsF(p.font()).height();
    p.drawText(QRectF(area.left(), y, area.width(), h), Qt::AlignLeft | Qt::AlignVCenter, text);
    return y + h + size * 0.4;
}

double paragraph(QPainter &p, const QRectF &area, double y, const QString &text,
    QColor colour = kInk, double size = kBody)
{
    p.setFont(ReportFonts::font(size));
    p.setPen(colour);
    const QRectF box = p.boundingRect(
        QRectF(area.left(), y, area.width(), 10000), Qt::TextWordWrap | Qt::AlignLeft, text);
    p.drawText(box, Qt::TextWordWrap | Qt::AlignLeft, text);
    return box.bottom() + size * 0.5;
}

// A table: header row, then rows; widths are fractions of the area's width. Returns the y below.
double table(QPainter &p, const QRectF &area, double y, const QVector<double> &widths,
    const QStringList &header, const QVector<QStringList> &rows, double size = 11.5)
{
    const double rowHeight = size * 1.75;
    auto paintRow = [&](const QStringList &cells, bool bold, bool band) {
        if (band)
            p.fillRect(QRectF(area.left(), y, area.width(), rowHeight), kBand);
        p.setFont(ReportFonts::font(size, bold));
        p.setPen(kInk);
        double x = area.left();
        for (int i = 0; i < cells.size() && i < widths.size(); ++i) {
            const double w = widths[i] * area.width();
            const Qt::Alignment align
                = (i == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter;
            const QRectF cell(x + 3, y, w - 6, rowHeight);
            p.drawText(cell, align,
                QFontMetricsF(p.font()).elidedText(cells[i], Qt::ElideRight, cell.width()));
            x += w;
        }
        y += rowHeight;
    };
    paintRow(header, true, false);
    p.setPen(QPen(kRule, 0.8));
    p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    for (int r = 0; r < rows.size(); ++r)
        paintRow(rows[r], false, r % 2 == 1);
    p.setPen(QPen(kRule, 0.8));
    p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    return y + size;
}

// The province map zoomed to extent in rect, with markers and an optional choropleth.
void paintMap(QPainter &p, const ReportData &data, const QRectF &rect, const QRectF &extent,
    const ChoroplethStyle *choropleth, const std::vector<AlertRecord> &alerts,
    const QString &selected = QString())
{
    MapSettings s = data.map;
    if (const VectorLayer *counties = s.layer(QStringLiteral("counties"));
        counties && !selected.isEmpty()) {
        for (int f = 0; f < counties->featureCount(); ++f) {
            if (counties->table().text(f, QStringLiteral("code")) == selected)
                s.setSelection({ counties->id(), f });
        }
    }
    s.setOutputSize(rect.size().toSize());
    s.setDevicePixelRatio(1);
    if (!extent.isEmpty())
        s.zoomToRect(extent, 0.05);
    if (choropleth) {
        ChoroplethStyle complete = *choropleth;
        complete.setCountyCodes(data.codes());
        s.setChoropleth(complete);
    }
    // A report marks every alert of its period, resolved ones too: what happened, not what is
    // open now. AlertMarkers marks open ones, so the copies are shown as active.
    std::vector<AlertRecord> marked = alerts;
    for (AlertRecord &a : marked)
        a.state = AlertRecord::Active;
    s.setAlertMarkers(AlertMarkers::fromAlerts(
        marked, s.layer(QStringLiteral("sites")), s.layer(QStringLiteral("counties"))));
    p.save();
    p.translate(rect.topLeft());
    p.setClipRect(QRectF(QPointF(0, 0), rect.size()));
    MapRenderer::render(p, s);
    p.restore();
    p.setPen(QPen(kRule, 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect);
}

QRectF extentOf(const ReportData &data, const QStringList &codes)
{
    const VectorLayer *counties = data.map.layer(QStringLiteral("counties"));
    QRectF extent;
    if (!counties || !counties->projected())
        return extent;
    for (int f = 0; f < counties->featureCount(); ++f) {
        if (codes.contains(counties->table().text(f, QStringLiteral("code"))))
            extent = extent.united(counties->projected()->bounds(f));
    }
    return extent;
}

std::vector<AlertRecord> alertsIn(const ReportData &data, const QStringList &codes)
{
    std::vector<AlertRecord> result;
    for (const AlertRecord &a : data.alerts) {
        if (codes.contains(a.countyCode()))
            result.push_back(a);
    }
    return result;
}

ChoroplethStyle styleOf(const ReportData &data, const QString &title, const QString &unit,
    int decimals, const QHash<QString, double> &values)
{
    ChoroplethStyle style;
    style.setTitle(title);
    style.setUnit(unit);
    style.setDecimals(decimals);
    style.setYear(data.year);
    style.setValues(values);
    style.setCountyCodes(data.codes());
    if (data.sampleIndicators)
        style.setSource(ReportPages::text(data, "示例数据", ReportPages::tr("Sample data")));
    return style;
}

QString period(const ReportData &data)
{
    return ReportPages::chinaTime(data.options.from, false) + QStringLiteral(" – ")
        + ReportPages::chinaTime(data.options.to - 1, false);
}

void cover(QPainter &p, const ReportData &data, const QRectF &c)
{
    const bool briefing = data.options.kind == ReportOptions::Kind::CountyBriefing;
    double y = c.top() + c.height() * 0.22;
    p.setFont(ReportFonts::font(34, true));
    p.setPen(kInk);
    const QString title = briefing ? countyName(data, data.options.county)
                                   : ReportPages::text(data, "贵州省", ReportPages::tr("Guizhou"));
    p.drawText(QRectF(c.left(), y, c.width(), 50), Qt::AlignCenter, title);
    y += 60;
    p.setFont(ReportFonts::font(22));
    p.drawText(QRectF(c.left(), y, c.width(), 34), Qt::AlignCenter,
        briefing ? ReportPages::text(
            data, "数字乡村县域简报", ReportPages::tr("Digital village county briefing"))
                 : ReportPages::text(
                     data, "数字乡村全省图集", ReportPages::tr("Digital village province atlas")));
    y += 70;
    QStringList lines;
    if (briefing) {
        const County *county = data.county(data.options.county);
        lines << ReportPages::text(data, "县（市、区）代码", ReportPages::tr("County code"))
                + QStringLiteral(": ") + data.options.county;
        if (county)
            lines << ReportPages::text(data, "所属市（州）", ReportPages::tr("Prefecture"))
                    + QStringLiteral(": ") + county->prefectureName;
    }
    lines << ReportPages::text(data, "时段", ReportPages::tr("Period")) + QStringLiteral(": ")
            + period(data);
    lines << ReportPages::text(data, "生成时间", ReportPages::tr("Generated"))
            + QStringLiteral(": ") + ReportPages::chinaTime(data.options.generatedAt)
            + ReportPages::text(
                data, "（北京时间）", QStringLiteral(" ") + ReportPages::tr("(China time)"));
    if (!data.options.officeName.isEmpty())
        lines << data.options.officeName;
    p.setFont(ReportFonts::font(15));
    for (const QString &line : lines) {
        p.drawText(QRectF(c.left(), y, c.width(), 26), Qt::AlignCenter, line);
        y += 28;
    }
    if (data.sampleIndicators || data.sampleSites) {
        y += 20;
        p.setPen(QColor(0xb2, 0x3a, 0x00));
        p.drawText(QRectF(c.left(), y, c.width(), 26), Qt::AlignCenter,
            ReportPages::text(data, "含示例数据", ReportPages::tr("Contains sample data")));
    }
}

// Of the sows whose tags reported on the period's first day, the share also reporting on its
// last day; "–" when none reported on the first day.
QString survival(const ReportData &data)
{
    if (data.sowsFirstDay == 0)
        return QStringLiteral("–");
    return ReportPages::number(data, 100.0 * data.sowsBothDays / data.sowsFirstDay, 1)
        + QStringLiteral(" %");
}

// Figures as boxes, perRow to a row: the value large, its label under it; returns the y below.
double figureBoxes(QPainter &p, const QRectF &area, double y,
    const QVector<QPair<QString, QString>> &figures, int perRow)
{
    constexpr double kBox = 64;
    const double w = area.width() / perRow;
    for (int i = 0; i < figures.size(); ++i) {
        const QRectF box(
            area.left() + (i % perRow) * w + 4, y + (i / perRow) * (kBox + 8), w - 8, kBox);
        p.fillRect(box, kBand);
        p.setPen(kInk);
        p.setFont(ReportFonts::font(22, true));
        p.drawText(box.adjusted(4, 4, -4, -28), Qt::AlignCenter, figures[i].second);
        p.setFont(ReportFonts::font(10.5));
        p.setPen(kMuted);
        p.drawText(
            box.adjusted(4, 36, -4, -4), Qt::AlignCenter | Qt::TextWordWrap, figures[i].first);
    }
    return y + ((figures.size() + perRow - 1) / perRow) * (kBox + 8) + 6;
}

// The key figures in two rows of three boxes; returns the y below them.
double keyFigures(QPainter &p, const ReportData &data, const QRectF &area, double y)
{
    y = heading(
        p, area, y, ReportPages::text(data, "关键数字", ReportPages::tr("Key figures")), 16);
    int resolved = 0, critical = 0;
    for (const AlertRecord &a : data.alerts) {
        resolved += a.state == AlertRecord::Resolved ? 1 : 0;
        critical += a.critical ? 1 : 0;
    }
    const QLocale locale(data.options.chinese() ? QLocale::Chinese : QLocale::English);
    QVector<QPair<QString, QString>> figures {
        { ReportPages::text(data, "监测点", ReportPages::tr("Sites")),
            QString::number(data.sites) },
        { ReportPages::text(
              data, "设备（在线/登记）", ReportPages::tr("Devices reporting / registered")),
            QStringLiteral("%1 / %2").arg(data.devicesReporting).arg(data.devices) },
        { ReportPages::text(data, "收到读数", ReportPages::tr("Readings received")),
            locale.toString(data.readings) },
        { ReportPages::text(data, "预警（发出/已解除/严重）",
              ReportPages::tr("Alerts raised / resolved / critical")),
            QStringLiteral("%1 / %2 / %3").arg(data.alerts.size()).arg(resolved).arg(critical) },
    };
    if (data.options.kind == ReportOptions::Kind::CountyBriefing) {
        figures.append({ ReportPages::text(data, "监测母猪（耳标）",
                             ReportPages::tr("Sows monitored (ear tags)")),
            locale.toString(data.sowsMonitored) });
        figures.append({ ReportPages::text(data, "母猪存活率（末日/首日在报耳标）",
                             ReportPages::tr("Sow survival (tags reporting last day / first)")),
            survival(data) });
    }
    y = figureBoxes(p, area, y, figures, 3);
    if (data.isEmptyPeriod()) {
        y = paragraph(p, area, y,
            ReportPages::text(data, "本时段无数据", ReportPages::tr("No data in this period")),
            kMuted);
    }
    return y;
}

// Under a map with sample sites on it: they are labelled as what they are.
double sampleSitesNote(
    QPainter &p, const ReportData &data, const QRectF &area, double y, int sampleSites)
{
    if (sampleSites == 0)
        return y;
    return paragraph(p, area, y,
        ReportPages::text(data, "示例数据：图中 %1 个监测点为随软件提供的示例数据，非实际站点。",
            ReportPages::tr("示例数据 (sample data): %1 of the sites on this map are the sample "
                            "sites bundled with the program, not real stations."))
            .arg(sampleSites),
        QColor(0xb2, 0x3a, 0x00), 11);
}

void countyMap(QPainter &p, const ReportData &data, const QRectF &c)
{
    const bool map = data.options.has(ReportOptions::Map);
    double y = heading(p, c, c.top(),
        map ? ReportPages::text(data, "县域地图：监测点与本时段预警",
            ReportPages::tr("County map: sites and the period's alerts"))
            : ReportPages::text(data, "县域概况", ReportPages::tr("County overview")));
    if (map) {
        // The map takes the page down to what goes under it: the sample note and the figures,
        // measured by painting them where nothing shows.
        double below = 0;
        {
            QImage scratch(1, 1, QImage::Format_ARGB32_Premultiplied);
            scratch.setDotsPerMeterX(qRound(p.device()->logicalDpiX() / 0.0254));
            scratch.setDotsPerMeterY(qRound(p.device()->logicalDpiY() / 0.0254));
            QPainter measure(&scratch);
            below = sampleSitesNote(measure, data, c, 6, data.sampleSiteCount) + 6;
            if (data.options.has(ReportOptions::Figures))
                below = keyFigures(measure, data, c, below);
        }
        const double height = std::max(c.height() * 0.5, c.bottom() - y - below);
        const QRectF mapRect(c.left(), y, c.width(), height);
        paintMap(p, data, mapRect, extentOf(data, { data.options.county }), nullptr, data.alerts,
            data.options.county);
        y = sampleSitesNote(p, data, c, mapRect.bottom() + 6, data.sampleSiteCount) + 6;
    }
    if (data.options.has(ReportOptions::Figures))
        keyFigures(p, data, c, y);
}

QString change(const ReportData &data, double now, const QHash<QString, double> &previous,
    const QString &code, int decimals)
{
    const auto before = previous.constFind(code);
    if (before == previous.constEnd())
        return QStringLiteral("–");
    const double d = now - *before;
    return (d > 0 ? QStringLiteral("+") : QString()) + ReportPages::number(data, d, decimals);
}

// The county's indicators of the latest year, the index first: name, value, change on last
// year, rank among the 88 and in its prefecture, and with means the prefecture's and province's
// mean.
QVector<QStringList> indicatorRows(const ReportData &data, const QString &code, bool withMeans)
{
    const County *county = data.county(code);
    const QStringList all = data.codes();
    const QStringList pref = county ? data.codesOf(county->prefectureCode) : QStringList();
    QVector<QStringList> rows;
    auto row = [&](const QString &name, const QString &unit, int decimals,
                   const QHash<QString, double> &values, const QHash<QString, double> &previous,
                   bool higherIsBetter) {
        const auto v = values.constFind(code);
        if (v == values.constEnd()) {
            rows.append({ name, QStringLiteral("–") });
            return;
        }
        const QString u = unit.isEmpty() ? QString() : QStringLiteral(" ") + unit;
        QStringList cells { name, ReportPages::number(data, *v, decimals) + u,
            change(data, *v, previous, code, decimals),
            QStringLiteral("%1/%2")
                .arg(ReportData::rank(values, code, all, higherIsBetter))
                .arg(all.size()),
            QStringLiteral("%1/%2")
                .arg(ReportData::rank(values, code, pref, higherIsBetter))
                .arg(pref.size()) };
        if (withMeans) {
            cells << ReportPages::number(data, ReportData::mean(values, pref), decimals)
                  << ReportPages::number(data, ReportData::mean(values, all), decimals);
        }
        rows.append(cells);
    };
    row(ReportPages::text(data, "数字乡村发展指数", ReportPages::tr("Digital village index")),
        QString(), 1, data.index, data.previousIndex, true);
    for (const ReportIndicator &ri : data.indicators) {
        row(indicatorName(data, ri.indicator),
            IndicatorCatalogue::displayUnit(ri.indicator.unit, data.options.chinese()),
            ri.indicator.decimals, ri.values,
            ri.previous, ri.indicator.higherIsBetter);
    }
    return rows;
}

QStringList indicatorHeader(const ReportData &data, bool withMeans)
{
    QStringList header { ReportPages::text(data, "指标", ReportPages::tr("Indicator")),
        ReportPages::text(data, "数值", ReportPages::tr("Value")),
        ReportPages::text(data, "较上年", ReportPages::tr("Change")),
        ReportPages::text(data, "全省排名", ReportPages::tr("Rank of 88")),
        withMeans ? ReportPages::text(data, "市州排名", ReportPages::tr("Rank in prefecture"))
                  : ReportPages::text(data, "市州排名", ReportPages::tr("In prefecture")) };
    if (withMeans) {
        header << ReportPages::text(data, "市州均值", ReportPages::tr("Prefecture"))
               << ReportPages::text(data, "全省均值", ReportPages::tr("Province"));
    }
    return header;
}

QString sampleIndicatorsNote(const ReportData &data)
{
    return ReportPages::text(data, "注：指标为示例数据，非官方统计。",
        ReportPages::tr("Note: the indicator values are sample data, not official statistics."));
}

void countyIndicators(QPainter &p, const ReportData &data, const QRectF &c)
{
    double y = heading(p, c, c.top(),
        ReportPages::text(data, "县域指标", ReportPages::tr("County indicators"))
            + QStringLiteral(" · ") + QString::number(data.year));
    if (data.year == 0) {
        paragraph(p, c, y,
            ReportPages::text(data, "无指标数据", ReportPages::tr("No indicator values")), kMuted);
        return;
    }
    y = table(p, c, y, { 0.34, 0.16, 0.1, 0.1, 0.1, 0.1, 0.1 }, indicatorHeader(data, true),
        indicatorRows(data, data.options.county, true), 11);
    if (data.sampleIndicators)
        paragraph(p, c, y, sampleIndicatorsNote(data), kMuted, 11);
}

void charts(QPainter &p, const ReportData &data, const QRectF &c)
{
    double y = heading(p, c, c.top(),
        ReportPages::text(
            data, "本时段传感器曲线", ReportPages::tr("Sensor charts of the period")));
    if (data.charts.empty()) {
        paragraph(p, c, y,
            ReportPages::text(data, "本时段无数据", ReportPages::tr("No data in this period")),
            kMuted);
        return;
    }
    const int n = int(data.charts.size());
    const double h = (c.bottom() - y) / n;
    for (int i = 0; i < n; ++i) {
        ChartPainter chart;
        chart.setFont(ReportFonts::font(10));
        chart.setSeries(data.charts[i].series);
        chart.setTimeRange(data.options.from, data.options.to);
        chart.setTitle(data.charts[i].title);
        chart.setEmptyText(
            ReportPages::text(data, "本时段无数据", ReportPages::tr("No data in this period")));
        chart.paint(p, QRectF(c.left(), y + i * h, c.width(), h - 8));
    }
}

QString stateText(const ReportData &data, const AlertRecord &a)
{
    switch (a.state) {
    case AlertRecord::Resolved:
        return ReportPages::text(data, "已解除", ReportPages::tr("resolved"));
    case AlertRecord::Acknowledged:
        return ReportPages::text(data, "已确认", ReportPages::tr("acknowledged"));
    case AlertRecord::Active:
        return ReportPages::text(data, "进行中", ReportPages::tr("active"));
    default:
        return AlertRecord::stateName(a.state);
    }
}

void alertList(QPainter &p, const ReportData &data, const QRectF &c, int first)
{
    double y = heading(
        p, c, c.top(), ReportPages::text(data, "预警列表", ReportPages::tr("Alert list")));
    if (data.alerts.empty()) {
        paragraph(p, c, y,
            ReportPages::text(data, "本时段无预警", ReportPages::tr("No alerts in this period")),
            kMuted);
        return;
    }
    const int count = ReportPages::alertRowsPerPage(c);
    QVector<QStringList> rows;
    for (int i = first; i < int(data.alerts.size()) && i < first + count; ++i) {
        const AlertRecord &a = data.alerts[size_t(i)];
        const MetricInfo *metric = MetricCatalogue::byId(a.metric);
        const qint64 end = a.resolvedAt ? a.resolvedAt : data.options.to;
        const qint64 minutes = std::max<qint64>(0, (end - a.raisedAt) / 60000);
        // Shipped rules in the report's language, whatever the store's first start spoke.
        const QString rule = RuleNames::display(
            a, data.options.chinese() ? QStringLiteral("zh_CN") : QStringLiteral("en"));
        rows.append({ ReportPages::chinaTime(a.raisedAt), a.siteId(), a.deviceId(), rule,
            metric ? ReportPages::number(data, a.value, metric->decimals) + QStringLiteral(" ")
                    + QString::fromUtf8(metric->unit)
                   : ReportPages::number(data, a.value, 1),
            minutes >= 60 ? QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60)
                          : QStringLiteral("%1 min").arg(minutes),
            a.acknowledgedBy.isEmpty() ? stateText(data, a) : a.acknowledgedBy });
    }
    table(p, c, y, { 0.19, 0.09, 0.14, 0.22, 0.12, 0.12, 0.12 },
        { ReportPages::text(data, "时间", ReportPages::tr("Time")),
            ReportPages::text(data, "监测点", ReportPages::tr("Site")),
            ReportPages::text(data, "设备", ReportPages::tr("Device")),
            ReportPages::text(data, "规则", ReportPages::tr("Rule")),
            ReportPages::text(data, "数值", ReportPages::tr("Value")),
            ReportPages::text(data, "持续", ReportPages::tr("Duration")),
            ReportPages::text(data, "确认人", ReportPages::tr("Acknowledged by")) },
        rows, 10.5);
}

void sources(QPainter &p, const ReportData &data, const QRectF &c)
{
    double y = heading(p, c, c.top(),
        ReportPages::text(data, "数据来源与说明", ReportPages::tr("Data sources and notes")));
    y = paragraph(p, c, y,
        ReportPages::text(data, "地图：贵州省县级行政区划（随软件提供的 GeoPackage），",
            ReportPages::tr(
                "Map: Guizhou county boundaries (the GeoPackage bundled with the program); "))
            + data.options.mapNote());
    y = paragraph(p, c, y,
        ReportPages::text(data, "传感器读数与预警：本机数据库中记录的设备读数和预警规则。",
            ReportPages::tr("Sensor readings and alerts: device readings and alert rules recorded "
                            "in the dashboard's store.")));
    QStringList seen;
    for (const ReportIndicator &ri : data.indicators) {
        // Sources end in a full stop of their own; the list puts its separators between them.
        QString source = ri.indicator.source.trimmed();
        while (source.endsWith(QChar(0x3002)) || source.endsWith(QLatin1Char('.')))
            source.chop(1);
        if (!source.isEmpty() && !seen.contains(source))
            seen << source;
    }
    y = paragraph(p, c, y,
        ReportPages::text(data, "县域指标：", ReportPages::tr("County indicators: "))
            + seen.join(QStringLiteral("；")) + ReportPages::text(data, "。", QStringLiteral(".")));
    if (data.options.kind == ReportOptions::Kind::CountyBriefing
        && data.options.has(ReportOptions::Figures)) {
        y = paragraph(p, c, y,
            ReportPages::text(data,
                "母猪存活率：养猪场母猪耳标（体温）在本时段首日有读数者中，末日仍有读数的比例"
                "。耳标停报是传感器数据中唯一的失猪迹象，但耳标也会故障或脱落，故此数为下限估计，"
                "不等同于养殖场的死亡登记。",
                ReportPages::tr("Sow survival: of the pig farms' sow ear tags (body temperature) "
                                "with a reading on the period's first day, the share that still "
                                "reported on its last day. A tag falling silent is the only sign "
                                "of a lost sow in the sensor data, but tags also fail or fall "
                                "off: the figure is a lower bound, not the farms' mortality "
                                "records.")));
    }
    if (data.sampleIndicators || data.sampleSites) {
        y = paragraph(p, c, y,
            ReportPages::text(data,
                "示例数据：本报告中的监测点和指标含随软件提供的示例数据，仅作演示，不代表官方统计"
                "。",
                ReportPages::tr("Sample data: the sites and indicators in this report include the "
                                "sample data bundled with the program, for demonstration only; "
                                "they are not official statistics.")),
            QColor(0xb2, 0x3a, 0x00));
    }
    paragraph(p, c, y,
        ReportPages::text(data, "时间均为北京时间（UTC+8）。",
            ReportPages::tr("All times are China time (UTC+8).")),
        kMuted);
}

void provinceIndex(QPainter &p, const ReportData &data, const QRectF &c)
{
    double y = heading(p, c, c.top(),
        ReportPages::text(data, "全省概况：数字乡村发展指数",
            ReportPages::tr("Province summary: digital village index"))
            + QStringLiteral(" · ") + QString::number(data.year));
    // The whole ranking under the map, in as many columns as the width holds (at least
    // three); the map takes the height the ranking leaves, at least 40 % of the page.
    constexpr double kSize = 9.5;
    const double rowH = kSize * 1.75;
    const int columns = c.width() > c.height() ? std::max(3, int(c.width() / 170)) : 4;
    const int perColumn = std::max(1, int((data.index.size() + columns - 1) / columns));
    const double rankingHeight
        = QFontMetricsF(ReportFonts::font(15, true)).height() + 6 + (perColumn + 1) * rowH + kSize;
    const QRectF mapRect(
        c.left(), y, c.width(), std::max(c.height() * 0.4, c.bottom() - y - 12 - rankingHeight));
    const ChoroplethStyle style = styleOf(data,
        ReportPages::text(data, "数字乡村发展指数", ReportPages::tr("Digital village index")),
        QString(), 1, data.index);
    paintMap(p, data, mapRect, QRectF(), &style, data.alerts);
    y = heading(p, c, mapRect.bottom() + 12,
        ReportPages::text(data, "指数排名", ReportPages::tr("Index ranking")), 15);
    QVector<QPair<double, QString>> ranked;
    for (auto it = data.index.constBegin(); it != data.index.constEnd(); ++it)
        ranked.append({ -it.value(), it.key() });
    std::sort(ranked.begin(), ranked.end());
    const int fit = std::max(1, std::min(perColumn, int((c.bottom() - y - kSize) / rowH) - 1));
    // The index column as wide as its header or a value, the names get the rest.
    const QStringList header { ReportPages::text(data, "县（市、区）", ReportPages::tr("County")),
        ReportPages::text(data, "指数", ReportPages::tr("Index")) };
    const double valueWidth
        = std::max(QFontMetricsF(ReportFonts::font(kSize, true)).horizontalAdvance(header[1]),
              QFontMetricsF(ReportFonts::font(kSize))
                  .horizontalAdvance(ReportPages::number(data, 100, 1)))
        + 12;
    for (int col = 0; col < columns; ++col) {
        QVector<QStringList> rows;
        for (int i = col * fit; i < (col + 1) * fit && i < ranked.size(); ++i) {
            rows.append(
                { QStringLiteral("%1. %2").arg(i + 1).arg(countyName(data, ranked[i].second)),
                    ReportPages::number(data, -ranked[i].first, 1) });
        }
        const QRectF colArea(c.left() + col * c.width() / columns, y, c.width() / columns - 10, 0);
        table(p, colArea, y, { 1 - valueWidth / colArea.width(), valueWidth / colArea.width() },
            header, rows, kSize);
    }
}

void provinceIndicators(QPainter &p, const ReportData &data, const QRectF &c)
{
    double y = heading(p, c, c.top(),
        ReportPages::text(
            data, "全省概况：主要指标", ReportPages::tr("Province summary: key indicators"))
            + QStringLiteral(" · ") + QString::number(data.year));
    const int n = std::min<int>(2, int(data.indicators.size()));
    if (n == 0) {
        paragraph(p, c, y,
            ReportPages::text(data, "无指标数据", ReportPages::tr("No indicator values")), kMuted);
        return;
    }
    const double h = (c.bottom() - y) / n;
    for (int i = 0; i < n; ++i) {
        const ReportIndicator &ri = data.indicators[size_t(i)];
        const ChoroplethStyle style = styleOf(data, indicatorName(data, ri.indicator),
            IndicatorCatalogue::displayUnit(ri.indicator.unit, data.options.chinese()),
            ri.indicator.decimals, ri.values);
        paintMap(p, data, QRectF(c.left(), y + i * h, c.width(), h - 10), QRectF(), &style, {});
    }
}

void provinceAlerts(QPainter &p, const ReportData &data, const QRectF &c)
{
    double y = c.top();
    if (data.options.has(ReportOptions::Figures))
        y = keyFigures(p, data, c, y) + 12;
    if (!data.options.has(ReportOptions::Alerts))
        return;
    y = heading(p, c, y,
        ReportPages::text(
            data, "预警：按市州与县", ReportPages::tr("Alerts by prefecture and county")));
    if (data.alerts.empty()) {
        paragraph(p, c, y,
            ReportPages::text(data, "本时段无预警", ReportPages::tr("No alerts in this period")),
            kMuted);
        return;
    }
    QHash<QString, int> byCounty, byPrefecture, criticalByCounty;
    for (const AlertRecord &a : data.alerts) {
        ++byCounty[a.countyCode()];
        ++byPrefecture[a.countyCode().left(4)];
        criticalByCounty[a.countyCode()] += a.critical ? 1 : 0;
    }
    QVector<QStringList> rows;
    for (const auto &pref : data.prefectures()) {
        if (byPrefecture.value(pref.first))
            rows.append({ pref.second, QString::number(byPrefecture.value(pref.first)) });
    }
    y = table(p, QRectF(c.left(), y, c.width() * 0.45, 0), y, { 0.7, 0.3 },
        { ReportPages::text(data, "市（州）", ReportPages::tr("Prefecture")),
            ReportPages::text(data, "预警", ReportPages::tr("Alerts")) },
        rows, 11);
    QVector<QStringList> countyRows;
    for (const County &county : data.counties) {
        if (byCounty.value(county.code)) {
            countyRows.append({ county.name + QStringLiteral(" ") + county.code,
                QString::number(byCounty.value(county.code)),
                QString::number(criticalByCounty.value(county.code)) });
        }
    }
    table(p, QRectF(c.left(), y, c.width(), 0), y, { 0.5, 0.25, 0.25 },
        { ReportPages::text(data, "县（市、区）", ReportPages::tr("County")),
            ReportPages::text(data, "预警", ReportPages::tr("Alerts")),
            ReportPages::text(data, "严重", ReportPages::tr("Critical")) },
        countyRows.mid(0, std::max(0, int((c.bottom() - y) / (11 * 1.75)) - 2)), 11);
}

// A prefecture page: its counties on the index map with the period's alerts, and a table of
// them. Portrait pages put the table under the map, landscape pages beside it.
void prefecturePage(QPainter &p, const ReportData &data, const QRectF &c, const QString &title,
    const QStringList &codes)
{
    double y = heading(p, c, c.top(), title);
    const std::vector<AlertRecord> alerts = alertsIn(data, codes);
    QRectF mapRect, tableArea;
    if (c.width() > c.height()) {
        mapRect = QRectF(c.left(), y, c.width() * 0.6, c.bottom() - y);
        tableArea = QRectF(mapRect.right() + 14, y, c.right() - mapRect.right() - 14, 0);
    } else {
        // The map takes what the table of the counties leaves, at least 55 % of the page.
        const double tableHeight = (codes.size() + 1) * 11 * 1.75 + 11;
        mapRect = QRectF(c.left(), y, c.width(),
            std::max(c.height() * 0.55, c.bottom() - y - 12 - tableHeight - 4));
        tableArea = QRectF(c.left(), mapRect.bottom() + 12, c.width(), 0);
    }
    const ChoroplethStyle style = styleOf(data,
        ReportPages::text(data, "数字乡村发展指数", ReportPages::tr("Digital village index")),
        QString(), 1, data.index);
    paintMap(p, data, mapRect, extentOf(data, codes), &style, alerts);
    y = tableArea.top();
    QVector<QStringList> rows;
    const QStringList all = data.codes();
    for (const QString &code : codes) {
        int n = 0;
        for (const AlertRecord &a : alerts)
            n += a.countyCode() == code ? 1 : 0;
        rows.append({ countyName(data, code) + QStringLiteral(" ") + code,
            data.index.contains(code) ? ReportPages::number(data, data.index.value(code), 1)
                                      : QStringLiteral("–"),
            QStringLiteral("%1/%2")
                .arg(ReportData::rank(data.index, code, all, true))
                .arg(all.size()),
            QString::number(n) });
    }
    // Rows that fit between the header row and the closing rule's gap.
    const int fit = std::max(0, int((c.bottom() - y - 11) / (11 * 1.75)) - 1);
    table(p, tableArea, y, { 0.42, 0.16, 0.24, 0.18 },
        { ReportPages::text(data, "县（市、区）", ReportPages::tr("County")),
            ReportPages::text(data, "指数", ReportPages::tr("Index")),
            ReportPages::text(data, "全省排名", ReportPages::tr("Rank of 88")),
            ReportPages::text(data, "预警", ReportPages::tr("Alerts")) },
        rows.mid(0, fit), 11);
}

// The sites of one county on the report's map, and of them the bundled sample sites.
QPair<int, int> sitesIn(const ReportData &data, const QString &code)
{
    int sites = 0, samples = 0;
    const VectorLayer *layer = data.map.layer(QStringLiteral("sites"));
    if (!layer || !layer->isVisible())
        return { 0, 0 };
    for (int f = 0; f < layer->featureCount(); ++f) {
        if (layer->table().text(f, QStringLiteral("county_code")) != code)
            continue;
        ++sites;
        samples += layer->table().text(f, QStringLiteral("sample")) == QLatin1String("1") ? 1 : 0;
    }
    return { sites, samples };
}

// The county page's table type: 10.5 px on A4, larger on larger paper.
double countyTableSize(const QRectF &content)
{
    return std::clamp(10.5 * std::max(content.width(), content.height()) / 975.0, 10.5, 13.0);
}

// An atlas county page: the county's map with its sites and the period's alert rings, its
// alerts by severity and its indicators with ranks. Portrait pages stack the map over the
// figures; landscape pages put the figures beside the map.
void countyPage(QPainter &p, const ReportData &data, const QRectF &c, const QString &code)
{
    const County *county = data.county(code);
    const double top = heading(p, c, c.top(),
        county ? county->name + QStringLiteral(" · ") + county->prefectureName
                + QStringLiteral(" · ") + code
               : code);
    const bool landscape = c.width() > c.height();
    constexpr double kGap = 14;
    const QPair<int, int> sites = sitesIn(data, code);
    QRectF mapRect, facts;
    if (landscape) {
        mapRect = QRectF(c.left(), top, c.width() * 0.5, c.bottom() - top);
        facts = QRectF(
            mapRect.right() + kGap, top, c.right() - mapRect.right() - kGap, c.bottom() - top);
    } else {
        // The map takes what the figures under it leave, at least 41 % of the page: their
        // heights as painted below, the sample note at two lines at most.
        const double size = countyTableSize(c);
        const double rows = data.year ? 2.0 + double(data.indicators.size()) : 1.0;
        const double below = (sites.second ? 2 * 11 * 1.6 : 0) + 72 + 10
            + QFontMetricsF(ReportFonts::font(15, true)).height() + 6 + rows * size * 1.75 + size
            + (data.sampleIndicators ? 2 * size * 1.6 : 0) + 12;
        mapRect = QRectF(
            c.left(), top, c.width(), std::max(c.height() * 0.41, c.bottom() - top - 6 - below));
        facts
            = QRectF(c.left(), mapRect.bottom() + 6, c.width(), c.bottom() - mapRect.bottom() - 6);
    }
    const std::vector<AlertRecord> alerts = alertsIn(data, { code });
    paintMap(p, data, mapRect, extentOf(data, { code }), nullptr, alerts, code);

    double y = sampleSitesNote(p, data, facts, facts.top(), sites.second);
    int critical = 0, resolved = 0;
    for (const AlertRecord &a : alerts) {
        critical += a.critical ? 1 : 0;
        resolved += a.state == AlertRecord::Resolved ? 1 : 0;
    }
    const QVector<QPair<QString, QString>> figures {
        { ReportPages::text(data, "监测点", ReportPages::tr("Sites")),
            QString::number(sites.first) },
        { ReportPages::text(data, "本时段预警", ReportPages::tr("Alerts in the period")),
            QString::number(alerts.size()) },
        { ReportPages::text(data, "严重 / 一般", ReportPages::tr("Critical / warning")),
            QStringLiteral("%1 / %2").arg(critical).arg(int(alerts.size()) - critical) },
        { ReportPages::text(data, "已解除", ReportPages::tr("Resolved")),
            QString::number(resolved) },
    };
    y = figureBoxes(p, facts, y, figures, facts.width() >= 600 ? 4 : 2) + 4;

    y = heading(p, facts, y,
        ReportPages::text(data, "县域指标", ReportPages::tr("County indicators"))
            + (data.year ? QStringLiteral(" · ") + QString::number(data.year) : QString()),
        15);
    if (data.year == 0) {
        paragraph(p, facts, y,
            ReportPages::text(data, "无指标数据", ReportPages::tr("No indicator values")), kMuted);
        return;
    }
    // Larger type on larger paper; as many rows as fit above the note: a row, the header and
    // the rules' gap each.
    const double kSize = countyTableSize(c);
    const double rowHeight = kSize * 1.75;
    const double note = data.sampleIndicators ? 2 * kSize * 1.6 : 0;
    const QVector<QStringList> rows = indicatorRows(data, code, false);
    const int fit = std::max(0, int((facts.bottom() - y - note - kSize) / rowHeight) - 1);
    QVector<QStringList> shown = rows.mid(0, fit);
    if (rows.size() > fit && fit > 0) {
        shown.resize(fit - 1);
        const int more = int(rows.size()) - (fit - 1);
        shown.append({ data.options.chinese()
                ? QStringLiteral("…另有 %1 项指标").arg(more)
                : ReportPages::tr("… and %n more indicators", nullptr, more) });
    }
    // The figures' columns as wide as their widest text, the names get the rest.
    const QStringList header = indicatorHeader(data, false);
    const QFontMetricsF bold(ReportFonts::font(kSize, true));
    const QFontMetricsF plain(ReportFonts::font(kSize));
    QVector<double> widths(header.size(), 0.0);
    double figuresWidth = 0;
    for (int col = 1; col < header.size(); ++col) {
        double w = bold.horizontalAdvance(header[col]);
        for (const QStringList &row : shown) {
            if (col < row.size())
                w = std::max(w, plain.horizontalAdvance(row[col]));
        }
        widths[col] = (w + 14) / facts.width();
        figuresWidth += widths[col];
    }
    widths[0] = std::max(0.0, 1.0 - figuresWidth);
    y = table(p, facts, y, widths, header, shown, kSize);
    if (data.sampleIndicators)
        paragraph(p, facts, y, sampleIndicatorsNote(data), kMuted, 10);
}

} // namespace

QString ReportPages::text(const ReportData &data, const char *zh, const QString &en)
{
    return data.options.chinese() ? QString::fromUtf8(zh) : en;
}

QString ReportPages::number(const ReportData &data, double value, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    QLocale locale(data.options.chinese() ? QLocale::Chinese : QLocale::English);
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value, 'f', decimals);
}

QString ReportPages::chinaTime(qint64 msUtc, bool withTime)
{
    return ChinaTime::dateTime(msUtc).toString(
        withTime ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("yyyy-MM-dd"));
}

int ReportPages::alertRowsPerPage(const QRectF &content)
{
    return std::max(1, int((content.height() - 60) / (10.5 * 1.75)) - 1);
}

void ReportPages::paint(QPainter &painter, const ReportComposer::Page &page, const ReportData &data,
    const QRectF &content)
{
    switch (page.kind) {
    case ReportComposer::Page::Cover:
        cover(painter, data, content);
        break;
    case ReportComposer::Page::CountyMap:
        countyMap(painter, data, content);
        break;
    case ReportComposer::Page::CountyIndicators:
        countyIndicators(painter, data, content);
        break;
    case ReportComposer::Page::Charts:
        charts(painter, data, content);
        break;
    case ReportComposer::Page::AlertList:
        alertList(painter, data, content, page.first);
        break;
    case ReportComposer::Page::Sources:
        sources(painter, data, content);
        break;
    case ReportComposer::Page::ProvinceIndex:
        provinceIndex(painter, data, content);
        break;
    case ReportComposer::Page::ProvinceIndicators:
        provinceIndicators(painter, data, content);
        break;
    case ReportComposer::Page::ProvinceAlerts:
        provinceAlerts(painter, data, content);
        break;
    case ReportComposer::Page::Prefecture: {
        QString name = page.code;
        for (const auto &pref : data.prefectures()) {
            if (pref.first == page.code)
                name = pref.second;
        }
        prefecturePage(painter, data, content, name, data.codesOf(page.code));
        break;
    }
    case ReportComposer::Page::County: {
        countyPage(painter, data, content, page.code);
        break;
    }
    }
}

} // namespace dv
