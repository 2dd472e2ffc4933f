// How long the window's event loop stalls while a user browses on a store that answers in 300 ms
// (a distant server): the longest stall and the 99th percentile of a 5 ms timer's lateness.
//
//   bench_stall [seconds=60] [delay-ms=300]
// Target: the longest stall at most 50 ms. Run it three times and take the median.
#include "appsettings.h"
#include "delayedstorebackend.h"
#include "mainwindow.h"
#include "stallmeter.h"
#include "windowbrowser.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 60;
    const int delayMs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 300;
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    dv::DelayedStoreBackend::registerOnce();
    // No broker answers: nothing is seeded or written, the store's time is the window's reads.
    const QString broker = dv::AppSettings::brokerUrl();
    dv::AppSettings::setBrokerUrl(QStringLiteral("tcp://127.0.0.1:1"));

    int status = 0;
    {
        dv::MainWindow window;
        QSignalSpy loaded(&window, &dv::MainWindow::provinceLoaded);
        window.resize(1600, 1000);
        window.show();
        window.loadProvinceData();
        if (!loaded.wait(60000)) {
            std::fprintf(stderr, "the province did not load\n");
            return 1;
        }
        const QString path = dir.filePath(QStringLiteral("stall.sqlite"));
        const QString seeded = dvtest::WindowBrowser::seedHistory(
            path, *window.layers()->layer(QStringLiteral("sites")), 4);
        if (!seeded.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(seeded));
            return 1;
        }
        const QString spec = QStringLiteral("slow:%1:sqlite:%2").arg(delayMs).arg(path);
        dv::DelayedStoreBackend::resetCounts();
        dvtest::StallMeter meter;
        meter.start();
        QElapsedTimer starting;
        starting.start();
        window.startIndicators(spec);
        const qint64 indicatorsMs = starting.restart();
        window.startSensors(spec);
        const qint64 sensorsMs = starting.elapsed();
        dvtest::WindowBrowser browser(window);
        QElapsedTimer browsing;
        browsing.start();
        QStringList steps; // "at ms: action", to name what a long stall followed
        while (browsing.elapsed() < seconds * 1000LL) {
            const double at = meter.elapsed();
            browser.step();
            steps << QStringLiteral("%1 ms: %2").arg(at, 0, 'f', 0).arg(browser.lastAction());
            QTest::qWait(300);
        }
        meter.stop();
        std::printf("bench_stall: %d s, store delay %d ms, %d steps, %d store calls\n", seconds,
            delayMs, browser.steps(), dv::DelayedStoreBackend::callCount());
        std::printf("startIndicators: %lld ms, startSensors: %lld ms (part of the first stall)\n",
            indicatorsMs, sensorsMs);
        std::printf("longest stall: %.1f ms\n99th percentile: %.1f ms\n", meter.longest(),
            meter.percentile(99));
        double browsingLongest = 0; // after the start (startSensors/startIndicators) settled
        for (const dvtest::StallMeter::Stall &stall : meter.longStalls()) {
            if (stall.at > 1000)
                browsingLongest = std::max(browsingLongest, stall.ms);
        }
        std::printf("longest stall after the first second: %s\n",
            browsingLongest > 0
                ? qPrintable(QStringLiteral("%1 ms").arg(browsingLongest, 0, 'f', 1))
                : "none over 50 ms");
        for (const dvtest::StallMeter::Stall &stall : meter.longStalls()) {
            QString before = QStringLiteral("start-up");
            for (const QString &step : steps) {
                if (step.section(QLatin1Char(' '), 0, 0).toDouble() <= stall.at)
                    before = step;
            }
            std::printf("  stall of %.0f ms at %.0f ms, after %s\n", stall.ms, stall.at,
                qPrintable(before));
        }
        const QStringList onGui = dv::DelayedStoreBackend::guiThreadCalls();
        std::printf("store calls on the GUI thread: %d\n", int(onGui.size()));
        QStringList distinct = onGui;
        distinct.removeDuplicates();
        for (const QString &call : distinct)
            std::printf("  %s x%d\n", qPrintable(call), int(onGui.count(call)));
        status = meter.longest() <= 50 ? 0 : 2;
        window.close();
    }
    dv::AppSettings::setBrokerUrl(broker);
    return status;
}
