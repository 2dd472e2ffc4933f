// Where the program's own data is: beside the executable, never at build paths or in variables.
#include "datapaths.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cpl_conv.h>
#include <ogr_srs_api.h>
#include <proj.h>

#if defined(Q_OS_WIN)
#include <windows.h>
#elif defined(Q_OS_LINUX)
#include <sys/vfs.h>
#endif

Q_LOGGING_CATEGORY(lcDataPaths, "dv.data", QtInfoMsg)

namespace dv {

QStringList DataPaths::dataDirectories()
{
    QStringList dirs;
    const QString env = qEnvironmentVariable("DVDASH_DATA_DIR");
    if (!env.isEmpty())
        dirs << QDir::cleanPath(env);
    const QDir app(QCoreApplication::applicationDirPath());
    // bin/../share/dvdash everywhere; data/ beside the executable for a flat Windows copy.
    dirs << QDir::cleanPath(app.filePath(QStringLiteral("../share/dvdash")))
         << QDir::cleanPath(app.filePath(QStringLiteral("data")));
    return dirs;
}

QString DataPaths::find(const QString &relativePath)
{
    for (const QString &dir : dataDirectories()) {
        if (QFileInfo::exists(QDir(dir).filePath(relativePath)))
            return dir;
    }
    return {};
}

QString DataPaths::missingMessage(const QString &relativePath)
{
    QStringList looked;
    for (const QString &dir : dataDirectories())
        looked << QDir::toNativeSeparators(QDir(dir).filePath(relativePath));
    return tr("%1 is missing: looked for %2. Reinstall dvdash to restore it.")
        .arg(QFileInfo(relativePath).fileName(), looked.join(tr(", ")));
}

QString DataPaths::configureGeoLibraries()
{
    QStringList problems;
    const QString projFile = QStringLiteral("proj/proj.db");
    const QString dataDir = find(projFile);
    if (!dataDir.isEmpty()) {
        const QByteArray projDir = QFile::encodeName(
            QDir::toNativeSeparators(QDir(dataDir).filePath(QStringLiteral("proj"))));
        const char *paths[] = { projDir.constData(), nullptr };
        // The default context is copied into every context made later (CoordinateTransform's);
        // GDAL keeps contexts of its own, told through OSR. Both ignore PROJ_DATA from now on.
        proj_context_set_search_paths(nullptr, 1, paths);
        OSRSetPROJSearchPaths(paths);
    } else if (const char *system = proj_context_get_database_path(nullptr)) {
        qCInfo(lcDataPaths) << "no proj.db beside the program; using" << system;
    } else {
        problems << missingMessage(projFile);
    }

    const QString gdalFile = QStringLiteral("gdal/gdalvrt.xsd");
    const QString gdalDir = find(gdalFile);
    if (!gdalDir.isEmpty()) {
        const QByteArray path = QFile::encodeName(
            QDir::toNativeSeparators(QDir(gdalDir).filePath(QStringLiteral("gdal"))));
        CPLSetConfigOption("GDAL_DATA", path.constData());
    } else if (!CPLFindFile("gdal", "gdalvrt.xsd")) {
        // Only a few drivers (DXF, GML, S-57) need it: worth saying, not worth stopping.
        qCWarning(lcDataPaths).noquote() << missingMessage(gdalFile);
    }
    return problems.join(QLatin1Char('\n'));
}

QString DataPaths::projDatabase()
{
    const char *path = proj_context_get_database_path(nullptr);
    return path ? QDir::toNativeSeparators(QString::fromUtf8(path)) : QString();
}

QString DataPaths::networkPathProblem(const QString &path)
{
    // The store file may not exist yet: judge the nearest folder that does.
    QFileInfo info(QFileInfo(path).absoluteFilePath());
    while (!info.exists() && !info.isRoot() && info.absolutePath() != info.absoluteFilePath())
        info = QFileInfo(info.absolutePath());
    bool remote = false;
#if defined(Q_OS_WIN)
    const QString native = QDir::toNativeSeparators(info.absoluteFilePath());
    if (native.startsWith(QLatin1String("\\\\?\\UNC\\"))) {
        remote = true;
    } else if (native.startsWith(QLatin1String("\\\\"))
        && !native.startsWith(QLatin1String("\\\\?\\"))
        && !native.startsWith(QLatin1String("\\\\.\\"))) {
        remote = true; // \\server\share
    } else {
        const int colon = native.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            const QString root = native.left(colon + 1) + QLatin1Char('\\');
            remote = GetDriveTypeW(reinterpret_cast<const wchar_t *>(root.utf16())) == DRIVE_REMOTE;
        }
    }
#elif defined(Q_OS_LINUX)
    struct statfs fs { };
    if (::statfs(QFile::encodeName(info.absoluteFilePath()).constData(), &fs) == 0) {
        switch (static_cast<unsigned long>(fs.f_type)) {
        case 0x6969UL: // NFS
        case 0x517BUL: // SMB
        case 0xFF534D42UL: // CIFS
        case 0xFE534D42UL: // SMB2
            remote = true;
            break;
        default:
            break;
        }
    }
#endif
    if (!remote)
        return {};
    return tr("%1 is on a network drive: the store needs a folder on this computer's own disk "
              "(its write-ahead log does not work over the network). Choose a local folder.")
        .arg(QDir::toNativeSeparators(path));
}

} // namespace dv
