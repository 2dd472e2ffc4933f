// ChartPainter: a day of air temperature as a PNG, at 200 % and on a PDF page, compared with a
// reviewed control image; gaps stay open, alerts are shaded, the time axis reads China time.
//
// When a change to the chart's look is intended: run with DVDASH_UPDATE_CONTROL=1, look at
// tests/data/chartpainter/control_day.png, and commit it with the change.
#include "testsupport.h"

#include "chartpainter.h"
#include "chartpalette.h"
#include "timeticks.h"

#include <QDateTime>
#include <QDir>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <ctime>
#include <limits>

using namespace dv;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kPi = 3.14159265358979323846;

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

// 2026-11-22 China time: 2026-11-21 16:00 UTC to 2026-11-22 16:00 UTC.
const qint64 kDayStart = utc("2026-11-21T16:00:00Z");
const qint64 kDayEnd = utc("2026-11-22T16:00:00Z");
// 00:00 UTC is 08:00 China time.
const qint64 kUtcMidnight = utc("2026-11-22T00:00:00Z");
// The station was offline from 13:00 to 15:30 China time.
const qint64 kGapFrom = utc("2026-11-22T05:00:00Z");
const qint64 kGapTo = utc("2026-11-22T07:30:00Z");
// A frost warning from 04:40 to 07:50 China time.
const qint64 kAlertFrom = utc("2026-11-21T20:40:00Z");
const qint64 kAlertTo = utc("2026-11-21T23:50:00Z");
const QColor kAlertColour(0xef, 0x6c, 0x00);

// Per channel, differences up to this are anti-aliasing and font hinting, not a change.
constexpr int kChannelTolerance = 24;
// Pixels allowed beyond that tolerance: about one label's worth of 800 x 400.
constexpr int kMaxMismatched = 1600;

// Ten-minute buckets of ten readings: cold at dawn, mild in the afternoon, nothing while the
// station was offline. Fixed numbers, no randomness: the control image must not move.
ChartSeries dayOfAirTemperature()
{
    ChartSeries s;
    s.label = QStringLiteral("湄潭茶园 3 号站");
    s.unit = QStringLiteral("°C");
    s.decimals = 1;
    s.spacing = 10 * kMinute;
    for (qint64 t = kDayStart; t < kDayEnd; t += 10 * kMinute) {
        if (t > kGapFrom && t < kGapTo)
            continue;
        const double h = double(t - kDayStart) / kHour; // China hour of day
        const double mean = 8.6 - 5.6 * std::cos(2 * kPi * (h - 5.5) / 24)
            + 0.9 * std::sin(2 * kPi * (h - 5.5) / 12) + 0.25 * std::sin(h * 2.7);
        const double spread = 0.25 + 0.2 * std::abs(std::sin(h * 1.3));
        HistoryBucket b;
        b.start = t;
        b.mean = mean;
        b.min = mean - spread;
        b.max = mean + spread * 1.2;
        b.first = b.min;
        b.last = b.max;
        b.count = 10;
        s.buckets.push_back(b);
    }
    return s;
}

ChartPainter dayChart()
{
    ChartPainter chart;
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSizeF(9);
    chart.setFont(font);
    chart.setTitle(QStringLiteral("湄潭县茶园 · 空气温度（示例数据）"));
    chart.setValueTitle(QStringLiteral("空气温度"));
    chart.setSeries({ dayOfAirTemperature() });
    chart.setTimeRange(kDayStart, kDayEnd);
    chart.setThresholdBands(
        { { -kInf, 0, QColor(0xe5, 0x39, 0x35), QStringLiteral("霜冻 (≤ 0 °C)") },
            { 0, 4, QColor(0x42, 0x85, 0xf4), QStringLiteral("芽期霜冻风险 (≤ 4 °C)") },
            { 35, kInf, QColor(0xf9, 0xa8, 0x25), QStringLiteral("热害 (≥ 35 °C)") } });
    chart.setMarkedSpans(
        { { kAlertFrom, kAlertTo, kAlertColour, QStringLiteral("低温预警 · 已解除") } });
    return chart;
}

