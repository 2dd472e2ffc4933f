// Receives device messages from an MQTT broker and hands validated readings to the writer.
#pragma once

#include "sensorfeed.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace mqtt {
class async_client;
}

namespace dv {

struct MqttSettings {
    QString brokerUrl; // tcp://host:1883 or ssl://host:8883
    QString clientId = QStringLiteral("dvdash-collector"); // fixed: the broker keeps its session
    QString username;
    QString password;
};

// QoS 1 with a persistent session: what arrives while the dashboard is away waits at the
// broker. Paho acknowledges a message when the callback returns, so a hard kill loses at most
// what the writer has not yet committed (one commit interval).
class MqttFeed : public SensorFeed {
    Q_OBJECT
public:
    static constexpr const char *kTopicFilter = "dvdash/v1/#";

    MqttFeed(MqttSettings settings, SensorWriter *writer, QObject *parent = nullptr);
    ~MqttFeed() override;

    // Connects and subscribes; false with a message naming the broker and the reason (refused
    // login, unreachable host...). Afterwards lost connections are retried with back-off.
    bool start(QString *error) override;
    void stop() override;
    QString sourceName() const override { return mSettings.brokerUrl; }

private:
    static QString reason(int code, const char *what);

    MqttSettings mSettings;
    std::unique_ptr<mqtt::async_client> mClient;
};

} // namespace dv
