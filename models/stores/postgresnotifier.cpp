// Notifications from the shared store (LISTEN/NOTIFY): what other dashboards changed.
#include "postgresnotifier.h"

#include "postgresconnection.h"

#include <QSocketNotifier>
#include <QTimer>

namespace dv {

namespace {

constexpr int kFirstRetryMs = 1000;

} // namespace

PostgresNotifier::PostgresNotifier(
    const QString &spec, const QStringList &channels, QObject *parent)
    : QObject(parent)
    , mConnection(std::make_unique<PostgresConnection>(watchedSpec(spec)))
    , mDisplayName(PostgresConnection(spec).displayName())
    , mChannels(channels)
    , mRetry(new QTimer(this))
{
    mRetry->setSingleShot(true);
    connect(mRetry, &QTimer::timeout, this, &PostgresNotifier::connectAndListen);
}

PostgresNotifier::~PostgresNotifier()
{
    delete mSocket; // before the connection closes its socket
}

QString PostgresNotifier::watchedSpec(const QString &spec)
{
    // A listening connection is idle: without keepalives a server whose network vanished
    // would look alive until the next statement, which a listener never sends. libpq ignores
    // what a system lacks (tcp_user_timeout outside Linux).
    QString uri = PostgresConnection::libpqUri(spec, nullptr);
    const QStringList extra = { QStringLiteral("keepalives=1"),
        QStringLiteral("keepalives_idle=10"), QStringLiteral("keepalives_interval=5"),
        QStringLiteral("keepalives_count=3"), QStringLiteral("tcp_user_timeout=25000") };
    for (const QString &option : extra) {
        const QString key = option.section(QLatin1Char('='), 0, 0);
        if (uri.contains(QLatin1Char('?') + key + QLatin1Char('='))
            || uri.contains(QLatin1Char('&') + key + QLatin1Char('=')))
            continue; // the spec's own setting wins
        uri += (uri.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + option;
    }
    return uri;
}

void PostgresNotifier::setMaxRetryDelay(int ms)
{
    mMaxRetryDelay = qMax(ms, 1);
}

void PostgresNotifier::start()
{
    connectAndListen();
}

void PostgresNotifier::connectAndListen()
{
    delete mSocket;
    mSocket = nullptr;
    QString error;
    // A reconnection is a new session: every channel is listened to again.
    bool ok = mConnection->open(&error);
    for (int i = 0; ok && i < mChannels.size(); ++i)
        ok = mConnection->listen(mChannels.at(i), &error);
    if (!ok) {
        lose(error);
        return;
    }
    mSocket = new QSocketNotifier(mConnection->socket(), QSocketNotifier::Read, this);
    connect(mSocket, &QSocketNotifier::activated, this, &PostgresNotifier::readSocket);
    mListening = true;
    mRetryDelay = 0;
    emit listening();
    if (mLostReported) {
        mLostReported = false;
        emit connectionRestored();
    }
    // Something may have arrived with the LISTEN's answer already.
    readSocket();
}

void PostgresNotifier::readSocket()
{
    if (!mConnection->consumeInput()) {
        lose(mConnection->failure(
            tr("the connection to the store was lost"), tr("the server closed it")));
        return;
    }
    for (const PostgresNotification &n : mConnection->takeNotifications())
        emit notified(n.channel, n.payload);
}

void PostgresNotifier::lose(const QString &error)
{
    // The socket of a dead connection stays readable: stop watching it before it spins.
    delete mSocket;
    mSocket = nullptr;
    mListening = false;
    if (!mLostReported) {
        mLostReported = true;
        // Named as the user wrote it, without the keepalives added here.
        QString message = error;
        message.replace(mConnection->displayName(), mDisplayName);
        emit connectionLost(message);
    }
    mRetryDelay = mRetryDelay == 0 ? kFirstRetryMs : qMin(mRetryDelay * 2, mMaxRetryDelay);
    mRetry->start(qMin(mRetryDelay, mMaxRetryDelay));
}

} // namespace dv