QImage argb(const QImage &image)
{
    return image.convertToFormat(QImage::Format_ARGB32);
}

// Pixels of column x, rows [top, bottom), within tolerance of colour.
int columnHits(const QImage &image, int x, int top, int bottom, const QColor &colour, int tolerance)
{
    int n = 0;
    for (int y = top; y < bottom; ++y)
        n += dvtest::channelDiff(image.pixel(x, y), colour.rgba()) <= tolerance ? 1 : 0;
    return n;
}

} // namespace

class TestChartPainter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void controlImage();
    void gapStaysOpen();
    void alertSpanShadedAcrossItsTime();
    void timeAxisInChinaTime();
    void valueAxisShowsNearBandsOnly();
    void highDpiIsTheSamePicture();
    void pdfIsVectorWithText();
    void emptyPeriodSaysSo();
    void narrowChartKeepsLabelsApart();
    void wallSizeScalesWithTheFont();
    void thinnedLineKeepsSpikes();
};

void TestChartPainter::initTestCase()
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
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(kUtcMidnight).offsetFromUtc(), -5 * 3600);
}

// The whole day as users see it, against the reviewed control image.
void TestChartPainter::controlImage()
{
    const QString name = QStringLiteral("control_day");
    const QString control
        = QStringLiteral(DVDASH_TEST_DATA_DIR "/chartpainter/") + name + QStringLiteral(".png");
    const QDir outDir(QStringLiteral(DVDASH_TEST_OUTPUT_DIR));
    QVERIFY(QDir().mkpath(outDir.path()));
    const QString rendered = outDir.filePath(QStringLiteral("chartpainter_day.png"));
    const QString diff = outDir.filePath(QStringLiteral("chartpainter_day_diff.png"));

    const QImage image = argb(dayChart().renderImage(QSize(800, 400)));
    QVERIFY(image.save(rendered));
    if (qEnvironmentVariableIntValue("DVDASH_UPDATE_CONTROL") == 1) {
        QVERIFY(QDir().mkpath(QFileInfo(control).absolutePath()));
        QVERIFY(image.convertToFormat(QImage::Format_RGB32).save(control));
        QSKIP(
            qPrintable(QStringLiteral("control image regenerated: %1; look at it before committing")
                           .arg(control)));
    }
    QVERIFY2(QFileInfo::exists(control),
        qPrintable(QStringLiteral("%1 is missing; run with DVDASH_UPDATE_CONTROL=1").arg(control)));
    const QImage expected = argb(QImage(control));
    QCOMPARE(image.size(), expected.size());

    const dvtest::ControlComparison cmp
        = dvtest::compareWithControl(image, expected, kChannelTolerance);
    const int mismatched = cmp.mismatched, worst = cmp.worst;
    const QImage &diffImage = cmp.diff;
    qInfo("%d pixels differ by more than %d; largest channel difference %d", mismatched,
        kChannelTolerance, worst);
    if (mismatched > kMaxMismatched) {
        QVERIFY(diffImage.save(diff));
        QFAIL(qPrintable(QStringLiteral("%1 differs from %2 in %3 pixels (limit %4); see %5")
                             .arg(rendered, control)
                             .arg(mismatched)
                             .arg(kMaxMismatched)
                             .arg(diff)));
    }
    QFile::remove(diff);
}

