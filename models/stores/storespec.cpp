// "sqlite:PATH" or "postgresql://...": how commands and settings name a store, read in one place.
#include "storespec.h"

#include "storeregistry.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace dv {

namespace {

// SQLite's own URI parameter, so the form reads as what it does.
const QLatin1String kReadOnlySuffix("?mode=ro");
// A server address may have parameters of its own (sslmode): the marker is one more.
const QLatin1String kReadOnlyParameter("&mode=ro");

} // namespace

QString StoreSpec::readOnly(const QString &spec)
{
    if (accessOf(spec) == StoreAccess::ReadOnly)
        return spec;
    if (isServer(spec) && spec.contains(QLatin1Char('?')))
        return spec + kReadOnlyParameter;
    return spec + kReadOnlySuffix;
}

StoreAccess StoreSpec::accessOf(const QString &spec)
{
    return spec.endsWith(kReadOnlySuffix) || (isServer(spec) && spec.endsWith(kReadOnlyParameter))
        ? StoreAccess::ReadOnly
        : StoreAccess::ReadWrite;
}

bool StoreSpec::isServer(const QString &spec)
{
    return StoreRegistry::schemeOf(spec) != QLatin1String("sqlite");
}

bool StoreSpec::exists(const QString &spec, QString *error)
{
    return isServer(spec) || !existingSqlitePath(spec, error).isEmpty();
}

QString StoreSpec::displayName(const QString &spec)
{
    if (!isServer(spec)) {
        QString ignored;
        return QDir::toNativeSeparators(sqlitePath(spec, &ignored));
    }
    QUrl url(spec);
    if (!url.isValid())
        return StoreRegistry::schemeOf(spec) + QStringLiteral("://…");
    url.setPassword(QString());
    return url.toString();
}

QString StoreSpec::sqlitePath(const QString &spec, QString *error)
{
    QString path = spec;
    if (accessOf(spec) == StoreAccess::ReadOnly)
        path.chop(kReadOnlySuffix.size());
    if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7);
    else if (path.contains(QLatin1String("://"))) {
        *error = tr("%1: a server store, not a file").arg(StoreSpec::displayName(spec));
        return QString();
    }
    if (path.isEmpty())
        *error = tr("the store needs a file: sqlite:PATH");
    return path;
}

QString StoreSpec::existingSqlitePath(const QString &spec, QString *error)
{
    const QString path = sqlitePath(spec, error);
    if (!path.isEmpty() && !QFileInfo::exists(path)) {
        *error = tr("%1: no such store").arg(QDir::toNativeSeparators(path));
        return QString();
    }
    return path;
}

} // namespace dv
