// Where readings come from: an MQTT broker or the built-in simulator, behind one interface.
#include "sensorfeed.h"

#include "devicekey.h"
#include "sensorwriter.h"

namespace dv {

SensorFeed::SensorFeed(SensorWriter *writer, QObject *parent)
    : QObject(parent)
    , mWriter(writer)
{
    qRegisterMetaType<dv::PayloadIssue>();
    qRegisterMetaType<dv::SensorFeed::State>();
}

void SensorFeed::deliver(const QString &topic, const QByteArray &payload, qint64 arrival)
{
    mLastMessage = arrival;
    ++mMessages;
    ParsedMessage m = PayloadParser::parse(topic, payload, arrival);
    for (const PayloadIssue &issue : m.issues) {
        ++mProblems;
        emit payloadProblem(topic, issue);
    }
    if (m.readings.empty())
        return;
    mReadings += static_cast<qint64>(m.readings.size());
    mWriter->submit(DeviceKey::of(m.countyCode, m.siteId, m.deviceId),
        std::move(m.readings), arrival);
}

void SensorFeed::setState(State state)
{
    if (mState.exchange(state) != state)
        emit stateChanged(state);
}

} // namespace dv
