// Receives device messages from an MQTT broker and hands validated readings to the writer.
#include "mqttfeed.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <mqtt/async_client.h>

#ifdef Q_OS_WIN
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <windows.h>

#include <wincrypt.h> // after windows.h, which it needs
#ifdef _MSC_VER
#pragma comment(lib, "crypt32.lib")
#endif
#endif

Q_LOGGING_CATEGORY(lcMqtt, "dv.sensors.mqtt", QtInfoMsg)

namespace dv {

namespace {

#ifdef Q_OS_WIN
// The trusted roots of the Windows certificate store (what the user's browser and the domain's
// group policy trust) as a PEM file in the program's cache folder, written at most once a run.
// Empty, with a log line, when the store cannot be read or the file cannot be written.
QString windowsRootCertificates()
{
    static const QString path = [] {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        const QString file = QDir(dir).filePath(QStringLiteral("windows-roots.pem"));
        HCERTSTORE store = CertOpenSystemStoreW(0, L"ROOT");
        if (!store) {
            qCWarning(lcMqtt) << "cannot read the Windows certificate store";
            return QString();
        }
        QByteArray pem;
        PCCERT_CONTEXT cert = nullptr;
        while ((cert = CertEnumCertificatesInStore(store, cert))) {
            const QByteArray der(reinterpret_cast<const char *>(cert->pbCertEncoded),
                static_cast<int>(cert->cbCertEncoded));
            pem += "-----BEGIN CERTIFICATE-----\n";
            const QByteArray base64 = der.toBase64();
            for (int i = 0; i < base64.size(); i += 64)
                pem += base64.mid(i, 64) + '\n';
            pem += "-----END CERTIFICATE-----\n";
        }
        CertCloseStore(store, 0);
        QDir().mkpath(dir);
        QSaveFile out(file);
        if (pem.isEmpty() || !out.open(QIODevice::WriteOnly) || out.write(pem) != pem.size()
            || !out.commit()) {
            qCWarning(lcMqtt) << "cannot write the Windows root certificates to" << file;
            return QString();
        }
        return file;
    }();
    return path;
}
#endif

} // namespace

MqttFeed::MqttFeed(MqttSettings settings, SensorWriter *writer, QObject *parent)
    : SensorFeed(writer, parent)
    , mSettings(std::move(settings))
{
}

MqttFeed::~MqttFeed()
{
    stop();
}

QString MqttFeed::reason(int code, const char *what)
{
    // MQTT 3.1.1 CONNACK return codes, and Paho's own for a failed connection.
    switch (code) {
    case 1:
        return tr("the broker does not speak MQTT 3.1.1");
    case 2:
        return tr("the broker rejected the client id");
    case 3:
        return tr("the broker is unavailable");
    case 4:
        return tr("the broker refused the user name or password");
    case 5:
        return tr("the broker refused the login: not authorised");
    case MQTTASYNC_FAILURE:
        return tr("nothing answers at that address, or the connection timed out");
    default:
        return QString::fromUtf8(what);
    }
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
                           .connect_timeout(std::chrono::seconds(5))
                           .automatic_reconnect(std::chrono::seconds(1), std::chrono::seconds(30))
                           .finalize();
        if (!mSettings.username.isEmpty()) {
            options.set_user_name(mSettings.username.toStdString());
            options.set_password(mSettings.password.toStdString());
        }
        if (mSettings.brokerUrl.startsWith(QLatin1String("ssl://"))) {
            mqtt::ssl_options ssl; // OpenSSL's default trust store (the system's on Linux)
#ifdef Q_OS_WIN
            // Paho's OpenSSL knows nothing of the Windows certificate store; it takes a CA file.
            const QString roots = windowsRootCertificates();
            if (!roots.isEmpty())
                ssl.set_trust_store(QFile::encodeName(roots).toStdString());
#endif
            options.set_ssl(ssl);
        }
        mClient->set_message_callback([this](mqtt::const_message_ptr msg) {
            deliver(QString::fromStdString(msg->get_topic()),
                QByteArray::fromStdString(msg->get_payload_str()),
                QDateTime::currentMSecsSinceEpoch());
        });
        mClient->set_connection_lost_handler([this](const std::string &cause) {
            qCWarning(lcMqtt) << "connection lost:" << QString::fromStdString(cause);
            setState(State::Reconnecting);
        });
        mClient->set_connected_handler([this](const std::string &) {
            // After a reconnect: subscribe again in case the broker lost the session.
            mClient->subscribe(kTopicFilter, 1);
            setState(State::Connected);
        });
        mClient->connect(options)->wait();
        mClient->subscribe(kTopicFilter, 1)->wait();
        setState(State::Connected);
    } catch (const mqtt::exception &e) {
        *error = tr("%1: cannot connect to the MQTT broker: %2")
                     .arg(mSettings.brokerUrl, reason(e.get_return_code(), e.what()));
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
    setState(State::Stopped);
}

} // namespace dv
