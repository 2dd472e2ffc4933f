// The MQTT wire format: good payloads become readings; every bad one is named, never fatal.
#include "metriccatalogue.h"
#include "payloadparser.h"

#include <QDateTime>
#include <QtTest>

using namespace dv;

namespace {
const qint64 kNow = QDateTime::fromString(QStringLiteral("2026-11-22T08:00:30+08:00"), Qt::ISODate)
                        .toMSecsSinceEpoch();
const QString kTopic = QStringLiteral("dvdash/v1/520328/T0001/station-1");
} // namespace

class TestPayloadParser : public QObject {
    Q_OBJECT

private slots:
    void readsTheDocumentedExample();
    void epochMillisecondsAndBatch();
    void badPayloads_data();
    void badPayloads();
    void impossibleValueIsSensorFaultNotDropped();
    void unknownMetricKeepsTheOthers();
};

// The example in the README, byte for byte: device time kept, metrics and battery read.
void TestPayloadParser::readsTheDocumentedExample()
{
    const QByteArray payload
        = R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {"air_temperature": 18.2, "relative_humidity": 81.5}, "battery": 87})";
    const ParsedMessage m = PayloadParser::parse(kTopic, payload, kNow);
    QVERIFY(m.issues.isEmpty());
    QCOMPARE(m.countyCode, QStringLiteral("520328"));
    QCOMPARE(m.siteId, QStringLiteral("T0001"));
    QCOMPARE(m.deviceId, QStringLiteral("station-1"));
    QCOMPARE(m.readings.size(), std::size_t(3));
    const qint64 ts = QDateTime::fromString(QStringLiteral("2026-11-22T00:00:00Z"), Qt::ISODate)
                          .toMSecsSinceEpoch();
    for (const ParsedReading &r : m.readings)
        QCOMPARE(r.timestamp, ts);
    QCOMPARE(m.readings[0].metric, MetricCatalogue::byName(QStringLiteral("air_temperature"))->id);
    QCOMPARE(m.readings[0].value, 18.2);
    QCOMPARE(m.readings[2].metric, MetricCatalogue::byName(QStringLiteral("battery"))->id);
    QCOMPARE(m.readings[2].value, 87.0);
}

// Devices that buffered while offline send a batch; epoch milliseconds are accepted.
void TestPayloadParser::epochMillisecondsAndBatch()
{
    const QByteArray payload
        = QStringLiteral(R"({"batch": [{"ts": %1, "readings": {"body_temperature": 38.6}},
        {"ts": %2, "readings": {"body_temperature": 38.7}}]})")
              .arg(kNow - 120000)
              .arg(kNow - 60000)
              .toUtf8();
    const ParsedMessage m
        = PayloadParser::parse(QStringLiteral("dvdash/v1/522601/P0001/tag-0042"), payload, kNow);
    QVERIFY(m.issues.isEmpty());
    QCOMPARE(m.readings.size(), std::size_t(2));
    QCOMPARE(m.readings[0].timestamp, kNow - 120000);
    QCOMPARE(m.readings[1].value, 38.7);
}

