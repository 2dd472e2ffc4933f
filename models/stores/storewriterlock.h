// The one collector allowed to write readings into a store: a lock file beside the store.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

namespace dv {

// Readings are packed into chunks, so the store cannot refuse a reading it already holds
// across processes; instead only one collector (`dvdash listen` or a window) writes to a store
// at a time. The lock file names the process that holds it (program, process id, host), and a
// lock left behind by a killed process is taken over (the process is gone). Other programs
// read the store as usual. Specs that are not SQLite files take no lock.
class StoreWriterLock {
    Q_DECLARE_TR_FUNCTIONS(dv::StoreWriterLock)
public:
    explicit StoreWriterLock(const QString &spec);
    ~StoreWriterLock();
    StoreWriterLock(const StoreWriterLock &) = delete;
    StoreWriterLock &operator=(const StoreWriterLock &) = delete;

    // Takes the lock. false and *error naming the store and the process holding it when
    // another collector writes it. A folder where no lock file can be made is no refusal:
    // nothing can write the store there, and opening it says why.
    bool acquire(QString *error);
    // Where the lock file is: the store's path + ".writer-lock".
    static QString lockPath(const QString &storePath);

private:
    QString mStorePath;
    std::unique_ptr<QLockFile> mLock;
};

} // namespace dv
