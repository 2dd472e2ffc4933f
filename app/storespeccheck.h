// Settings › Data store: whether a typed store spec can be used, and its keychain entry.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace dv {

// Checked as the user types, before anything is opened: the address's form here, the scheme
// through StoreRegistry (so a backend this build lacks is named by the registry's own message).
class StoreSpecCheck {
    Q_DECLARE_TR_FUNCTIONS(dv::StoreSpecCheck)
public:
    // "" when spec looks usable (empty too: the user's own store), else what to change.
    static QString problem(const QString &spec);
    // A server that signs in with a password: "postgresql://..." (or libpq's "postgres://").
    static bool isServer(const QString &spec);
    // StoreCredentials::keyFor(user, host, port, database) of a server spec, the port 5432
    // unless given; empty for a file or an incomplete address.
    static QString credentialKey(const QString &spec);
};

} // namespace dv