void TestPayloadParser::badPayloads_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("readings");
    const QByteArray ok
        = R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {"air_temperature": 18.2}})";
    QTest::newRow("invalid JSON") << kTopic
                                  << QByteArray(
                                         R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {)")
                                  << int(PayloadIssue::InvalidJson) << "payload" << 0;
    QTest::newRow("not an object")
        << kTopic << QByteArray("[1,2]") << int(PayloadIssue::InvalidJson) << "payload" << 0;
    QTest::newRow("value is a string")
        << kTopic
        << QByteArray(
               R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {"air_temperature": "18.2"}})")
        << int(PayloadIssue::WrongType) << "readings.air_temperature" << 0;
    QTest::newRow("readings not an object")
        << kTopic << QByteArray(R"({"ts": "2026-11-22T08:00:00+08:00", "readings": [18.2]})")
        << int(PayloadIssue::WrongType) << "readings" << 0;
    QTest::newRow("missing ts") << kTopic
                                << QByteArray(R"({"readings": {"air_temperature": 18.2}})")
                                << int(PayloadIssue::MissingTimestamp) << "ts" << 0;
    QTest::newRow("ts without offset")
        << kTopic
        << QByteArray(R"({"ts": "2026-11-22T08:00:00", "readings": {"air_temperature": 18.2}})")
        << int(PayloadIssue::WrongType) << "ts" << 0;
    QTest::newRow("missing readings")
        << kTopic << QByteArray(R"({"ts": "2026-11-22T08:00:00+08:00"})")
        << int(PayloadIssue::MissingReadings) << "readings" << 0;
    // JSON has no NaN or Infinity: an overflowing number makes the payload invalid JSON.
    QTest::newRow("infinite value")
        << kTopic
        << QByteArray(
               R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {"air_temperature": 1e999}})")
        << int(PayloadIssue::InvalidJson) << "payload" << 0;
    QTest::newRow("NaN literal")
        << kTopic
        << QByteArray(
               R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {"air_temperature": NaN}})")
        << int(PayloadIssue::InvalidJson) << "payload" << 0;
    QTest::newRow("NaN as a string")
        << kTopic
        << QByteArray(
               R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {"air_temperature": "NaN"}})")
        << int(PayloadIssue::WrongType) << "readings.air_temperature" << 0;
    QTest::newRow("10 minutes in the future")
        << kTopic
        << QByteArray(
               R"({"ts": "2026-11-22T08:10:31+08:00", "readings": {"air_temperature": 18.2}})")
        << int(PayloadIssue::FutureTimestamp) << "ts" << 0;
    QTest::newRow("years in the past")
        << kTopic
        << QByteArray(
               R"({"ts": "2019-01-01T00:00:00+08:00", "readings": {"air_temperature": 18.2}})")
        << int(PayloadIssue::TooOld) << "ts" << 0;
    QTest::newRow("over 64 KB") << kTopic << QByteArray(70 * 1024, ' ')
                                << int(PayloadIssue::Oversize) << "payload" << 0;
    QTest::newRow("topic without device") << QStringLiteral("dvdash/v1/520328/T0001") << ok
                                          << int(PayloadIssue::BadTopic) << "topic" << 0;
    QTest::newRow("topic with bad county") << QStringLiteral("dvdash/v1/5203/T0001/s1") << ok
                                           << int(PayloadIssue::BadTopic) << "topic" << 0;
    QTest::newRow("batch entry without ts")
        << kTopic
        << QByteArray(
               R"({"batch": [{"ts": "2026-11-22T08:00:00+08:00", "readings": {"air_temperature": 18.2}}, {"readings": {"air_temperature": 18.3}}]})")
        << int(PayloadIssue::MissingTimestamp) << "batch[1].ts" << 1;
}

// Each problem is reported once with the field it concerns; good parts are kept.
void TestPayloadParser::badPayloads()
{
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    QFETCH(int, kind);
    QFETCH(QString, field);
    QFETCH(int, readings);
    const ParsedMessage m = PayloadParser::parse(topic, payload, kNow);
    QCOMPARE(m.issues.size(), 1);
    QCOMPARE(int(m.issues[0].kind), kind);
    QCOMPARE(m.issues[0].field, field);
    QVERIFY(!m.issues[0].message.isEmpty());
    QCOMPARE(int(m.readings.size()), readings);
}

// A sow's ear tag reporting 60 °C is a broken sensor: stored flagged, reported as a fault.
void TestPayloadParser::impossibleValueIsSensorFaultNotDropped()
{
    const ParsedMessage m = PayloadParser::parse(QStringLiteral("dvdash/v1/522601/P0001/tag-7"),
        R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {"body_temperature": 60.0, "relative_humidity": 140}})",
        kNow);
    QCOMPARE(m.readings.size(), std::size_t(2));
    QVERIFY(m.readings[0].sensorFault && m.readings[1].sensorFault);
    QCOMPARE(m.issues.size(), 2);
    QCOMPARE(m.issues[0].kind, PayloadIssue::SensorFault);
}

void TestPayloadParser::unknownMetricKeepsTheOthers()
{
    const ParsedMessage m = PayloadParser::parse(kTopic,
        R"({"ts": "2026-11-22T08:00:00+08:00", "readings": {"air_temperature": 18.2, "wind_speed": 3.1}})",
        kNow);
    QCOMPARE(m.readings.size(), std::size_t(1));
    QCOMPARE(m.issues.size(), 1);
    QCOMPARE(m.issues[0].kind, PayloadIssue::UnknownMetric);
    QCOMPARE(m.issues[0].field, QStringLiteral("readings.wind_speed"));
}

QTEST_GUILESS_MAIN(TestPayloadParser)
#include "tst_payloadparser.moc"
