// Receives device messages from an MQTT broker and hands validated readings to the writer.
#pragma once

#include "payloadparser.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace mqtt {
class async_client;
}

namespace dv {

class SensorWriter;

struct MqttSettings {
    QString brokerUrl; // tcp://host:1883 or ssl://host:8883
    QString clientId = QStringLiteral("dvdash-collector"); // fixed: the broker keeps its session
    QString username;
    QString password;
};

// QoS 1 with a persistent session: what arrives while the dashboard is away waits at the
// broker. Paho acknowledges a message when the callback returns, so a hard kill loses at most
// what the writer has not yet committed (one commit interval).
class MqttFeed : public QObject {
    Q_OBJECT
public:
    enum class State { Disconnected, Connected, Reconnecting };
    static constexpr const char *kTopicFilter = "dvdash/v1/#";

    MqttFeed(MqttSettings settings, SensorWriter *writer, QObject *parent = nullptr);
    ~MqttFeed() override;

    // Connects and subscribes; false with a message naming the broker and the reason (refused
    // login, unreachable host...). Afterwards lost connections are retried with back-off.
    bool start(QString *error);
    void stop();

    qint64 messagesReceived() const { return mMessages.load(); }
    qint64 readingsReceived() const { return mReadings.load(); }
    qint64 problems() const { return mProblems.load(); }
    qint64 lastMessageMs() const { return mLastMessage.load(); }

signals:
    // From Paho's thread: connect queued.
    void stateChanged(dv::MqttFeed::State state);
    void payloadProblem(const QString &topic, const dv::PayloadIssue &issue);

private:
    void onMessage(const std::string &topic, const std::string &payload);

    MqttSettings mSettings;
    SensorWriter *mWriter;
    std::unique_ptr<mqtt::async_client> mClient;
    std::atomic<qint64> mMessages { 0 };
    std::atomic<qint64> mReadings { 0 };
    std::atomic<qint64> mProblems { 0 };
    std::atomic<qint64> mLastMessage { 0 };
};

} // namespace dv
