// One line on a sensor chart, and the widget-free helpers around it: gap splitting and CSV export.
#include "chartseries.h"

#include "csvtext.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace dv {

qint64 ChartSeries::expectedSpacing() const
{
    if (spacing > 0)
        return spacing;
    // A fixed-size window keeps this cheap enough to call on every live frame.
    std::array<qint64, 64> steps {};
    std::size_t n = 0;
    for (std::size_t i = buckets.size(); i > 1 && n < steps.size(); --i)
        steps[n++] = buckets[i - 1].start - buckets[i - 2].start;
    if (n == 0)
        return 0;
    // The lower median: of two steps, the shorter is the regular one.
    const std::size_t mid = (n - 1) / 2;
    std::nth_element(steps.begin(), steps.begin() + mid, steps.begin() + n);
    return steps[mid];
}

int ChartSeries::nearestBucket(qint64 time) const
{
    if (buckets.empty())
        return -1;
    const auto after = std::lower_bound(buckets.begin(), buckets.end(), time,
        [](const HistoryBucket &b, qint64 t) { return b.start < t; });
    if (after == buckets.begin())
        return 0;
    if (after == buckets.end())
        return int(buckets.size()) - 1;
    const auto before = after - 1;
    const auto best = (time - before->start) <= (after->start - time) ? before : after;
    return int(best - buckets.begin());
}

QString ChartSeries::formatValue(double value) const
{
    const QString number = QLocale().toString(value, 'f', decimals);
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

std::vector<ChartSeries::Segment> ChartSeries::segments(
    const std::vector<HistoryBucket> &buckets, qint64 gapThresholdMs)
{
    std::vector<Segment> out;
    segments(buckets, gapThresholdMs, out);
    return out;
}

void ChartSeries::segments(
    const std::vector<HistoryBucket> &buckets, qint64 gapThresholdMs, std::vector<Segment> &out)
{
    out.clear();
    if (buckets.empty())
        return;
    Segment current { 0, 1 };
    for (std::size_t i = 1; i < buckets.size(); ++i) {
        if (gapThresholdMs > 0 && buckets[i].start - buckets[i - 1].start > gapThresholdMs) {
            out.push_back(current);
            current.begin = int(i);
        }
        current.end = int(i) + 1;
    }
    out.push_back(current);
}

QString ChartSeries::chinaTimeText(qint64 msUtc)
{
    return CsvText::chinaTime(msUtc);
}

QByteArray ChartSeries::toCsv(const QVector<ChartSeries> &series)
{
    struct Row {
        qint64 time;
        int series;
        int bucket;
    };
    std::vector<Row> rows;
    for (int s = 0; s < series.size(); ++s) {
        for (std::size_t b = 0; b < series[s].buckets.size(); ++b)
            rows.push_back({ series[s].buckets[b].start, s, int(b) });
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.time < b.time || (a.time == b.time && a.series < b.series);
    });

    QByteArray csv("\xEF\xBB\xBF"
                   "time,series,min,max,mean\r\n");
    csv.reserve(csv.size() + qsizetype(rows.size()) * 64);
    for (const Row &row : rows) {
        const ChartSeries &s = series[row.series];
        const HistoryBucket &b = s.buckets[std::size_t(row.bucket)];
        csv += chinaTimeText(b.start).toLatin1();
        csv += ',';
        csv += CsvText::field(s.label).toUtf8();
        csv += ',';
        csv += QByteArray::number(b.min, 'g', 12);
        csv += ',';
        csv += QByteArray::number(b.max, 'g', 12);
        csv += ',';
        csv += QByteArray::number(b.mean, 'f', std::max(0, s.decimals) + 1);
        csv += "\r\n";
    }
    return csv;
}

bool ChartSeries::writeCsv(const QString &path, const QVector<ChartSeries> &series, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    // QSaveFile writes beside the target and renames at the end: no half-written CSV.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(shown, file.errorString());
        return false;
    }
    const QByteArray csv = toCsv(series);
    if (file.write(csv) != csv.size() || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
}

} // namespace dv