// No line across the 2.5 hours the station was offline; the line is there either side.
void TestChartPainter::gapStaysOpen()
{
    const ChartPainter chart = dayChart();
    const QImage image = argb(chart.renderImage(QSize(800, 400)));
    const ChartPainter::Layout l = chart.layout(QRectF(0, 0, 800, 400), &image);
    const QColor line = ChartPalette::seriesColour(0);
    const int top = int(l.plot.top()) + 1;
    const int bottom = int(l.plot.bottom()) - 1;
    // Clear of the line's round caps at the last and first bucket.
    const int gapLeft = int(std::ceil(l.xAt(kGapFrom))) + 3;
    const int gapRight = int(std::floor(l.xAt(kGapTo))) - 3;
    QVERIFY2(gapRight - gapLeft > 20, qPrintable(QString::number(gapRight - gapLeft)));
    for (int x = gapLeft; x <= gapRight; ++x)
        QCOMPARE(columnHits(image, x, top, bottom, line, 40), 0);
    // Either side the line is drawn: the test can see a line at all.
    for (qint64 t : { kGapFrom - 2 * kHour, kGapTo + 2 * kHour }) {
        const int x = int(l.xAt(t));
        QVERIFY2(columnHits(image, x, top, bottom, line, 40) > 0, qPrintable(QString::number(x)));
    }
}

// The frost warning is shaded over the whole plot height from when it was raised until it
// cleared, and not beyond.
void TestChartPainter::alertSpanShadedAcrossItsTime()
{
    const ChartPainter chart = dayChart();
    const QImage image = argb(chart.renderImage(QSize(800, 400)));
    const ChartPainter::Layout l = chart.layout(QRectF(0, 0, 800, 400), &image);
    // The span's translucent fill over the white background.
    const QColor shade(255, 255 - (255 - 0x6c) * ChartPalette::kMarkedSpanAlpha / 255,
        255 - 255 * ChartPalette::kMarkedSpanAlpha / 255);
    // A row in the upper plot, away from the line (cold at dawn) and from the grid.
    const QVector<double> ticks = l.values.ticks();
    QVERIFY(ticks.size() >= 3);
    const int y = int(l.yAt((ticks[ticks.size() - 1] + ticks[ticks.size() - 2]) / 2));
    auto nearTick = [&](int x) {
        for (qint64 t : l.timeTicks) {
            if (std::abs(l.xAt(t) - x) < 2.5)
                return true;
        }
        return false;
    };
    const double x0 = l.xAt(kAlertFrom);
    const double x1 = l.xAt(kAlertTo);
    int checked = 0;
    for (int i = 0; i <= 10; ++i) {
        const int x = int(std::lround(x0 + 2 + (x1 - x0 - 4) * i / 10.0));
        if (nearTick(x))
            continue;
        ++checked;
        QVERIFY2(dvtest::channelDiff(image.pixel(x, y), shade.rgba()) <= 8,
            qPrintable(
                QStringLiteral("%1,%2: %3").arg(x).arg(y).arg(QColor(image.pixel(x, y)).name())));
    }
    QVERIFY(checked >= 8);
    for (int x : { int(x0) - 4, int(x1) + 4 }) {
        QVERIFY2(dvtest::channelDiff(image.pixel(x, y), qRgb(255, 255, 255)) <= 2,
            qPrintable(
                QStringLiteral("%1,%2: %3").arg(x).arg(y).arg(QColor(image.pixel(x, y)).name())));
    }
}

