// "sqlite:PATH": how commands and settings name a store, read in one place for every store.
#include "storespec.h"

#include <QDir>
#include <QFileInfo>

namespace dv {

QString StoreSpec::sqlitePath(const QString &spec, QString *error)
{
    QString path = spec;
    if (spec.startsWith(QLatin1String("sqlite:")))
        path = spec.mid(7);
    else if (spec.contains(QLatin1String("://"))) {
        *error = tr("%1: unsupported store; use sqlite:PATH").arg(spec);
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
