// Where a server store's password comes from: the operating system's keychain, never a file.
#pragma once

#include <QString>

#include <functional>

namespace dv {

// models/ cannot reach the keychain (it lives beside the window and the commands, in app/), so
// the application registers a lookup at start-up and a store connection asks it by key. Without
// one (tests, a tool linking only the models), libpq's own PGPASSWORD and .pgpass still apply.
class StoreCredentials {
public:
    using Lookup = std::function<QString(const QString &key)>;

    // Thread-safe only before other threads open stores (register at start-up).
    static void setLookup(Lookup lookup);
    // The saved password for key, empty when none is saved or no lookup is registered.
    static QString password(const QString &key);
    // "postgresql://user@host:port/database": one key per sign-in, so two roles on one server
    // keep two passwords.
    static QString keyFor(
        const QString &user, const QString &host, int port, const QString &database);
};

} // namespace dv
