// China time and integer maths: the days, minutes and stamps every chart, rule and CSV relies on.
#include "chinatime.h"
#include "intmath.h"
#include "timeunits.h"

#include <QDateTime>
#include <QtTest>

#include <cmath>

using namespace dv;

namespace {

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// Days from 1970-01-01 to date: what dayNumber must count for a time on that China date.
qint64 daysSinceEpoch(const QDate &date)
{
    return QDate(1970, 1, 1).daysTo(date);
}

} // namespace

class TestChinaTime : public QObject {
    Q_OBJECT

private slots:
    void floorDivision_data();
    void floorDivision();
    void floorDivisionAgreesWithRealDivision();
    void dayAndMinute_data();
    void dayAndMinute();
    void isoText();
    void toUtcMsIsChinaWallClock();
    void fixedOffsetAgreesWithZone();
};

void TestChinaTime::floorDivision_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("quotient");
    QTest::addColumn<qint64>("remainder");
    QTest::newRow("zero") << qint64(0) << qint64(10) << qint64(0) << qint64(0);
    QTest::newRow("positive") << qint64(19) << qint64(10) << qint64(1) << qint64(9);
    QTest::newRow("exact") << qint64(20) << qint64(10) << qint64(2) << qint64(0);
    // C++ division truncates: -1 / 10 is 0, the bucket of 0..9; the bucket of -1 is -10..-1.
    QTest::newRow("just below zero") << qint64(-1) << qint64(10) << qint64(-1) << qint64(9);
    QTest::newRow("negative exact") << qint64(-10) << qint64(10) << qint64(-1) << qint64(0);
    QTest::newRow("negative") << qint64(-11) << qint64(10) << qint64(-2) << qint64(9);
    QTest::newRow("a day before 1970") << -kDayMs - 1 << kDayMs << qint64(-2) << kDayMs - 1;
    QTest::newRow("negative divisor") << qint64(1) << qint64(-10) << qint64(-1) << qint64(-9);
}

void TestChinaTime::floorDivision()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, quotient);
    QFETCH(qint64, remainder);
    QCOMPARE(floorDiv(a, b), quotient);
    QCOMPARE(floorMod(a, b), remainder);
    QCOMPARE(floorDiv(a, b) * b + floorMod(a, b), a);
}

void TestChinaTime::floorDivisionAgreesWithRealDivision()
{
    for (qint64 b : { 1, 3, 7, 10, -3, -7 }) {
        for (qint64 a = -50; a <= 50; ++a) {
            const qint64 expected = static_cast<qint64>(std::floor(double(a) / double(b)));
            QVERIFY2(floorDiv(a, b) == expected,
                qPrintable(QStringLiteral("floorDiv(%1, %2)").arg(a).arg(b)));
            if (b > 0)
                QVERIFY(floorMod(a, b) >= 0 && floorMod(a, b) < b);
        }
    }
}

void TestChinaTime::dayAndMinute_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QDate>("chinaDate");
    QTest::addColumn<int>("minute");
    QTest::addColumn<qint64>("midnight");

    // UTC midnight is 08:00 in China: the China day started eight hours earlier.
    QTest::newRow("UTC midnight") << utc("2026-11-22T00:00:00Z") << QDate(2026, 11, 22) << 8 * 60
                                  << utc("2026-11-21T16:00:00Z");
    QTest::newRow("last ms of a China day")
        << utc("2026-11-21T15:59:59.999Z") << QDate(2026, 11, 21) << 23 * 60 + 59
        << utc("2026-11-20T16:00:00Z");
    QTest::newRow("China midnight")
        << utc("2026-11-21T16:00:00Z") << QDate(2026, 11, 22) << 0 << utc("2026-11-21T16:00:00Z");
    QTest::newRow("UTC evening is China's next morning")
        << utc("2026-11-21T23:30:00Z") << QDate(2026, 11, 22) << 7 * 60 + 30
        << utc("2026-11-21T16:00:00Z");
    QTest::newRow("epoch") << qint64(0) << QDate(1970, 1, 1) << 8 * 60 << -ChinaTime::kOffsetMs;
    QTest::newRow("1 ms before the epoch")
        << qint64(-1) << QDate(1970, 1, 1) << 7 * 60 + 59 << -ChinaTime::kOffsetMs;
    QTest::newRow("first China midnight before the epoch")
        << -ChinaTime::kOffsetMs << QDate(1970, 1, 1) << 0 << -ChinaTime::kOffsetMs;
    QTest::newRow("1 ms before that midnight") << -ChinaTime::kOffsetMs - 1 << QDate(1969, 12, 31)
                                               << 23 * 60 + 59 << -ChinaTime::kOffsetMs - kDayMs;
    QTest::newRow("1965") << utc("1965-06-15T03:20:00Z") << QDate(1965, 6, 15) << 11 * 60 + 20
                          << utc("1965-06-14T16:00:00Z");
}

