// Live charts: what ten series moving at 10 frames/s cost in CPU, the issue's "≤ 10 % of one
// core". Runs the real SensorChart offscreen and reads the process's CPU time.
#include "chartseries.h"
#include "sensorchart.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>
#include <QVector>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <sys/resource.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

double cpuSeconds()
{
#ifdef Q_OS_WIN
    FILETIME created, exited, kernel, user;
    if (!GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user))
        return 0;
    // 100-nanosecond ticks.
    const auto ticks = [](const FILETIME &t) {
        return double((quint64(t.dwHighDateTime) << 32) | t.dwLowDateTime) / 1e7;
    };
    return ticks(kernel) + ticks(user);
#else
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
#endif
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(5, atoi(argv[1])) : 20;
    // Readings per second per series: the "10 updates/s".
    const int rate = argc > 2 ? std::max(1, atoi(argv[2])) : 10;
    const int series = 10;
    const qint64 window = 15 * 60 * 1000;

    dv::SensorChart chart;
    chart.resize(1200, 500);
    QVector<dv::ChartSeries> all;
    for (int i = 0; i < series; ++i) {
        dv::ChartSeries s;
        s.label = QStringLiteral("sow %1").arg(i + 1);
        s.unit = QStringLiteral("°C");
        s.decimals = 2;
        s.spacing = 1000 / rate;
        all << s;
    }
    chart.setLiveWindow(window);
    chart.setSeries(all);
    chart.show();
    // A full window already on the chart, at the same rate.
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    for (qint64 t = start - window; t < start; t += 1000 / rate) {
        for (int i = 0; i < series; ++i)
            chart.appendLive(i, t, 38.5 + 0.3 * std::sin(double(t) / 60000 + i));
    }
    QTimer feed;
    QObject::connect(&feed, &QTimer::timeout, &chart, [&] {
        const qint64 t = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < series; ++i)
            chart.appendLive(i, t, 38.5 + 0.3 * std::sin(double(t) / 60000 + i));
    });
    feed.start(1000 / rate);
    // Settle, then measure.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 2000)
        app.processEvents(QEventLoop::AllEvents, 50);
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    app.exec();
    const double cpu = cpuSeconds() - cpu0;
    const double percent = 100.0 * cpu / (double(wall.elapsed()) / 1000.0);
    std::printf("live-chart %d series x %d readings/s, %d s window, 10 frames/s: %.1f %% of one "
                "core\n",
        series, rate, int(window / 1000), percent);
    return 0;
}
