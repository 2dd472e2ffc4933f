// The sensor chart: gaps stay gaps, bands keep min and max, China time everywhere, live mode
// bounded and moving with the clock, exports, zoom and the empty state.
#include "testsupport.h"

#include "chartseries.h"
#include "metricbands.h"
#include "metriccatalogue.h"
#include "sensorchart.h"

#include <QDateTime>
#include <QGraphicsView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

#include <ctime>

using namespace dv;

namespace {

// 2026-11-22 00:00 UTC = 08:00 China time.
const qint64 kT0 = QDateTime::fromString(QStringLiteral("2026-11-22T00:00:00Z"), Qt::ISODate)
                       .toMSecsSinceEpoch();
const qint64 kMinute = 60 * 1000;
const qint64 kHour = 60 * kMinute;

HistoryBucket bucket(qint64 start, double mean, double min, double max, int count)
{
    HistoryBucket b;
    b.start = start;
    b.mean = mean;
    b.min = min;
    b.max = max;
    b.first = min;
    b.last = max;
    b.count = count;
    return b;
}

HistoryBucket reading(qint64 start, double value)
{
    return bucket(start, value, value, value, 1);
}

// Buckets at the given minutes after kT0, value 36 + minute / 100.
std::vector<HistoryBucket> atMinutes(const QVector<int> &minutes, int count = 1)
{
    std::vector<HistoryBucket> out;
    for (int m : minutes) {
        const double v = 36 + m / 100.0;
        out.push_back(bucket(kT0 + m * kMinute, v, v - 0.2, v + 0.3, count));
    }
    return out;
}

ChartSeries series(const QString &label, std::vector<HistoryBucket> buckets)
{
    ChartSeries s;
    s.label = label;
    s.unit = QStringLiteral("°C");
    s.decimals = 1;
    s.buckets = std::move(buckets);
    return s;
}

QWidget *viewport(SensorChart &chart)
{
    return chart.findChild<QGraphicsView *>()->viewport();
}

QPoint inViewport(SensorChart &chart, const QPointF &widgetPos)
{
    return viewport(chart)->mapFrom(&chart, widgetPos.toPoint());
}

} // namespace

class TestSensorChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void segmentsSplitAtGaps_data();
    void segmentsSplitAtGaps();
    void expectedSpacingIgnoresGaps();
    void oneLinePerSegment();
    void bandKeepsMinAndMax();
    void setTimeRangeSetsAxis();
    void timeAxisInChinaTime();
    void liveModeFollowsClockAndDropsOld();
    void liveModeSplitsAtGap();
    void crosshairShowsChinaTimeAndValues();
    void csvExport();
    void pngExport();
    void exportErrorsNamePath();
    void emptyState();
    void valueRangeIncludesBaselineAndBands();
    void valueRangeFitsAMildDay();
    void wheelZoomAroundCursor();
    void rubberBandZoomAndReset();
    void panKeys();
    void dragPans_data();
    void dragPans();
    void samplePicture();

private:
    qint64 mNow = 0;
};

void TestSensorChart::initTestCase()
{
    // A machine zone that is neither UTC nor China: every time shown must still be China time.
#ifdef Q_OS_WIN
    // The C runtime reads TZ in the POSIX form only (no zone database names).
    qputenv("TZ", "EST5EDT");
    _tzset();
#else
    qputenv("TZ", "America/New_York");
    tzset();
#endif
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(kT0).offsetFromUtc(), -5 * 3600);
}

void TestSensorChart::segmentsSplitAtGaps_data()
{
    QTest::addColumn<QVector<int>>("minutes");
    QTest::addColumn<QVector<int>>("expectedEnds"); // end index of each segment

    QTest::newRow("empty") << QVector<int> {} << QVector<int> {};
    QTest::newRow("single") << QVector<int> { 0 } << QVector<int> { 1 };
    QTest::newRow("no gap") << QVector<int> { 0, 1, 2, 3, 4 } << QVector<int> { 5 };
    QTest::newRow("late, not a gap") << QVector<int> { 0, 1, 4, 5 } << QVector<int> { 4 };
    QTest::newRow("one gap") << QVector<int> { 0, 1, 2, 10, 11, 12, 13 } << QVector<int> { 3, 7 };
    QTest::newRow("two gaps") << QVector<int> { 0, 1, 20, 21, 40 } << QVector<int> { 2, 4, 5 };
}