void TestChinaTime::dayAndMinute()
{
    QFETCH(qint64, ms);
    QFETCH(QDate, chinaDate);
    QFETCH(int, minute);
    QFETCH(qint64, midnight);
    QCOMPARE(ChinaTime::dayNumber(ms), daysSinceEpoch(chinaDate));
    QCOMPARE(ChinaTime::minuteOfDay(ms), minute);
    QCOMPARE(ChinaTime::startOfDay(ms), midnight);
    QVERIFY(ChinaTime::startOfDay(ms) <= ms && ms - ChinaTime::startOfDay(ms) < kDayMs);
}

void TestChinaTime::isoText()
{
    // What CSV exports and the command line print: the offset always written, whatever the
    // machine's own zone.
    QCOMPARE(ChinaTime::isoText(utc("2026-11-22T00:00:00Z")),
        QStringLiteral("2026-11-22T08:00:00+08:00"));
    QCOMPARE(ChinaTime::isoText(utc("2026-11-21T16:00:00Z")),
        QStringLiteral("2026-11-22T00:00:00+08:00"));
    QCOMPARE(ChinaTime::isoText(-1000), QStringLiteral("1970-01-01T07:59:59+08:00"));
    // 0 means "no time" in the stores (an alert never acknowledged): an empty field.
    QVERIFY(ChinaTime::isoText(0).isEmpty());
}

void TestChinaTime::toUtcMsIsChinaWallClock()
{
    QCOMPARE(ChinaTime::toUtcMs(QDate(2026, 11, 22), QTime(8, 0)), utc("2026-11-22T00:00:00Z"));
    QCOMPARE(ChinaTime::toUtcMs(QDate(2026, 11, 22)), utc("2026-11-21T16:00:00Z"));
    const qint64 ms = utc("2026-03-01T05:06:07.089Z");
    const QDateTime shown = ChinaTime::dateTime(ms);
    QCOMPARE(ChinaTime::toUtcMs(shown.date(), shown.time()), ms);
}

// The arithmetic uses the fixed +8 h, the text uses the zone: both must name the same wall
// clock. China's last daylight saving ended on 1991-09-15, so the check starts in October 1991.
void TestChinaTime::fixedOffsetAgreesWithZone()
{
    const QTimeZone shanghai("Asia/Shanghai");
    if (!shanghai.isValid())
        QSKIP("no time-zone database here: ChinaTime uses the fixed offset alone");
    QCOMPARE(ChinaTime::zone(), shanghai);
    int months = 0;
    for (QDate month(1991, 10, 1); month.year() <= 2030; month = month.addMonths(1)) {
        for (const QTime &at : { QTime(0, 0), QTime(7, 59, 59), QTime(12, 0), QTime(23, 59) }) {
            const qint64 ms = QDateTime(month, at, QTimeZone::utc()).toMSecsSinceEpoch();
            const QDateTime zoned = QDateTime::fromMSecsSinceEpoch(ms, shanghai);
            const QString where = zoned.toString(Qt::ISODate);
            QVERIFY2(zoned.offsetFromUtc() * kSecondMs == ChinaTime::kOffsetMs, qPrintable(where));
            QVERIFY2(ChinaTime::dayNumber(ms) == daysSinceEpoch(zoned.date()), qPrintable(where));
            QVERIFY2(ChinaTime::minuteOfDay(ms) == zoned.time().msecsSinceStartOfDay() / kMinuteMs,
                qPrintable(where));
            QVERIFY2(ChinaTime::startOfDay(ms)
                    == QDateTime(zoned.date(), QTime(0, 0), shanghai).toMSecsSinceEpoch(),
                qPrintable(where));
        }
        ++months;
    }
    QCOMPARE(months, 471); // October 1991 to December 2030: none skipped
}

QTEST_GUILESS_MAIN(TestChinaTime)
#include "tst_chinatime.moc"
