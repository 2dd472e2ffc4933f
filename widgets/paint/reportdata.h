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
    Kind kind = Kind::CountyBriefing;
    QString county; // code, for a briefing
    bool countyPages = false; // atlas: one page per county too
    qint64 from = 0; // the period, ms UTC, [from, to)
    qint64 to = 0;
    QString language = QStringLiteral("zh_CN"); // "zh_CN" or "en"
    QPageSize::PageSizeId paper = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QString officeName;
    QString mapNote; // 示意图 or the office's 审图号
    qint64 generatedAt = 0; // ms UTC

    bool chinese() const { return language.startsWith(QLatin1String("zh")); }
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
    int devices = 0; // registered devices in the area
    int devicesReporting = 0; // of them, with a reading in the period
    qint64 readings = 0; // readings received in the period

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
