// "sqlite:PATH": how commands and settings name a store, read in one place for every store.
#include "storespec.h"

#include <QDir>
#include <QFileInfo>

namespace dv {

namespace {

// SQLite's own URI parameter, so the form reads as what it does.
const QLatin1String kReadOnlySuffix("?mode=ro");

} // namespace

QString StoreSpec::readOnly(const QString &spec)
{
    return accessOf(spec) == StoreAccess::ReadOnly ? spec : spec + kReadOnlySuffix;
}

StoreAccess StoreSpec::accessOf(const QString &spec)
{
    return spec.endsWith(kReadOnlySuffix) ? StoreAccess::ReadOnly : StoreAccess::ReadWrite;
}

QString StoreSpec::sqlitePath(const QString &spec, QString *error)
{
    QString path = spec;
    if (accessOf(spec) == StoreAccess::ReadOnly)
        path.chop(kReadOnlySuffix.size());
    if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7);
    else if (path.contains(QLatin1String("://"))) {
        *error = tr("%1: unsupported store; use sqlite:PATH").arg(path);
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
