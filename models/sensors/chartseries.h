// One line on a sensor chart, and the widget-free helpers around it: gap splitting and CSV export.
#pragma once

#include "historybucket.h"

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <vector>

namespace dv {

// A value class: what a chart shows for one series (one metric of one device or site).
struct ChartSeries {
    Q_DECLARE_TR_FUNCTIONS(dv::ChartSeries)
public:
    // Buckets [begin, end) of one stretch without gaps.
    struct Segment {
        int begin = 0;
        int end = 0;
        bool operator==(const Segment &o) const { return begin == o.begin && end == o.end; }
    };

    QString label; // legend text, e.g. "Meitan tea garden 3"
    QString unit; // e.g. "°C"; may be empty
    int decimals = 1;
    QColor colour; // invalid: the chart picks one
    // Time between buckets when none is missing (the query's bucket width, or the sensor's
    // report interval); 0: estimated from the data.
    qint64 spacing = 0;
    std::vector<HistoryBucket> buckets; // oldest first

    bool isEmpty() const { return buckets.empty(); }
    // spacing, or else the median step of the last 64 buckets (gaps do not move a median).
    qint64 expectedSpacing() const;
    // A step longer than this is a gap: three missing buckets in a row, not one late one.
    qint64 gapThreshold() const { return 3 * expectedSpacing(); }
    // The bucket whose start is closest to time; -1 when there are none.
    int nearestBucket(qint64 time) const;
    // "36.50 °C": the value at the series' precision, in the user's locale, with its unit.
    QString formatValue(double value) const;

    // Splits at every step between consecutive bucket starts longer than gapThresholdMs
    // (gapThresholdMs <= 0: never). Empty input gives no segments.
    static std::vector<Segment> segments(
        const std::vector<HistoryBucket> &buckets, qint64 gapThresholdMs);
    // The same into a vector the caller keeps, so a live chart does not allocate per frame.
    static void segments(const std::vector<HistoryBucket> &buckets, qint64 gapThresholdMs,
        std::vector<Segment> &out);

    // "2026-11-22T08:00:00+08:00": China time with its offset, to the second, whatever the
    // machine's zone. Data are UTC; people reading the dashboard mean China time.
    static QString chinaTimeText(qint64 msUtc);

    // CSV for spreadsheets (RFC 4180: CRLF, quotes where needed), UTF-8 with a BOM so Excel
    // reads Chinese labels correctly. One row per bucket, all series in one table ordered by
    // time, then by series:
    //     time,series,min,max,mean
    //     2026-11-22T08:00:00+08:00,Sow 17,38.4,38.9,38.62
    // A bucket of one reading has min = max = mean. min and max are the stored readings
    // unrounded; mean is rounded to one decimal more than the series shows.
    static QByteArray toCsv(const QVector<ChartSeries> &series);
    // Writes toCsv() to path atomically; on failure false and *error naming the path.
    static bool writeCsv(const QString &path, const QVector<ChartSeries> &series, QString *error);
};

} // namespace dv