// Ticks at round China times, whatever the machine's zone: 00:00 UTC is labelled 08:00, China
// midnights carry the date.
void TestChartPainter::timeAxisInChinaTime()
{
    const ChartPainter chart = dayChart();
    // Wide enough for two-hour ticks.
    const ChartPainter::Layout l = chart.layout(QRectF(0, 0, 1100, 400));
    QCOMPARE(l.timeStep, 2 * kHour);
    QCOMPARE(l.timeTicks.size(), l.timeLabels.size());
    const int at8 = l.timeTicks.indexOf(kUtcMidnight);
    QVERIFY(at8 >= 0);
    QCOMPARE(l.timeLabels[at8], QStringLiteral("08:00"));
    QCOMPARE(l.xAt(l.timeTicks[at8]), l.plot.left() + l.plot.width() * 8 / 24);
    QCOMPARE(l.timeLabels.first(), QStringLiteral("11-22"));
    QCOMPARE(l.timeTicks.first(), kDayStart);
    QCOMPARE(l.timeLabels.last(), QStringLiteral("11-23"));
    // Every tick a whole even China hour: UTC+8 by arithmetic, no zone database involved.
    for (int i = 0; i < l.timeTicks.size(); ++i) {
        const qint64 china = l.timeTicks[i] + 8 * kHour;
        QCOMPARE(china % (2 * kHour), qint64(0));
        if (i > 0 && i < l.timeTicks.size() - 1) {
            QCOMPARE(l.timeLabels[i],
                QStringLiteral("%1:00").arg((china / kHour) % 24, 2, 10, QLatin1Char('0')));
        }
    }
    QCOMPARE(l.timeTitle, QStringLiteral("2026-11-22, China time (UTC+8)"));

    // A week from a Monday: ticks fall on days, labelled with the date.
    ChartPainter week = dayChart();
    const qint64 monday = utc("2026-11-22T16:00:00Z"); // 2026-11-23 is a Monday
    week.setTimeRange(monday, monday + 7 * 24 * kHour);
    const ChartPainter::Layout w = week.layout(QRectF(0, 0, 800, 400));
    QCOMPARE(w.timeStep, 24 * kHour);
    QCOMPARE(w.timeLabels.first(), QStringLiteral("11-23"));
    QCOMPARE(w.timeTitle, QStringLiteral("2026-11-23 to 2026-11-29, China time (UTC+8)"));
}

// Frost risk (0 to 4 °C) touches the dawn readings and frost starts just below: both in view.
// Heat stress at 35 °C is far above a November day: the axis does not stretch to it, and the
// legend does not list it.
void TestChartPainter::valueAxisShowsNearBandsOnly()
{
    const ChartPainter chart = dayChart();
    const ChartPainter::Layout l = chart.layout(QRectF(0, 0, 800, 400));
    QVERIFY2(l.values.min < 0, qPrintable(QString::number(l.values.min)));
    QVERIFY2(l.values.max < 30, qPrintable(QString::number(l.values.max)));
    QStringList legend;
    for (const ChartPainter::LegendEntry &e : l.legend)
        legend << e.text;
    QVERIFY2(
        legend.contains(QStringLiteral("芽期霜冻风险 (≤ 4 °C)")), qPrintable(legend.join(u'|')));
    QVERIFY2(legend.contains(QStringLiteral("霜冻 (≤ 0 °C)")), qPrintable(legend.join(u'|')));
    QVERIFY2(!legend.contains(QStringLiteral("热害 (≥ 35 °C)")), qPrintable(legend.join(u'|')));
    QVERIFY(legend.contains(QStringLiteral("低温预警 · 已解除")));
    QCOMPARE(l.valueTitle, QStringLiteral("空气温度 (°C)"));
    // Ticks are round and labelled at their precision.
    QCOMPARE(l.values.label(l.values.ticks().first()),
        QLocale().toString(l.values.ticks().first(), 'f', l.values.decimals));

    ChartPainter fixed = dayChart();
    fixed.setValueRange(-10, 40);
    const ChartPainter::Layout f = fixed.layout(QRectF(0, 0, 800, 400));
    QCOMPARE(f.values.min, -10.0);
    QCOMPARE(f.values.max, 40.0);
}

