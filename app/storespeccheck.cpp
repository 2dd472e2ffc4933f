// Settings › Data store: whether a typed store spec can be used, and its keychain entry.
#include "storespeccheck.h"

#include "storecredentials.h"
#include "storeregistry.h"
#include "storespec.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace dv {

namespace {

// libpq's default port.
constexpr int kDefaultPort = 5432;

QString databaseOf(const QUrl &url)
{
    QString path = url.path();
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return path;
}

// What is missing from a server address, "" when nothing.
QString serverAddressProblem(const QString &spec)
{
    const QUrl url(spec, QUrl::StrictMode);
    if (!url.isValid())
        return StoreSpecCheck::tr(
            "Not a server address; write it as postgresql://user@host:5432/database.");
    if (!url.password().isEmpty() || QUrlQuery(url).hasQueryItem(QStringLiteral("password")))
        return StoreSpecCheck::tr("Leave the password out of the address: it belongs in the "
                                  "Password field below, which keeps it in the keychain.");
    if (url.host().isEmpty())
        return StoreSpecCheck::tr("Name the server: postgresql://user@host:5432/database.");
    if (url.userName().isEmpty())
        return StoreSpecCheck::tr("Name the user to sign in as: postgresql://user@%1/database.")
            .arg(url.host());
    if (databaseOf(url).isEmpty())
        return StoreSpecCheck::tr(
            "Name the database after the server: postgresql://%1@%2:%3/database.")
            .arg(url.userName(), url.host())
            .arg(url.port(kDefaultPort));
    return QString();
}

} // namespace

bool StoreSpecCheck::isServer(const QString &spec)
{
    const QString scheme = StoreRegistry::schemeOf(spec.trimmed());
    return scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres");
}

QString StoreSpecCheck::problem(const QString &spec)
{
    const QString trimmed = spec.trimmed();
    if (trimmed.isEmpty())
        return QString();
    if (isServer(trimmed)) {
        const QString problem = serverAddressProblem(trimmed);
        if (!problem.isEmpty())
            return problem;
    } else if (!trimmed.contains(QLatin1String("://"))) {
        QString error;
        const QString path = StoreSpec::sqlitePath(trimmed, &error);
        if (!error.isEmpty())
            return error;
        // The window and scheduled commands start in different folders.
        if (QDir::isRelativePath(path))
            return tr("Give the store file's full path, e.g. %1.")
                .arg(QDir::toNativeSeparators(
                    QDir::home().filePath(QStringLiteral("dvdash/store.sqlite"))));
    }
    // A kind of store this build has no backend for: the registry's own message names them.
    QString error;
    if (!StoreRegistry::instance().backendFor(trimmed, &error))
        return error;
    return QString();
}

QString StoreSpecCheck::credentialKey(const QString &spec)
{
    const QString trimmed = spec.trimmed();
    if (!isServer(trimmed) || !serverAddressProblem(trimmed).isEmpty())
        return QString();
    const QUrl url(trimmed, QUrl::StrictMode);
    return StoreCredentials::keyFor(
        url.userName(), url.host(), url.port(kDefaultPort), databaseOf(url));
}

} // namespace dv
