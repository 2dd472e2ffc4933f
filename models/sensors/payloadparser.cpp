// Turns an MQTT topic and JSON payload into validated readings and a list of what was wrong.
#include "payloadparser.h"

#include "metriccatalogue.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace dv {

namespace {

// ISO 8601 with an explicit offset or Z, or epoch milliseconds; a local time without offset
// is ambiguous (device clocks are set in all sorts of zones) and refused.
bool parseTimestamp(const QJsonValue &v, qint64 &ms)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < 0 || d > 1e14)
            return false;
        ms = static_cast<qint64>(d);
        return true;
    }
    if (!v.isString())
        return false;
    const QString s = v.toString();
    static const QRegularExpression offset(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    if (!offset.match(s).hasMatch())
        return false;
    const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    ms = dt.toMSecsSinceEpoch();
    return true;
}

class EntryReader {
public:
    EntryReader(ParsedMessage &out, qint64 arrival)
        : out(out)
        , arrival(arrival)
    {
    }

    void read(const QJsonObject &entry, const QString &prefix);

private:
    void issue(PayloadIssue::Kind kind, const QString &field, const QString &message)
    {
        out.issues.push_back({ kind, field, message });
    }
    void readValue(const QString &name, const QJsonValue &v, qint64 ts, const QString &field);

    ParsedMessage &out;
    qint64 arrival;
};

void EntryReader::readValue(
    const QString &name, const QJsonValue &v, qint64 ts, const QString &field)
{
    const MetricInfo *metric = MetricCatalogue::byName(name);
    if (!metric) {
        issue(PayloadIssue::UnknownMetric, field, PayloadParser::tr("unknown metric %1").arg(name));
        return;
    }
    if (!v.isDouble()) {
        issue(PayloadIssue::WrongType, field, PayloadParser::tr("%1 must be a number").arg(name));
        return;
    }
    const double value = v.toDouble();
    ParsedReading r { metric->id, ts, value,
        !MetricCatalogue::isPhysicallyPossible(*metric, value) };
    if (r.sensorFault)
        issue(PayloadIssue::SensorFault, field,
            PayloadParser::tr("%1 = %2 %3 is physically impossible: sensor fault")
                .arg(name)
                .arg(value)
                .arg(QString::fromUtf8(metric->unit)));
    out.readings.push_back(r);
}

void EntryReader::read(const QJsonObject &entry, const QString &prefix)
{
    const QString tsField = prefix + QStringLiteral("ts");
    if (!entry.contains(QStringLiteral("ts"))) {
        issue(PayloadIssue::MissingTimestamp, tsField, PayloadParser::tr("ts is missing"));
        return;
    }
    qint64 ts = 0;
    if (!parseTimestamp(entry.value(QStringLiteral("ts")), ts)) {
        issue(PayloadIssue::WrongType, tsField,
            PayloadParser::tr("ts must be ISO 8601 with a UTC offset or epoch milliseconds"));
        return;
    }
    if (ts > arrival + PayloadParser::kMaxFutureMs) {
        issue(PayloadIssue::FutureTimestamp, tsField,
            PayloadParser::tr(
                "ts is more than 5 minutes in the future; is the device clock wrong?"));
        return;
    }
    if (ts < arrival - PayloadParser::kMaxAgeMs) {
        issue(
            PayloadIssue::TooOld, tsField, PayloadParser::tr("ts is more than a year in the past"));
        return;
    }
    const QJsonValue readings = entry.value(QStringLiteral("readings"));
    if (readings.isUndefined() && !entry.contains(QStringLiteral("battery"))) {
        issue(PayloadIssue::MissingReadings, prefix + QStringLiteral("readings"),
            PayloadParser::tr("readings is missing"));
        return;
    }
    if (!readings.isUndefined() && !readings.isObject()) {
        issue(PayloadIssue::WrongType, prefix + QStringLiteral("readings"),
            PayloadParser::tr("readings must be an object of metric: value"));
        return;
    }
    const QJsonObject values = readings.toObject();
    for (auto it = values.begin(); it != values.end(); ++it)
        readValue(it.key(), it.value(), ts, prefix + QStringLiteral("readings.") + it.key());
    if (entry.contains(QStringLiteral("battery")))
        readValue(QStringLiteral("battery"), entry.value(QStringLiteral("battery")), ts,
            prefix + QStringLiteral("battery"));
}

} // namespace

ParsedMessage PayloadParser::parse(
    const QString &topic, const QByteArray &payload, qint64 arrivalMs)
{
    ParsedMessage out;
    static const QRegularExpression scheme(
        QStringLiteral("^dvdash/v1/(\\d{6})/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,64})$"));
    const auto m = scheme.match(topic);
    if (!m.hasMatch()) {
        out.issues.push_back({ PayloadIssue::BadTopic, QStringLiteral("topic"),
            tr("topic %1 does not match dvdash/v1/{county_code}/{site_id}/{device_id}")
                .arg(topic) });
        return out;
    }
    out.countyCode = m.captured(1);
    out.siteId = m.captured(2);
    out.deviceId = m.captured(3);
    if (payload.size() > kMaxPayloadBytes) {
        out.issues.push_back({ PayloadIssue::Oversize, QStringLiteral("payload"),
            tr("payload of %L1 bytes exceeds the 64 KB limit").arg(payload.size()) });
        return out;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        out.issues.push_back({ PayloadIssue::InvalidJson, QStringLiteral("payload"),
            doc.isNull()
                ? tr("invalid JSON at byte %1: %2").arg(error.offset).arg(error.errorString())
                : tr("the payload must be a JSON object") });
        return out;
    }
    const QJsonObject root = doc.object();
    EntryReader reader(out, arrivalMs);
    if (root.contains(QStringLiteral("batch"))) {
        const QJsonValue batch = root.value(QStringLiteral("batch"));
        if (!batch.isArray()) {
            out.issues.push_back(
                { PayloadIssue::WrongType, QStringLiteral("batch"), tr("batch must be an array") });
            return out;
        }
        const QJsonArray entries = batch.toArray();
        for (int i = 0; i < entries.size(); ++i) {
            const QString prefix = QStringLiteral("batch[%1].").arg(i);
            if (!entries.at(i).isObject()) {
                out.issues.push_back({ PayloadIssue::WrongType, prefix.chopped(1),
                    tr("each batch entry must be an object") });
                continue;
            }
            reader.read(entries.at(i).toObject(), prefix);
        }
    } else {
        reader.read(root, QString());
    }
    return out;
}

} // namespace dv
