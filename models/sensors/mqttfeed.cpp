// Receives device messages from an MQTT broker and hands validated readings to the writer.
#include "mqttfeed.h"

#include "sensorwriter.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <mqtt/async_client.h>

Q_LOGGING_CATEGORY(lcMqtt, "dv.sensors.mqtt", QtInfoMsg)

namespace dv {

MqttFeed::MqttFeed(MqttSettings settings, SensorWriter *writer, QObject *parent)
    : QObject(parent)
    , mSettings(std::move(settings))
    , mWriter(writer)
{
}

MqttFeed::~MqttFeed()
{
    stop();
}

bool MqttFeed::start(QString *error)
{
    const std::string uri = mSettings.brokerUrl.toStdString();
    try {
        mClient = std::make_unique<mqtt::async_client>(
            uri, mSettings.clientId.toStdString(), mqtt::create_options(MQTTVERSION_3_1_1));
        auto options = mqtt::connect_options_builder()
                           .clean_session(false)
                           .keep_alive_interval(std::chrono::seconds(20))
                           .automatic_reconnect(std::chrono::seconds(1), std::chrono::seconds(30))
                           .finalize();
        if (!mSettings.username.isEmpty()) {
            options.set_user_name(mSettings.username.toStdString());
            options.set_password(mSettings.password.toStdString());
        }
        if (mSettings.brokerUrl.startsWith(QLatin1String("ssl://")))
            options.set_ssl(mqtt::ssl_options()); // system trust store
        mClient->set_message_callback([this](mqtt::const_message_ptr msg) {
            onMessage(msg->get_topic(), msg->get_payload_str());
        });
        mClient->set_connection_lost_handler([this](const std::string &cause) {
            qCWarning(lcMqtt) << "connection lost:" << QString::fromStdString(cause);
            emit stateChanged(State::Reconnecting);
        });
        mClient->set_connected_handler([this](const std::string &) {
            // After a reconnect: subscribe again in case the broker lost the session.
            mClient->subscribe(kTopicFilter, 1);
            emit stateChanged(State::Connected);
        });
        mClient->connect(options)->wait();
        mClient->subscribe(kTopicFilter, 1)->wait();
    } catch (const mqtt::exception &e) {
        *error = tr("%1: cannot connect to the MQTT broker (%2)")
                     .arg(mSettings.brokerUrl, QString::fromStdString(e.what()));
        mClient.reset();
        return false;
    }
    return true;
}

void MqttFeed::stop()
{
    if (!mClient)
        return;
    try {
        if (mClient->is_connected())
            mClient->disconnect()->wait_for(std::chrono::seconds(5));
    } catch (const mqtt::exception &e) {
        qCWarning(lcMqtt) << "disconnect:" << e.what();
    }
    mClient.reset();
    emit stateChanged(State::Disconnected);
}

void MqttFeed::onMessage(const std::string &topic, const std::string &payload)
{
    const qint64 arrival = QDateTime::currentMSecsSinceEpoch();
    mLastMessage = arrival;
    ++mMessages;
    const QString topicText = QString::fromStdString(topic);
    ParsedMessage m = PayloadParser::parse(topicText, QByteArray::fromStdString(payload), arrival);
    for (const PayloadIssue &issue : m.issues) {
        ++mProblems;
        emit payloadProblem(topicText, issue);
    }
    if (m.readings.empty())
        return;
    mReadings += static_cast<qint64>(m.readings.size());
    mWriter->submit(m.countyCode + QLatin1Char('/') + m.siteId + QLatin1Char('/') + m.deviceId,
        std::move(m.readings), arrival);
}

} // namespace dv
