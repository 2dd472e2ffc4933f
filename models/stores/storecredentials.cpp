// Where a server store's password comes from: the operating system's keychain, never a file.
#include "storecredentials.h"

namespace dv {

namespace {

StoreCredentials::Lookup &registeredLookup()
{
    static StoreCredentials::Lookup lookup;
    return lookup;
}

} // namespace

void StoreCredentials::setLookup(Lookup lookup)
{
    registeredLookup() = std::move(lookup);
}

QString StoreCredentials::password(const QString &key)
{
    const Lookup &lookup = registeredLookup();
    return lookup ? lookup(key) : QString();
}

QString StoreCredentials::keyFor(
    const QString &user, const QString &host, int port, const QString &database)
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

} // namespace dv
