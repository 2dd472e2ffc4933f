// Publishes device messages to an MQTT broker: the simulator's way onto the real data path.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <deque>
#include <memory>

namespace mqtt {
class async_client;
class delivery_token;
} // namespace mqtt

namespace dv {

class MqttPublisher {
    Q_DECLARE_TR_FUNCTIONS(dv::MqttPublisher)
public:
    explicit MqttPublisher(
        QString brokerUrl, QString clientId = QStringLiteral("dvdash-simulator"));
    ~MqttPublisher();

    bool connect(QString *error);
    // QoS 1; blocks only when too many messages are in flight.
    bool publish(const QString &topic, const QByteArray &payload, QString *error);
    void disconnect();

private:
    QString mBrokerUrl;
    QString mClientId;
    static constexpr std::size_t kMaxInFlight = 500;
    std::unique_ptr<mqtt::async_client> mClient;
    std::deque<std::shared_ptr<mqtt::delivery_token>> mInFlight; // oldest first
};

} // namespace dv