// At device pixel ratio 2 the chart has twice the pixels and the same layout: scaled down it is
// the same picture.
void TestChartPainter::highDpiIsTheSamePicture()
{
    const ChartPainter chart = dayChart();
    const QImage normal = argb(chart.renderImage(QSize(800, 400), 1));
    const QImage sharpImage = chart.renderImage(QSize(800, 400), 2);
    QCOMPARE(sharpImage.size(), QSize(1600, 800));
    QCOMPARE(sharpImage.devicePixelRatio(), 2.0);
    const ChartPainter::Layout a = chart.layout(QRectF(0, 0, 800, 400), &normal);
    const ChartPainter::Layout b = chart.layout(QRectF(0, 0, 800, 400), &sharpImage);
    QCOMPARE(b.plot, a.plot);
    QCOMPARE(b.timeLabels, a.timeLabels);

    QVERIFY(sharpImage.save(QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/chartpainter_day@2x.png")));
    QImage sharp = argb(sharpImage);
    sharp.setDevicePixelRatio(1);
    const QImage scaled = sharp.scaled(800, 400, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    int mismatched = 0;
    for (int y = 0; y < 400; ++y) {
        for (int x = 0; x < 800; ++x)
            mismatched += dvtest::channelDiff(scaled.pixel(x, y), normal.pixel(x, y)) > 64 ? 1 : 0;
    }
    qInfo("%d of 320000 pixels differ by more than 64 between 1x and 2x scaled down", mismatched);
    QVERIFY2(mismatched < 3200, qPrintable(QString::number(mismatched)));
}

// On a PDF page the chart is vector, and its labels are text a reader can search and copy.
void TestChartPainter::pdfIsVectorWithText()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("chart.pdf"));
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setResolution(1200);
        QPainter painter(&writer);
        const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height() / 2.0));
        dayChart().paint(painter, page);
    }
    const QFileInfo info(path);
    QVERIFY(info.exists());
    qInfo("PDF: %lld bytes", info.size());
    QVERIFY2(info.size() > 8000, qPrintable(QString::number(info.size())));
    QFile::remove(QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/chartpainter_day.pdf"));
    QFile::copy(path, QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/chartpainter_day.pdf"));

    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QProcess p;
    p.start(pdftotext, { path, QStringLiteral("-") });
    QVERIFY(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    // Qt 6.4 maps some Noto CJK glyphs back to the wrong code points (气 to the radical ⽓,
    // digits after Latin letters to nothing): ask for what survives that.
    for (const QString &want :
        { QStringLiteral("08:00"), QStringLiteral("11-23"), QStringLiteral("China time"),
            QStringLiteral("湄潭县茶园"), QStringLiteral("温度 (°C)") }) {
        QVERIFY2(text.contains(want), qPrintable(want + QStringLiteral(" not in: ") + text));
    }
}

// A period without readings says so instead of drawing an axis that suggests a scale.
void TestChartPainter::emptyPeriodSaysSo()
{
    ChartPainter chart = dayChart();
    chart.setTimeRange(kDayEnd + 24 * kHour, kDayEnd + 48 * kHour);
    const QImage image = argb(chart.renderImage(QSize(800, 400)));
    QVERIFY(image.save(QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/chartpainter_empty.png")));
    const ChartPainter::Layout l = chart.layout(QRectF(0, 0, 800, 400), &image);
    QVERIFY(l.empty);
    QCOMPARE(chart.emptyText(), QStringLiteral("No data in this period"));
    const QRect plot = l.plot.toAlignedRect().adjusted(1, 1, -1, -1);
    const QImage inside = image.copy(plot);
    QCOMPARE(dvtest::countColor(inside, ChartPalette::seriesColour(0), 40), 0);
    // The text is there, centred in the plot.
    const QImage middle = image.copy(QRect(plot.center() - QPoint(100, 12), QSize(200, 24)));
    QVERIFY(dvtest::countColor(middle, ChartPalette::mutedInk(), 40) > 20);
    // With data in view the text goes.
    QVERIFY(!dayChart().layout(QRectF(0, 0, 800, 400)).empty);
}

// A 400 px chart (a wall tile, a report's half column) picks longer tick steps: its labels
// neither overlap nor stick out, and the value labels stay left of the plot.
void TestChartPainter::narrowChartKeepsLabelsApart()
{
    ChartPainter chart = dayChart();
    const QSize size(400, 260);
    const QImage image = chart.renderImage(size);
    QVERIFY(image.save(QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/chartpainter_narrow.png")));
    const ChartPainter::Layout l = chart.layout(QRectF(QPointF(0, 0), QSizeF(size)), &image);
    QVERIFY2(l.timeStep >= 4 * kHour, qPrintable(QString::number(l.timeStep / kHour)));
    const QFontMetricsF metrics(chart.font(), &image);
    double right = -1e9;
    int shown = 0;
    for (int i = 0; i < l.timeTicks.size(); ++i) {
        if (l.timeLabels[i].isEmpty())
            continue;
        ++shown;
        const double half = metrics.horizontalAdvance(l.timeLabels[i]) / 2;
        const double x = l.xAt(l.timeTicks[i]);
        QVERIFY2(x - half > right, qPrintable(l.timeLabels.join(u' ')));
        QVERIFY(x - half >= 0 && x + half <= size.width());
        right = x + half;
    }
    QVERIFY(shown >= 3);
    for (double v : l.values.ticks())
        QVERIFY(metrics.horizontalAdvance(l.values.label(v)) < l.plot.left());
    QVERIFY(l.plot.height() > 100);
}

// A wall screen twice the size with a font twice the size shows the same chart: every margin,
// line and tick derives from the font, none is a fixed pixel count.
void TestChartPainter::wallSizeScalesWithTheFont()
{
    const ChartPainter chart = dayChart();
    ChartPainter wall = dayChart();
    QFont big = wall.font();
    big.setPointSizeF(2 * big.pointSizeF());
    wall.setFont(big);
    const QImage image = wall.renderImage(QSize(1600, 800));
    QVERIFY(image.save(QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/chartpainter_wall.png")));
    const ChartPainter::Layout a = chart.layout(QRectF(0, 0, 800, 400), &image);
    const ChartPainter::Layout b = wall.layout(QRectF(0, 0, 1600, 800), &image);
    QCOMPARE(b.unit, 2 * a.unit);
    QCOMPARE(b.timeStep, a.timeStep);
    QCOMPARE(b.timeLabels, a.timeLabels);
    QCOMPARE(b.values.ticks(), a.values.ticks());
    // Text metrics do not scale exactly linearly (hinting): a few pixels either way.
    for (auto [x, y] : { std::pair { b.plot.left(), a.plot.left() },
             std::pair { b.plot.top(), a.plot.top() }, std::pair { b.plot.right(), a.plot.right() },
             std::pair { b.plot.bottom(), a.plot.bottom() } }) {
        QVERIFY2(std::abs(x - 2 * y) < 6, qPrintable(QStringLiteral("%1 vs 2 x %2").arg(x).arg(y)));
    }
}

// A month of minute readings is 43,200 points on a few hundred pixels: the line is thinned to
// each pixel column's extremes, and a single spike still reaches its height.
void TestChartPainter::thinnedLineKeepsSpikes()
{
    ChartSeries s;
    s.label = QStringLiteral("spike");
    s.spacing = kMinute;
    const qint64 start = kDayStart;
    const int n = 30 * 24 * 60;
    const int spikeAt = n / 2 + 7;
    s.buckets.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        HistoryBucket b;
        b.start = start + i * kMinute;
        b.mean = b.min = b.max = b.first = b.last = i == spikeAt ? 50 : 10 + std::sin(i / 500.0);
        b.count = 1;
        s.buckets.push_back(b);
    }
    ChartPainter chart;
    chart.setSeries({ s });
    const QImage image = argb(chart.renderImage(QSize(600, 300)));
    const ChartPainter::Layout l = chart.layout(QRectF(0, 0, 600, 300), &image);
    QVERIFY(l.values.max >= 50);
    // Near the spike's top the line is there, at the spike's column.
    const int x = int(std::lround(l.xAt(start + spikeAt * kMinute)));
    const int y = int(std::lround(l.yAt(49)));
    int hits = 0;
    for (int dx = -2; dx <= 2; ++dx)
        hits += dvtest::channelDiff(image.pixel(x + dx, y), ChartPalette::seriesColour(0).rgba())
            <= 60;
    QVERIFY2(hits > 0, qPrintable(QStringLiteral("%1,%2").arg(x).arg(y)));
}

QTEST_MAIN(TestChartPainter)
#include "tst_chartpainter.moc"
