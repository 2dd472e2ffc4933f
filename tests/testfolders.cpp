// Linked into every test and benchmark: before main() runs, the process gets settings, data,
// cache and state folders of its own in a new temporary folder (removed at exit), so no test
// reads another's leftovers or a developer's settings, and none can reach a user's real store —
// nor can the dvdash commands a test starts, which inherit the environment.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

// Folders of tests that were killed (a timeout, a crash) and so never removed their own: the
// process id in the name says whose they were. Only where /proc tells which processes live.
void removeFoldersOfDeadTests(const QDir &temp)
{
    if (!QFileInfo::exists(QStringLiteral("/proc/self")))
        return;
    const QStringList folders
        = temp.entryList({ QStringLiteral("dvdash-test-*-*") }, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : folders) {
        bool ok = false;
        const qint64 pid = name.section(QLatin1Char('-'), 2, 2).toLongLong(&ok);
        if (ok && pid > 0 && !QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
            QDir(temp.filePath(name)).removeRecursively();
    }
}

// "dvdash-test-<pid>-XXXXXX" in the temporary folder, after clearing dead tests' folders.
QString folderTemplate()
{
    const QDir temp(QDir::tempPath());
    removeFoldersOfDeadTests(temp);
    return temp.filePath(
        QStringLiteral("dvdash-test-%1-XXXXXX").arg(QCoreApplication::applicationPid()));
}

class OwnFolders {
public:
    OwnFolders()
        : mRoot(folderTemplate())
    {
        if (!mRoot.isValid())
            qFatal("cannot create a private folder for this test: %s",
                qPrintable(mRoot.errorString()));
        const QDir root(mRoot.path());
        for (const char *name : { "config", "data", "cache", "state", "runtime" }) {
            if (!root.mkpath(QLatin1String(name)))
                qFatal("cannot create %s", qPrintable(root.filePath(QLatin1String(name))));
        }
        // A runtime folder must be private to its user or Qt ignores it with a warning.
        QFile::setPermissions(root.filePath(QStringLiteral("runtime")),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(root.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(root.filePath(QStringLiteral("data"))));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(root.filePath(QStringLiteral("cache"))));
        qputenv("XDG_STATE_HOME", QFile::encodeName(root.filePath(QStringLiteral("state"))));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(root.filePath(QStringLiteral("runtime"))));
        // Tests may ask where their folders are (tst_testfolders checks them).
        qputenv("DVDASH_TEST_HOME", QFile::encodeName(mRoot.path()));
        // QSettings in INI files under it too, also where the native format is the registry.
        const QString config = root.filePath(QStringLiteral("config"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config);
#ifdef Q_OS_WIN
        // Windows ignores XDG_*: Qt's test mode keeps QStandardPaths off the user's folders.
        QStandardPaths::setTestModeEnabled(true);
#endif
    }

private:
    QTemporaryDir mRoot;
};

const OwnFolders ownFolders;

} // namespace
