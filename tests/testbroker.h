// A real mosquitto on loopback for end-to-end tests: it binds the port itself and says when it
// listens; a port someone else took in the meantime means another port, not a flaky test.
#pragma once

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QByteArrayList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTcpServer>

namespace dvtest {

// mosquitto and its tools live in sbin on Debian, outside a user's PATH.
inline QString findMosquittoTool(const QString &name)
{
    return QStandardPaths::findExecutable(name,
        { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
            QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/local/bin") });
}

// Publishes one message per payload at QoS 1 on topic, as a device would, through
// mosquitto_pub; true when all went out.
inline bool publishLines(
    const QString &mosquittoPub, quint16 port, const QString &topic, const QByteArrayList &payloads)
{
    QProcess pub;
    pub.start(mosquittoPub,
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
            QString::number(port), QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"),
            topic, QStringLiteral("-l") });
    if (!pub.waitForStarted(5000))
        return false;
    pub.write(payloads.join('\n') + '\n');
    pub.closeWriteChannel();
    return pub.waitForFinished(20000) && pub.exitCode() == 0;
}

class TestBroker {
public:
    TestBroker(const QString &mosquitto, const QString &folder, const QString &name)
        : mMosquitto(mosquitto)
        , mConfig(QDir(folder).filePath(name + QStringLiteral(".conf")))
    {
    }
    ~TestBroker() { stop(); }
    TestBroker(const TestBroker &) = delete;
    TestBroker &operator=(const TestBroker &) = delete;

    // Starts on a port of its own; extraConfig holds the lines after "listener" (auth,
    // persistence). False with the broker's log in error() when no port could be bound.
    bool start(const QString &extraConfig)
    {
        mExtra = extraConfig;
        for (int attempt = 0; attempt < 20; ++attempt) {
            mPort = candidatePort();
            if (mPort == 0)
                continue;
            if (launch() == Outcome::Running)
                return true;
        }
        return false;
    }

    // The same port again (clients reconnect to it): mosquitto sets SO_REUSEADDR, so only a
    // stranger on the port can refuse it, and then the test cannot go on.
    bool restart()
    {
        stop();
        return launch() == Outcome::Running;
    }

    void stop()
    {
        if (mProcess.state() == QProcess::NotRunning)
            return;
        mProcess.terminate(); // mosquitto saves its persistence file as it exits
        if (!mProcess.waitForFinished(5000))
            mProcess.kill();
        mProcess.waitForFinished();
    }

    quint16 port() const { return mPort; }
    QString url() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(mPort); }
    QString error() const { return mLog; }

private:
    enum class Outcome { Running, PortTaken, Failed };

    // A port the system just handed out; it may be taken again before mosquitto binds it,
    // which launch() sees in the broker's own log.
    static quint16 candidatePort()
    {
        QTcpServer server;
        return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
    }

    Outcome launch()
    {
        QFile conf(mConfig);
        if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Outcome::Failed;
        // Its log on stderr (unbuffered): "running" comes only once every listener is bound.
        // As root (as in CI), mosquitto would drop to its own user; "user root" keeps our
        // folder usable (no effect otherwise).
        conf.write(QStringLiteral("listener %1 127.0.0.1\nlog_dest stderr\nuser root\n%2\n")
                       .arg(mPort)
                       .arg(mExtra)
                       .toUtf8());
        conf.close();
        mLog.clear();
        mProcess.setProcessChannelMode(QProcess::MergedChannels);
        mProcess.start(mMosquitto, { QStringLiteral("-c"), mConfig });
        if (!mProcess.waitForStarted(5000))
            return Outcome::Failed;
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            if (mProcess.state() == QProcess::NotRunning
                || !mProcess.waitForReadyRead(int(deadline.remainingTime()))) {
                mLog += QString::fromLocal8Bit(mProcess.readAll());
                break;
            }
            mLog += QString::fromLocal8Bit(mProcess.readAll());
            if (mLog.contains(QLatin1String(" running")))
                return Outcome::Running;
        }
        stop();
        return mLog.contains(QLatin1String("Address already in use")) ? Outcome::PortTaken
                                                                      : Outcome::Failed;
    }

    QString mMosquitto;
    QString mConfig;
    QString mExtra;
    quint16 mPort = 0;
    QString mLog;
    QProcess mProcess;
};

} // namespace dvtest
