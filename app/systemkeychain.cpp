// The operating system's keychain through qtkeychain: Windows Credential Manager, the macOS
// Keychain, the Secret Service (GNOME Keyring, KWallet) on Linux.
#include "systemkeychain.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <memory>

namespace dv {

namespace {

// The one thread every qtkeychain job runs on (see the header for why). Made at first use and
// never destroyed while running: a QThread destroyed while it runs aborts the process, and a
// keychain that never answered may keep it busy at exit.
class JobThread {
public:
    static QObject *context()
    {
        static JobThread *thread = new JobThread;
        return thread->mContext;
    }

private:
    JobThread()
        : mThread(new QThread)
        , mContext(new QObject)
    {
        mThread->setObjectName(QStringLiteral("dvdash keychain"));
        mContext->moveToThread(mThread);
        mThread->start();
    }

    QThread *mThread;
    QObject *mContext;
};

// One call's answer, shared by the caller and the job: the caller may have given up (timeout)
// and gone before the job finishes.
struct PendingCall {
    QMutex mutex;
    QEventLoop *waiter = nullptr; // the caller's loop while it still waits
    bool finished = false;
    KeychainAnswer answer;
};

QString describe(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::AccessDeniedByUser:
        return SystemKeychain::tr("access to the keychain was refused: %1").arg(job.errorString());
    case QKeychain::AccessDenied:
        return SystemKeychain::tr("the keychain denied access: %1").arg(job.errorString());
    default:
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
        // Without a session bus or a Secret Service qtkeychain says only "Unknown error".
        return SystemKeychain::tr("no keychain answered (%1); on Linux a Secret Service such "
                                  "as GNOME Keyring or KWallet must run in the session")
            .arg(job.errorString());
#else
        return SystemKeychain::tr("the keychain failed: %1").arg(job.errorString());
#endif
    }
}

KeychainAnswer answerOf(const QKeychain::Job &job, SystemKeychain::Operation operation)
{
    using Operation = SystemKeychain::Operation;
    if (job.error() == QKeychain::NoError) {
        return KeychainAnswer::done(operation == Operation::Read
                ? static_cast<const QKeychain::ReadPasswordJob &>(job).textData()
                : QString());
    }
    if (job.error() == QKeychain::EntryNotFound)
        return operation == Operation::Remove ? KeychainAnswer::done() : KeychainAnswer::notFound();
    return KeychainAnswer::failed(describe(job));
}

// Runs on the job thread.
void startJob(const std::shared_ptr<PendingCall> &pending, SystemKeychain::Operation operation,
    const QString &service, const QString &key, const QString &password)
{
    using Operation = SystemKeychain::Operation;
    QKeychain::Job *job = nullptr;
    if (operation == Operation::Read) {
        job = new QKeychain::ReadPasswordJob(service);
    } else if (operation == Operation::Write) {
        auto *write = new QKeychain::WritePasswordJob(service);
        write->setTextData(password);
        job = write;
    } else {
        job = new QKeychain::DeletePasswordJob(service);
    }
    job->setKey(key);
    job->setAutoDelete(true); // also when the caller has given up on it
    // Never qtkeychain's plain-text fallback: a password that cannot go to the keychain is
    // reported, not written to a file.
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, job, [pending, operation](QKeychain::Job *j) {
        const KeychainAnswer answer = answerOf(*j, operation);
        QMutexLocker lock(&pending->mutex);
        pending->answer = answer;
        pending->finished = true;
        if (pending->waiter)
            QMetaObject::invokeMethod(pending->waiter, &QEventLoop::quit, Qt::QueuedConnection);
    });
    job->start();
}

} // namespace

SystemKeychain::SystemKeychain(const QString &service, int timeoutMs)
    : mService(service)
    , mTimeoutMs(timeoutMs)
{
}

KeychainAnswer SystemKeychain::read(const QString &key)
{
    return run(Operation::Read, key, QString());
}

KeychainAnswer SystemKeychain::write(const QString &key, const QString &password)
{
    return run(Operation::Write, key, password);
}

KeychainAnswer SystemKeychain::remove(const QString &key)
{
    return run(Operation::Remove, key, QString());
}

KeychainAnswer SystemKeychain::run(
    Operation operation, const QString &key, const QString &password) const
{
    auto pending = std::make_shared<PendingCall>();
    QEventLoop loop;
    {
        QMutexLocker lock(&pending->mutex);
        pending->waiter = &loop;
    }
    QMetaObject::invokeMethod(
        JobThread::context(),
        [pending, operation, service = mService, key, password] {
            startJob(pending, operation, service, key, password);
        },
        Qt::QueuedConnection);
    QTimer::singleShot(mTimeoutMs, &loop, &QEventLoop::quit);
    // A quit posted before exec() starts waits in the queue, so an early answer is not lost.
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    QMutexLocker lock(&pending->mutex);
    pending->waiter = nullptr; // a late answer must not reach this loop once it is gone
    if (!pending->finished) {
        return KeychainAnswer::failed(
            tr("the keychain did not answer within %1 seconds").arg(mTimeoutMs / 1000));
    }
    return pending->answer;
}

} // namespace dv
