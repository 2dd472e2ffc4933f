// The one collector allowed to write readings into a store: a lock file beside the store.
#include "storewriterlock.h"

#include "storeregistry.h"
#include "storespec.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>

namespace dv {

StoreWriterLock::StoreWriterLock(const QString &spec)
{
    // A spec that is not a SQLite file takes no lock (a server orders its writers itself);
    // an unusable one is reported when the store is opened.
    QString ignored;
    if (StoreRegistry::schemeOf(spec) == QLatin1String("sqlite"))
        mStorePath = StoreSpec::sqlitePath(spec, &ignored);
}

StoreWriterLock::~StoreWriterLock() = default;

QString StoreWriterLock::lockPath(const QString &storePath)
{
    return storePath + QLatin1String(".writer-lock");
}

bool StoreWriterLock::acquire(QString *error)
{
    if (mStorePath.isEmpty() || mLock)
        return true;
    QDir().mkpath(QFileInfo(mStorePath).absolutePath());
    auto lock = std::make_unique<QLockFile>(lockPath(mStorePath));
    // Held for as long as the collector runs: never stale by age, only when its process is
    // gone (checked by process id on this host).
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        mLock = std::move(lock);
        return true;
    }
    if (lock->error() != QLockFile::LockFailedError)
        return true; // no lock file can be made here: the store cannot be written either
    qint64 pid = 0;
    QString host, program;
    lock->getLockInfo(&pid, &host, &program);
    *error = tr("%1: another collector is writing to this store: %2 (process %3 on %4); stop it "
                "or give this one another store")
                 .arg(QDir::toNativeSeparators(mStorePath),
                     program.isEmpty() ? tr("a program") : program)
                 .arg(pid)
                 .arg(host.isEmpty() ? tr("an unknown host") : host);
    return false;
}

} // namespace dv
