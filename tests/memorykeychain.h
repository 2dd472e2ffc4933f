// A keychain in memory for tests (Keychain::setBackend): no Secret Service runs in CI, and a
// test must never touch a developer's real keychain.
#pragma once

#include "keychainbackend.h"

#include <QMap>
#include <QMutex>
#include <QMutexLocker>

namespace dvtest {

class MemoryKeychain : public dv::KeychainBackend {
public:
    // Unavailable: every call fails the way a box without a keychain does.
    void setAvailable(bool on)
    {
        QMutexLocker lock(&mMutex);
        mAvailable = on;
    }
    QMap<QString, QString> entries() const
    {
        QMutexLocker lock(&mMutex);
        return mEntries;
    }
    int calls() const
    {
        QMutexLocker lock(&mMutex);
        return mCalls;
    }

    dv::KeychainAnswer read(const QString &key) override
    {
        QMutexLocker lock(&mMutex);
        ++mCalls;
        if (!mAvailable)
            return unavailable();
        return mEntries.contains(key) ? dv::KeychainAnswer::done(mEntries.value(key))
                                      : dv::KeychainAnswer::notFound();
    }
    dv::KeychainAnswer write(const QString &key, const QString &password) override
    {
        QMutexLocker lock(&mMutex);
        ++mCalls;
        if (!mAvailable)
            return unavailable();
        mEntries.insert(key, password);
        return dv::KeychainAnswer::done();
    }
    dv::KeychainAnswer remove(const QString &key) override
    {
        QMutexLocker lock(&mMutex);
        ++mCalls;
        if (!mAvailable)
            return unavailable();
        mEntries.remove(key);
        return dv::KeychainAnswer::done();
    }

private:
    static dv::KeychainAnswer unavailable()
    {
        return dv::KeychainAnswer::failed(QStringLiteral("no keychain is available (test)"));
    }

    mutable QMutex mMutex;
    bool mAvailable = true;
    int mCalls = 0;
    QMap<QString, QString> mEntries;
};

} // namespace dvtest
