// dvdash entry point: the dashboard window, or a headless command such as render-map.
#include "alertscommand.h"
#include "appsettings.h"
#include "commandline.h"
#include "historycommand.h"
#include "indicatorscommand.h"
#include "layerimporter.h"
#include "layerstack.h"
#include "listencommand.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "rendermapcommand.h"
#include "simulatecommand.h"
#include "translationloader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextStream>
#include <QTimer>

#include <QFile>

#include <cstdio>
#include <memory>

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

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    const bool headless = dv::CommandLine::isHeadless(argc, argv);
    // Headless commands need fonts and painting but no screen: a CI box or a server has none.
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QGuiApplication> app(
        headless ? new QGuiApplication(argc, argv) : new QApplication(argc, argv));
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
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << Qt::endl;
        return 0;
    case dv::CommandLine::Command::RenderMap:
        return dv::RenderMapCommand::run(cl.renderMap, out, err);
    case dv::CommandLine::Command::History:
        return dv::HistoryCommand::run(cl.history, out, err);
    case dv::CommandLine::Command::Listen:
        return dv::ListenCommand::run(cl.listen, out, err);
    case dv::CommandLine::Command::Simulate:
        return dv::SimulateCommand::run(cl.simulate, out, err);
    case dv::CommandLine::Command::Indicators:
        return dv::IndicatorsCommand::run(cl.indicators, out, err);
    case dv::CommandLine::Command::Alerts:
        return dv::AlertsCommand::run(cl.alerts, out, err);
    case dv::CommandLine::Command::Window:
        break;
    }

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
    if (cl.sensors)
        window.startSensors(cl.store);
    if (!cl.files.isEmpty())
        QObject::connect(&window, &dv::MainWindow::provinceLoaded, &window,
            [&window, files = cl.files] { window.addLayers(files); });
    return app->exec();
}
