// Passwords in the operating system's keychain under the service "dvdash", never in a file.
#pragma once

#include "keychainbackend.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace dv {

// Synchronous calls over the system's keychain (SystemKeychain: each call waits in a local
// event loop, at most 30 s); callable from the GUI thread and from worker threads alike. Where
// no keychain runs (a headless Linux box without a Secret Service) every call fails with a
// message saying so; none crashes or hangs.
class Keychain {
    Q_DECLARE_TR_FUNCTIONS(dv::Keychain)
public:
    static QString service();

    static KeychainAnswer read(const QString &key);
    // false and *error (when given) when the keychain could not keep it.
    static bool write(const QString &key, const QString &password, QString *error = nullptr);
    // Removing a password that is not saved succeeds.
    static bool remove(const QString &key, QString *error = nullptr);

    // For StoreCredentials::setLookup: the saved password or empty. When the keychain cannot
    // answer, one warning per process says so (libpq's PGPASSWORD and .pgpass still apply).
    static QString lookupStorePassword(const QString &key);

    // Tests put an in-memory keychain here; nullptr brings back the system's. Set it before
    // other threads use the keychain.
    static void setBackend(std::shared_ptr<KeychainBackend> backend);
};

} // namespace dv
