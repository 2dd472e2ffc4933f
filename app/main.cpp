// dvdash entry point: the dashboard window, or a headless command such as render-map.
#include "appsettings.h"
#include "command.h"
#include "commandregistry.h"
#include "datapaths.h"
#include "keychain.h"
#include "layerimporter.h"
#include "layerstack.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "storecredentials.h"
#include "translationloader.h"
#include "wallsettings.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace {

// Peak resident memory in MB from the kernel (Linux); -1 elsewhere.
double peakResidentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("dvdash"));
    QCoreApplication::setApplicationName(QStringLiteral("dvdash"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DVDASH_VERSION));
}

// Without XDG_RUNTIME_DIR (root, CI, a service, ssh without a session) Qt picks a folder under
// the temporary folder and says so on stderr, where a script expects only the command's own
// errors. Give it the same kind of folder first: private to this user (0700, owned by us, which
// is what Qt checks), made before the application starts. A folder of that name that is not
// ours and private is left alone, and Qt's own complaint about it then is worth reading.
// (Filtering the message out instead would hang on Qt's wording and hide that complaint too.)
void ensureRuntimeDirectory()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QByteArray path = QFile::encodeName(
        QDir::temp().filePath(QStringLiteral("dvdash-runtime-%1").arg(::geteuid())));
    ::mkdir(path.constData(), 0700); // fails harmlessly when it exists: checked below
    struct stat info;
    if (::lstat(path.constData(), &info) == 0 && S_ISDIR(info.st_mode) && info.st_uid == ::geteuid()
        && (info.st_mode & 0777) == 0700)
        qputenv("XDG_RUNTIME_DIR", path);
#endif
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    const dv::CommandRegistry registry;
    // Which application to make depends on what the command line asks for, so it is read
    // before there is one. The window (also for a mistyped window option: Qt may yet take it
    // as one of its own, such as -platform) and commands that show widgets need QApplication.
    const dv::CommandRegistry::Selection early = registry.select(argumentsOf(argc, argv));
    const bool widgets = !early.command || early.command->needsWidgets();
    if (!widgets) {
        // Fonts and painting but no screen: a CI box or a server has none.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        ensureRuntimeDirectory();
    }
    std::unique_ptr<QGuiApplication> app(
        widgets ? new QApplication(argc, argv) : new QGuiApplication(argc, argv));
    describeApplication();
    // Server stores sign in with the password saved in the system's keychain.
    dv::StoreCredentials::setLookup(&dv::Keychain::lookupStorePassword);

    const QString requested = dv::CommandLine::languageArgument(argc, argv);
    const QString language = dv::TranslationLoader::resolve(
        requested.isEmpty() ? dv::AppSettings::language() : requested);
    dv::TranslationLoader::install(*app, language);

    QTextStream out(stdout), err(stderr);
    // proj.db and GDAL's data beside the program, before anything projects or opens a layer.
    const QString dataProblem = dv::DataPaths::configureGeoLibraries();
    if (!dataProblem.isEmpty())
        err << dataProblem << Qt::endl;
    // Again with the application's reading of the arguments (Unicode on Windows), now that
    // messages are translated. Commands are plain ASCII words, so both readings pick the same.
    const dv::CommandRegistry::Selection selection = registry.select(app->arguments());
    if (selection.command)
        return selection.command->run(selection.arguments, out, err);
    const dv::CommandLine &cl = selection.window;
    if (!cl.error.isEmpty()) {
        err << cl.error << Qt::endl;
        return 2;
    }

    // The wall's settings: saved ones or a file's, with the options given on top; checked before
    // any window shows, so a typing mistake in a station's start-up script says what is wrong.
    std::optional<dv::WallSettings> wall;
    if (cl.wall || !cl.wallConfig.isEmpty() || !cl.writeWallConfig.isEmpty()) {
        QString problem;
        wall = cl.wallConfig.isEmpty() ? std::optional(dv::WallSettings::load())
                                       : dv::WallSettings::readFile(cl.wallConfig, &problem);
        if (wall) {
            if (cl.screen >= 0)
                wall->screen = cl.screen;
            if (!cl.focus.isEmpty())
                wall->focus = cl.focus;
            if (cl.rotateSeconds > 0)
                wall->rotateSeconds = cl.rotateSeconds;
            const QString invalid = wall->validate();
            if (!invalid.isEmpty())
                problem = QCoreApplication::translate("dv::CommandLine", "wall settings: %1").arg(invalid);
        }
        if (!problem.isEmpty()) {
            err << problem << Qt::endl;
            return 2;
        }
        if (!cl.writeWallConfig.isEmpty()) {
            if (!wall->writeFile(cl.writeWallConfig, &problem)) {
                err << problem << Qt::endl;
                return 1;
            }
            return 0;
        }
        wall->save();
    }

    if (!dataProblem.isEmpty()) // no console for the window on Windows: say it in a box too
        QMessageBox::warning(nullptr, QCoreApplication::applicationName(), dataProblem);
    dv::MainWindow window;
    if (cl.exitAfterFirstFrame) {
        // Benchmarks: time from process start to the first frame showing the province and
        // every file named on the command line, and the peak memory by then.
        window.importer()->setInteractive(false); // no notice dialogs to wait on
        const int expectedUserLayers = static_cast<int>(cl.files.size());
        QObject::connect(window.canvas(), &dv::MapCanvas::frameRendered, &window,
            [&, expectedUserLayers](double) {
                if (window.layers()->layers().empty() || window.importer()->isBusy()
                    || window.layers()->userLayerCount() < expectedUserLayers
                    || window.canvas()->isRendering())
                    return;
                out << "first-frame-ms " << sinceStart.nsecsElapsed() / 1e6 << Qt::endl;
                out << "peak-rss-mb " << peakResidentMegabytes() << Qt::endl;
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            });
    }
    window.show();
    window.loadProvinceData();
    window.startIndicators(cl.store);
    if (wall && cl.wall)
        window.openWall(*wall);
    if (cl.sensors)
        window.startSensors(cl.store);
    if (!cl.files.isEmpty())
        QObject::connect(&window, &dv::MainWindow::provinceLoaded, &window,
            [&window, files = cl.files] { window.addLayers(files); });
    return app->exec();
}
