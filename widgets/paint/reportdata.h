// What a PDF report shows, read from the stores beforehand: the composer only paints this value.
#pragma once

#include "alertrecord.h"
#include "chartseries.h"
#include "countydirectory.h"
#include "indicator.h"
#include "mapsettings.h"

#include <QDateTime>
#include <QHash>
#include <QPageLayout>
#include <QPageSize>
#include <QString>
#include <QVector>

#include <vector>

namespace dv {

struct ReportOptions {
    enum class Kind { CountyBriefing, ProvinceAtlas };
    // What a report includes; names as on the command line's --sections. The atlas has no
    // sensor charts; its maps are the prefecture (and county) pages, its figures the province's
    // key figures beside the alerts by county.
    enum Section {
        Cover = 0x01,
        Map = 0x02,
        Figures = 0x04,
        Indicators = 0x08,
        Charts = 0x10,
        Alerts = 0x20,
        Sources = 0x40,
        AllSections = 0x7f,
    };
    Kind kind = Kind::CountyBriefing;
    QString county; // code, for a briefing
    bool countyPages = false; // atlas: one page per county too
    qint64 from = 0; // the period, ms UTC, [from, to)
    qint64 to = 0;
    QString language = QStringLiteral("zh_CN"); // "zh_CN" or "en"
    QPageSize::PageSizeId paper = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QString officeName;
    QString mapReviewNumber; // the office's 审图号; empty: the maps are schematic (示意图)
    int sections = AllSections;
    // Whether the bundled sample sites (示例数据) are in the report: as the window shows them.
    bool sampleSites = true;
    qint64 generatedAt = 0; // ms UTC

    bool chinese() const { return language.startsWith(QLatin1String("zh")); }
    bool has(Section section) const { return (sections & section) != 0; }
    // The note on every map, in the report's language: 示意图 or the 审图号.
    QString mapNote() const;
    // "cover", "map", ... in Section order.
    static QStringList sectionNames();
    // "cover,map,alerts" to Sections; 0 and *error naming the unknown one, or when empty.
    static int parseSections(const QString &list, QString *error);
};

// One indicator of the latest year across the province, with last year's values beside it.
struct ReportIndicator {
    Indicator indicator;
    QHash<QString, double> values; // by county code
    QHash<QString, double> previous; // the year before
};

// A chart of one metric over the period: one series per device.
struct ReportChart {
    QString title;
    QVector<ChartSeries> series;
};

struct ReportData {
    ReportOptions options;
    std::vector<County> counties; // the 88, sorted by code
    // The province map's layers and view, without alerts: pages zoom and mark copies of it.
    MapSettings map;
    int year = 0; // latest year with indicator values; 0 when there are none
    bool sampleIndicators = false;
    bool sampleSites = false;
    std::vector<ReportIndicator> indicators;
    QHash<QString, double> index; // composite digital-village index by county, latest year
    QHash<QString, double> previousIndex;
    std::vector<AlertRecord> alerts; // raised in the period, in the report's area, newest first
    std::vector<ReportChart> charts; // briefing only
    int sites = 0; // sites in the area on the report's map
    int sampleSiteCount = 0; // of them, bundled sample sites (示例数据)
    int devices = 0; // registered devices in the area
    int devicesReporting = 0; // of them, with a reading in the period
    qint64 readings = 0; // readings received in the period
    // Sows are the pig farms' ear tags (body temperature). Monitored: tags with a body
    // temperature reading in the period. Survival: of the tags reporting on the period's first
    // day, the share still reporting on its last day -- a tag falling silent is the only sign of
    // a lost sow the sensor data gives (a tag can also fail or fall off), so it is a lower bound.
    int sowsMonitored = 0;
    int sowsFirstDay = 0;
    int sowsBothDays = 0;

    const County *county(const QString &code) const;
    // Counties of one prefecture, by code.
    std::vector<const County *> prefectureCounties(const QString &prefectureCode) const;
    // (code, name) of the prefectures in code order.
    QVector<QPair<QString, QString>> prefectures() const;
    // 1 = best among the given counties, by the indicator's direction; 0 without a value.
    static int rank(const QHash<QString, double> &values, const QString &county,
        const QStringList &among, bool higherIsBetter);
    // The mean over the given counties that have a value; NaN when none has.
    static double mean(const QHash<QString, double> &values, const QStringList &among);
    QStringList codes() const;
    QStringList codesOf(const QString &prefectureCode) const;
    bool isEmptyPeriod() const { return alerts.empty() && readings == 0; }
};

} // namespace dv