void TestSensorChart::segmentsSplitAtGaps()
{
    QFETCH(QVector<int>, minutes);
    QFETCH(QVector<int>, expectedEnds);
    const auto segments = ChartSeries::segments(atMinutes(minutes), 3 * kMinute);
    QCOMPARE(int(segments.size()), expectedEnds.size());
    int begin = 0;
    for (int i = 0; i < expectedEnds.size(); ++i) {
        QCOMPARE(segments[std::size_t(i)].begin, begin);
        QCOMPARE(segments[std::size_t(i)].end, expectedEnds[i]);
        begin = expectedEnds[i];
    }
    // Without a threshold nothing is split.
    QCOMPARE(int(ChartSeries::segments(atMinutes(minutes), 0).size()), minutes.isEmpty() ? 0 : 1);
}

void TestSensorChart::expectedSpacingIgnoresGaps()
{
    ChartSeries s = series(QStringLiteral("a"), atMinutes({ 0, 1, 2, 3, 60, 61, 62 }));
    QCOMPARE(s.expectedSpacing(), kMinute);
    QCOMPARE(s.gapThreshold(), 3 * kMinute);
    s.spacing = 10 * kMinute;
    QCOMPARE(s.gapThreshold(), 30 * kMinute);
}

void TestSensorChart::oneLinePerSegment()
{
    SensorChart chart;
    ChartSeries gapped = series(QStringLiteral("Sow 17"), atMinutes({ 0, 1, 2, 30, 31, 32, 33 }));
    ChartSeries whole = series(QStringLiteral("Sow 18"), atMinutes({ 0, 1, 2, 3, 4 }));
    chart.setSeries({ gapped, whole });
    QCOMPARE(chart.segmentCount(0), 2);
    QCOMPARE(chart.segmentCount(1), 1);
    const QVector<QPointF> first = chart.meanPoints(0, 0);
    const QVector<QPointF> second = chart.meanPoints(0, 1);
    QCOMPARE(first.size(), 3);
    QCOMPARE(second.size(), 4);
    QCOMPARE(qint64(first.front().x()), kT0);
    QCOMPARE(qint64(second.front().x()), kT0 + 30 * kMinute);
    QCOMPARE(second.front().y(), 36.30);

    // Replacing the series with gap-free data leaves one line again.
    chart.setSeries({ whole });
    QCOMPARE(chart.segmentCount(0), 1);
    QCOMPARE(chart.segmentCount(1), 0);
}

void TestSensorChart::bandKeepsMinAndMax()
{
    SensorChart chart;
    std::vector<HistoryBucket> buckets
        = { bucket(kT0, 20.0, 18.5, 23.25, 12), bucket(kT0 + kMinute, 21.0, 20.0, 22.0, 12),
              bucket(kT0 + 2 * kMinute, 19.0, 19.0, 19.0, 1) };
    chart.setSeries({ series(QStringLiteral("Air"), buckets),
        series(QStringLiteral("Single"), atMinutes({ 0, 1, 2 })) });
    const QVector<QPointF> upper = chart.bandUpper(0, 0);
    const QVector<QPointF> lower = chart.bandLower(0, 0);
    QCOMPARE(upper.size(), 3);
    QCOMPARE(lower.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(upper[i].y(), buckets[std::size_t(i)].max);
        QCOMPARE(lower[i].y(), buckets[std::size_t(i)].min);
        QCOMPARE(qint64(upper[i].x()), buckets[std::size_t(i)].start);
    }
    // Single readings have nothing to spread: no band, just the line.
    QVERIFY(chart.bandUpper(1, 0).isEmpty());
    QCOMPARE(chart.meanPoints(1, 0).size(), 3);
}

