// Publishes device messages to an MQTT broker: the simulator's way onto the real data path.
#include "mqttpublisher.h"

#include <mqtt/async_client.h>

namespace dv {

MqttPublisher::MqttPublisher(QString brokerUrl, QString clientId)
    : mBrokerUrl(std::move(brokerUrl))
    , mClientId(std::move(clientId))
{
}

MqttPublisher::~MqttPublisher()
{
    disconnect();
}

bool MqttPublisher::connect(QString *error)
{
    try {
        mClient = std::make_unique<mqtt::async_client>(mBrokerUrl.toStdString(),
            mClientId.toStdString(), mqtt::create_options(MQTTVERSION_3_1_1));
        auto options
            = mqtt::connect_options_builder().clean_session(true).max_inflight(1000).finalize();
        mClient->connect(options)->wait();
    } catch (const mqtt::exception &e) {
        *error = tr("%1: cannot connect to the MQTT broker (%2)")
                     .arg(mBrokerUrl, QString::fromStdString(e.what()));
        mClient.reset();
        return false;
    }
    return true;
}

bool MqttPublisher::publish(const QString &topic, const QByteArray &payload, QString *error)
{
    try {
        // Paho refuses a publish beyond its in-flight window (1,000): on a busy machine the
        // broker's acknowledgements lag, so wait for the oldest before sending more.
        while (!mInFlight.empty() && mInFlight.front()->is_complete())
            mInFlight.pop_front();
        if (mInFlight.size() >= kMaxInFlight) {
            mInFlight.front()->wait_for(std::chrono::seconds(30));
            mInFlight.pop_front();
        }
        mInFlight.push_back(mClient->publish(topic.toStdString(), payload.constData(),
            static_cast<size_t>(payload.size()), 1, false));
    } catch (const mqtt::exception &e) {
        *error = tr("%1: cannot publish (%2)").arg(mBrokerUrl, QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

void MqttPublisher::disconnect()
{
    if (!mClient)
        return;
    try {
        // Waits for the messages still in flight to be acknowledged.
        if (mClient->is_connected())
            mClient->disconnect()->wait_for(std::chrono::seconds(10));
    } catch (const mqtt::exception &) {
    }
    mInFlight.clear();
    mClient.reset();
}

} // namespace dv
