// Notifications from the shared store (LISTEN/NOTIFY): what other dashboards changed.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QSocketNotifier;
class QTimer;

namespace dv {

class PostgresConnection;

// Listens on channels ("dvdash_alerts") over a connection of its own and reports each
// notification as it arrives: the socket is watched, nothing is polled. When the server goes
// away (restart; a network gone silent is noticed by TCP keepalives within about half a
// minute) it says so once, tries again after 1 s, 2 s, 4 s... (at most every maxRetryDelay),
// and says when it is back: the notifications in between are lost, so the owner reads again.
//
// Connecting blocks (up to libpq's connect timeout): in a window, move the notifier to a thread
// of its own and call start() there (queued). It is used from that one thread.
class PostgresNotifier : public QObject {
    Q_OBJECT
public:
    PostgresNotifier(const QString &spec, const QStringList &channels, QObject *parent = nullptr);
    ~PostgresNotifier() override;

    // The longest wait between two attempts to reconnect (default 15 s; tests shorten it).
    void setMaxRetryDelay(int ms);
    bool isListening() const { return mListening; }

public slots:
    // Connects and listens; on failure, keeps trying (see above). Call once.
    void start();

signals:
    void notified(const QString &channel, const QString &payload);
    // Listening on every channel (after start(), and again after each reconnection).
    void listening();
    // The server cannot be reached (at start or later), once per outage; error names the store.
    void connectionLost(const QString &error);
    // Listening again after connectionLost(): read whatever the notifications were about.
    void connectionRestored();

private:
    void connectAndListen();
    void readSocket();
    void lose(const QString &error);
    // The spec with keepalives, so a silent network is noticed without polling.
    static QString watchedSpec(const QString &spec);

    std::unique_ptr<PostgresConnection> mConnection;
    QString mDisplayName;
    QStringList mChannels;
    QSocketNotifier *mSocket = nullptr;
    QTimer *mRetry;
    int mRetryDelay = 0;
    int mMaxRetryDelay = 15000;
    bool mListening = false;
    bool mLostReported = false;
};

} // namespace dv