void TestSensorChart::setTimeRangeSetsAxis()
{
    SensorChart chart;
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setSeries({ series(QStringLiteral("a"), atMinutes({ 0, 1, 2 })) });
    chart.setTimeRange(kT0 - kHour, kT0 + 5 * kHour);
    QCOMPARE(chart.visibleFrom(), kT0 - kHour);
    QCOMPARE(chart.visibleTo(), kT0 + 5 * kHour);
    // New data (an owner re-querying) keeps the range.
    chart.setSeries({ series(QStringLiteral("a"), atMinutes({ 0, 1, 2, 3 })) });
    QCOMPARE(chart.visibleFrom(), kT0 - kHour);
    QCOMPARE(chart.visibleTo(), kT0 + 5 * kHour);
    QVERIFY(chart.plotPixelWidth() > 500 && chart.plotPixelWidth() < 800);
}

void TestSensorChart::timeAxisInChinaTime()
{
    SensorChart chart;
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setTimeRange(kT0, kT0 + 4 * kHour); // 08:00 to 12:00 China time
    const QStringList labels = chart.timeLabels();
    QVERIFY2(labels.contains(QStringLiteral("09:00")), qPrintable(labels.join(u' ')));
    QVERIFY2(labels.contains(QStringLiteral("11:00")), qPrintable(labels.join(u' ')));
    // Neither UTC (00:00) nor New York (19:00) shows through.
    QVERIFY(!labels.contains(QStringLiteral("01:00")));
    QVERIFY(!labels.contains(QStringLiteral("20:00")));

    // Across midnight China time the date replaces 00:00.
    const qint64 chinaMidnight = kT0 + 16 * kHour; // 2026-11-23 00:00 +08:00
    chart.setTimeRange(chinaMidnight - 3 * kHour, chinaMidnight + 3 * kHour);
    QVERIFY2(chart.timeLabels().contains(QStringLiteral("11-23")),
        qPrintable(chart.timeLabels().join(u' ')));
}

void TestSensorChart::liveModeFollowsClockAndDropsOld()
{
    SensorChart chart;
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    mNow = kT0;
    chart.setClock([this] { return mNow; });
    chart.setSeries({ series(QStringLiteral("Sow 17"), {}) });
    chart.setLiveWindow(15 * kMinute);
    QVERIFY(chart.isLive());
    QCOMPARE(chart.visibleTo(), kT0);
    QCOMPARE(chart.visibleFrom(), kT0 - 15 * kMinute);

    for (int m = -20; m <= 0; ++m)
        chart.appendLive(0, kT0 + m * kMinute, 38 + m / 100.0);
    // Readings are drawn on the next frame; those older than the window go.
    QTRY_COMPARE(chart.meanPoints(0, 0).size(), 16);
    QCOMPARE(int(chart.series()[0].buckets.size()), 16);
    QCOMPARE(chart.series()[0].buckets.front().start, kT0 - 15 * kMinute);

    // The axis follows the clock, and memory stays bounded as time moves on.
    mNow = kT0 + 5 * kMinute + 500;
    QTRY_COMPARE(chart.visibleTo(), mNow);
    QCOMPARE(chart.visibleFrom(), mNow - 15 * kMinute);
    QTRY_COMPARE(chart.meanPoints(0, 0).size(), 10);
    QCOMPARE(qint64(chart.meanPoints(0, 0).front().x()), kT0 - 9 * kMinute);

    // Ending live mode stops the axis.
    chart.setLiveWindow(0);
    QVERIFY(!chart.isLive());
    mNow += kHour;
    QTest::qWait(250);
    QCOMPARE(chart.visibleTo(), kT0 + 5 * kMinute + 500);
}

