// dvdash entry point: the dashboard window, or a headless command such as render-map.
#include "appsettings.h"
#include "commandline.h"
#include "layerstack.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "rendermapcommand.h"
#include "translationloader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("dvdash"));
    QCoreApplication::setApplicationName(QStringLiteral("dvdash"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DVDASH_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    const bool headless = dv::CommandLine::isHeadless(argc, argv);
    // Headless commands need fonts and painting but no screen: a CI box or a server has none.
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QGuiApplication> app(headless ? new QGuiApplication(argc, argv)
                                                  : new QApplication(argc, argv));
    describeApplication();

    const QString requested = dv::CommandLine::languageArgument(argc, argv);
    const QString language = dv::TranslationLoader::resolve(
        requested.isEmpty() ? dv::AppSettings::language() : requested);
    dv::TranslationLoader::install(*app, language);

    QTextStream out(stdout), err(stderr);
    const dv::CommandLine cl = dv::CommandLine::parse(QCoreApplication::arguments());
    if (!cl.error.isEmpty()) {
        err << cl.error << Qt::endl;
        return 2;
    }
    switch (cl.command) {
    case dv::CommandLine::Command::Help:
        out << cl.helpText;
        return 0;
    case dv::CommandLine::Command::Version:
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    case dv::CommandLine::Command::RenderMap:
        return dv::RenderMapCommand::run(cl.renderMap, out, err);
    case dv::CommandLine::Command::Window:
        break;
    }

    dv::MainWindow window;
    if (cl.exitAfterFirstFrame) {
        // Start-up benchmark: time from process start to the first frame with the counties.
        QObject::connect(window.canvas(), &dv::MapCanvas::frameRendered, &window, [&](double) {
            if (window.layers()->layers().empty())
                return;
            out << "first-frame-ms " << sinceStart.nsecsElapsed() / 1e6 << Qt::endl;
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
    }
    window.show();
    window.loadProvinceData();
    if (!cl.files.isEmpty())
        QObject::connect(&window, &dv::MainWindow::provinceLoaded, &window,
                         [&window, files = cl.files] { window.addLayers(files); });
    return app->exec();
}