void TestSensorChart::liveModeSplitsAtGap()
{
    SensorChart chart;
    mNow = kT0;
    chart.setClock([this] { return mNow; });
    chart.setSeries({ series(QStringLiteral("Sow 17"), {}) });
    chart.setLiveWindow(60 * kMinute);
    for (int m : { -50, -49, -48, -47, -20, -19, -18, -17 })
        chart.appendLive(0, kT0 + m * kMinute, 38);
    QTRY_COMPARE(chart.segmentCount(0), 2);
    // Once the older stretch leaves the window, one line is left.
    mNow = kT0 + 15 * kMinute;
    QTRY_COMPARE(chart.segmentCount(0), 1);
    QCOMPARE(chart.meanPoints(0, 0).size(), 4);
}

void TestSensorChart::crosshairShowsChinaTimeAndValues()
{
    SensorChart chart;
    ChartSeries sow = series(QStringLiteral("Sow 17"),
        { bucket(kT0, 38.56, 38.4, 38.9, 6), bucket(kT0 + 10 * kMinute, 38.61, 38.61, 38.61, 1),
            bucket(kT0 + 20 * kMinute, 38.7, 38.7, 38.7, 1) });
    sow.decimals = 2;
    ChartSeries air = series(QStringLiteral("Barn air"),
        { reading(kT0, 21.04), reading(kT0 + 10 * kMinute, 21.5),
            reading(kT0 + 120 * kMinute, 22) });
    chart.setSeries({ sow, air });

    const QStringList lines = chart.crosshairText(kT0 + 2 * kMinute).split(u'\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("2026-11-22 08:02"));
    QCOMPARE(lines[1], QStringLiteral("Sow 17: 38.56 °C (38.40 to 38.90)"));
    QCOMPARE(lines[2], QStringLiteral("Barn air: 21.0 °C"));

    // Nearest bucket wins; a gap says so rather than showing a far-away value.
    const QStringList later = chart.crosshairText(kT0 + 16 * kMinute).split(u'\n');
    QCOMPARE(later[0], QStringLiteral("2026-11-22 08:16"));
    QCOMPARE(later[1], QStringLiteral("Sow 17: 38.70 °C"));
    QCOMPARE(later[2], QStringLiteral("Barn air: 21.5 °C"));
    const QStringList gap = chart.crosshairText(kT0 + 60 * kMinute).split(u'\n');
    QCOMPARE(gap[2], QStringLiteral("Barn air: no reading"));
}

void TestSensorChart::csvExport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SensorChart chart;
    ChartSeries a = series(QStringLiteral("Sow 17"),
        { bucket(kT0, 38.5625, 38.4, 38.9, 6), bucket(kT0 + kMinute, 38.6, 38.6, 38.6, 1) });
    ChartSeries b = series(QStringLiteral("Barn, east"), { reading(kT0 + 30 * 1000, 21.25) });
    chart.setSeries({ a, b });
    const QString path = dir.filePath(QStringLiteral("chart.csv"));
    QString error;
    QVERIFY2(chart.exportCsv(path, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QByteArray> lines = bytes.mid(3).split('\n');
    QCOMPARE(lines.size(), 5); // header, three rows, nothing after the last CRLF
    QCOMPARE(lines[0], QByteArray("time,series,min,max,mean\r"));
    QCOMPARE(lines[1], QByteArray("2026-11-22T08:00:00+08:00,Sow 17,38.4,38.9,38.56\r"));
    QCOMPARE(lines[2], QByteArray("2026-11-22T08:00:30+08:00,\"Barn, east\",21.25,21.25,21.25\r"));
    QCOMPARE(lines[3], QByteArray("2026-11-22T08:01:00+08:00,Sow 17,38.6,38.6,38.60\r"));
    QCOMPARE(lines[4], QByteArray());
}

void TestSensorChart::pngExport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SensorChart chart;
    chart.resize(640, 360);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    ChartSeries s = series(QStringLiteral("Sow 17"), atMinutes({ 0, 1, 2, 3, 4, 5, 6 }, 4));
    s.colour = QColor(0xd6, 0x27, 0x28);
    chart.setSeries({ s });
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(chart.exportPng(path, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 720));
    // The mean line is there in its colour.
    QVERIFY(dvtest::countColor(image, s.colour, 8) > 200);
}

void TestSensorChart::exportErrorsNamePath()
{
    SensorChart chart;
    chart.setSeries({ series(QStringLiteral("a"), atMinutes({ 0 })) });
    const QString path = QStringLiteral("/nonexistent-dvdash-dir/out.csv");
    QString error;
    QVERIFY(!chart.exportCsv(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    error.clear();
    const QString png = QStringLiteral("/nonexistent-dvdash-dir/out.png");
    QVERIFY(!chart.exportPng(png, &error));
    QVERIFY2(error.contains(png), qPrintable(error));
}

void TestSensorChart::emptyState()
{
    SensorChart chart;
    chart.resize(640, 360);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCOMPARE(chart.emptyStateText(), QStringLiteral("No readings in this range"));
    chart.setSeries({ series(QStringLiteral("a"), {}), series(QStringLiteral("b"), {}) });
    QCOMPARE(chart.emptyStateText(), QStringLiteral("No readings in this range"));
    chart.setSeries(
        { series(QStringLiteral("a"), {}), series(QStringLiteral("b"), atMinutes({ 0 })) });
    QCOMPARE(chart.emptyStateText(), QString());
    chart.clear();
    QCOMPARE(chart.emptyStateText(), QStringLiteral("No readings in this range"));
}

void TestSensorChart::valueRangeIncludesBaselineAndBands()
{
    SensorChart chart;
    chart.resize(640, 360);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setSeries({ series(QStringLiteral("Sow 17"), atMinutes({ 0, 1, 2, 3, 4, 5 })) });
    chart.setTimeRange(kT0, kT0 + 10 * kMinute);
    // Data 35.8 .. 36.35 with padding.
    QVERIFY(chart.valueMin() < 35.8 && chart.valueMin() > 34);
    QVERIFY(chart.valueMax() > 36.35 && chart.valueMax() < 38);
    chart.setBaseline(38.5, QStringLiteral("Normal"));
    QVERIFY(chart.valueMax() >= 38.5);
    chart.clearBaseline();
    // A fever band above the data: its lower edge comes into view, not its far upper edge.
    chart.setThresholdBands({ { 39.5, 45, QColor(Qt::red), QStringLiteral("Fever") } });
    QVERIFY(chart.valueMax() > 39.5);
    QVERIFY(chart.valueMax() < 43);
    chart.setValueRange(30, 40);
    QCOMPARE(chart.valueMin(), 30.0);
    QCOMPARE(chart.valueMax(), 40.0);
}

// A tea garden's 4-12 °C day with the air temperature's real bands: the axis fits the day and
// the frost bands just below it, not heat stress at 35 °C (it showed about -5 .. 40).
void TestSensorChart::valueRangeFitsAMildDay()
{
    SensorChart chart;
    chart.resize(640, 360);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    std::vector<HistoryBucket> day;
    for (int h = 0; h < 24; ++h) {
        const double v = 8 - 4 * std::cos(h * M_PI / 12); // 4 °C at dawn .. 12 °C at noon
        day.push_back(reading(kT0 + h * kHour, v));
    }
    ChartSeries air = series(QStringLiteral("Air"), day);
    chart.setSeries({ air });
    const MetricInfo *metric = MetricCatalogue::byName(QStringLiteral("air_temperature"));
    QVERIFY(metric);
    chart.setThresholdBands(MetricBands::forMetric(metric->id));
    chart.setTimeRange(kT0, kT0 + 24 * kHour);
    const QString range = QStringLiteral("%1 .. %2").arg(chart.valueMin()).arg(chart.valueMax());
    // The day fills much of the axis: 8 of at most 20 degrees (-5 .. 15 measured).
    QVERIFY2(chart.valueMax() - chart.valueMin() <= 20, qPrintable(range));
    QVERIFY2(chart.valueMin() <= 4 && chart.valueMax() >= 12, qPrintable(range));
    QVERIFY2(chart.valueMax() < 20, qPrintable(range));
    // Frost at 0 °C is near: its edge is in view.
    QVERIFY2(chart.valueMin() <= 0 && chart.valueMin() >= -5, qPrintable(range));
    // A hot afternoon near 35 °C brings the heat-stress edge in.
    for (HistoryBucket &b : day)
        b.min = b.max = b.mean = b.first = b.last = b.mean + 22; // 26 .. 34 °C
    air.buckets = day;
    chart.setSeries({ air });
    QVERIFY2(chart.valueMax() > 35, qPrintable(QString::number(chart.valueMax())));
}

void TestSensorChart::wheelZoomAroundCursor()
{
    SensorChart chart;
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setSeries({ series(QStringLiteral("a"), atMinutes({ 0, 60, 120 })) });
    chart.setTimeRange(kT0, kT0 + 4 * kHour);
    QSignalSpy spy(&chart, &SensorChart::visibleRangeChanged);

    const QRectF plot = chart.plotArea();
    const QPointF at(plot.left() + plot.width() * 0.25, plot.center().y());
    const QPoint pos = inViewport(chart, at);
    const qint64 under = kT0 + kHour; // a quarter of the way in
    QWheelEvent wheel(pos, viewport(chart)->mapToGlobal(pos), QPoint(), QPoint(0, 120),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport(chart), &wheel);

    QCOMPARE(spy.count(), 1);
    const qint64 from = spy[0][0].toLongLong();
    const qint64 to = spy[0][1].toLongLong();
    QVERIFY(to - from < 4 * kHour);
    QCOMPARE(chart.visibleFrom(), from);
    QCOMPARE(chart.visibleTo(), to);
    // The time under the cursor stays under it (within a pixel's worth of time).
    const double fraction = double(under - from) / double(to - from);
    QVERIFY2(std::abs(fraction - 0.25) < 0.01, qPrintable(QString::number(fraction)));
}

void TestSensorChart::rubberBandZoomAndReset()
{
    SensorChart chart;
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setSeries({ series(QStringLiteral("a"), atMinutes({ 0, 60, 120 })) });
    chart.setTimeRange(kT0, kT0 + 4 * kHour);
    QSignalSpy range(&chart, &SensorChart::visibleRangeChanged);
    QSignalSpy reset(&chart, &SensorChart::resetRequested);

    const QRectF plot = chart.plotArea();
    const QPoint a
        = inViewport(chart, QPointF(plot.left() + plot.width() * 0.5, plot.center().y()));
    const QPoint b
        = inViewport(chart, QPointF(plot.left() + plot.width() * 0.75, plot.center().y()));
    QTest::mousePress(viewport(chart), Qt::LeftButton, Qt::NoModifier, a);
    QTest::mouseMove(viewport(chart), b);
    QTest::mouseRelease(viewport(chart), Qt::LeftButton, Qt::NoModifier, b);
    QCOMPARE(range.count(), 1);
    // The dragged half-to-three-quarters: 10:00 to 11:00 China time, to within a pixel.
    const qint64 pixel = 4 * kHour / chart.plotPixelWidth();
    QVERIFY(std::abs(range[0][0].toLongLong() - (kT0 + 2 * kHour)) <= 2 * pixel);
    QVERIFY(std::abs(range[0][1].toLongLong() - (kT0 + 3 * kHour)) <= 2 * pixel);

    QTest::keyClick(&chart, Qt::Key_Escape);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(range.count(), 2);
    QCOMPARE(range[1][0].toLongLong(), kT0);
    QCOMPARE(range[1][1].toLongLong(), kT0 + 4 * kHour);
    QCOMPARE(chart.visibleFrom(), kT0);
}

void TestSensorChart::panKeys()
{
    SensorChart chart;
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setTimeRange(kT0, kT0 + 10 * kHour);
    QSignalSpy range(&chart, &SensorChart::visibleRangeChanged);
    QTest::keyClick(&chart, Qt::Key_Right);
    QCOMPARE(range.count(), 1);
    QCOMPARE(chart.visibleFrom(), kT0 + kHour);
    QCOMPARE(chart.visibleTo(), kT0 + 11 * kHour);
    QTest::keyClick(&chart, Qt::Key_Left);
    QCOMPARE(chart.visibleFrom(), kT0);
}

void TestSensorChart::dragPans_data()
{
    QTest::addColumn<int>("button");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("right drag") << int(Qt::RightButton) << int(Qt::NoModifier);
    QTest::newRow("shift drag") << int(Qt::LeftButton) << int(Qt::ShiftModifier);
}

void TestSensorChart::dragPans()
{
    QFETCH(int, button);
    QFETCH(int, modifiers);
    SensorChart chart;
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setTimeRange(kT0, kT0 + 10 * kHour);
    QSignalSpy range(&chart, &SensorChart::visibleRangeChanged);
    const QRectF plot = chart.plotArea();
    const QPoint a = inViewport(chart, plot.center());
    const QPoint b = a - QPoint(plot.width() / 10, 0); // drag left: later times come in
    QTest::mousePress(
        viewport(chart), Qt::MouseButton(button), Qt::KeyboardModifiers(modifiers), a);
    QTest::mouseMove(viewport(chart), b);
    QTest::mouseRelease(
        viewport(chart), Qt::MouseButton(button), Qt::KeyboardModifiers(modifiers), b);
    QCOMPARE(range.count(), 1); // once, when the drag ends
    const qint64 shift = range[0][0].toLongLong() - kT0;
    QVERIFY2(std::abs(shift - kHour) < 2 * 10 * kHour / chart.plotPixelWidth(),
        qPrintable(QString::number(shift)));
    QCOMPARE(range[0][1].toLongLong() - range[0][0].toLongLong(), 10 * kHour);
}

// A day of two sows' body temperature, with a gap, a fever band and a baseline, written to the
// test output folder for a human look; checks the parts are drawn where they belong.
void TestSensorChart::samplePicture()
{
    SensorChart chart;
    chart.resize(900, 420);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const qint64 from = kT0 - 8 * kHour; // 2026-11-22 00:00 China time
    const qint64 bucketWidth = 5 * kMinute;
    auto day = [&](double base, double phase, qint64 gapFrom, qint64 gapTo) {
        std::vector<HistoryBucket> out;
        for (qint64 t = from; t < from + 24 * kHour; t += bucketWidth) {
            if (t >= gapFrom && t < gapTo)
                continue;
            const double h = double(t - from) / kHour;
            const double mean = base + 0.35 * std::sin((h + phase) / 24 * 2 * M_PI)
                + (h > 17 && h < 21 ? 0.9 * std::sin((h - 17) / 4 * M_PI) : 0);
            out.push_back(bucket(t, mean, mean - 0.12, mean + 0.15, 5));
        }
        return out;
    };
    ChartSeries a
        = series(QStringLiteral("Sow 17"), day(38.6, 0, from + 9 * kHour, from + 12 * kHour));
    a.spacing = bucketWidth;
    a.decimals = 2;
    ChartSeries b = series(QStringLiteral("Sow 23"), day(38.9, 6, 0, 0));
    b.spacing = bucketWidth;
    b.decimals = 2;
    chart.setSeries({ a, b });
    chart.setTimeRange(from, from + 24 * kHour);
    chart.setValueTitle(QStringLiteral("Body temperature"));
    chart.setThresholdBands({ { 39.5, 42, QColor(0xd9, 0x48, 0x1f), QStringLiteral("Fever") } });
    chart.setBaseline(38.6, QStringLiteral("Sow 17 normal"));
    QCOMPARE(chart.segmentCount(0), 2);
    QCOMPARE(chart.segmentCount(1), 1);

    const QString path = QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/sensorchart.png");
    QString error;
    QVERIFY2(chart.exportPng(path, &error), qPrintable(error));
    QCOMPARE(QImage(path).size(), QSize(1800, 840));
}

QTEST_MAIN(TestSensorChart)
#include "tst_sensorchart.moc"
