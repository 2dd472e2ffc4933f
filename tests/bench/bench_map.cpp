// Map benchmarks for the figures in the README: render, pan frame, re-render after zoom,
// start-up to first frame and peak memory, at the first frame and over a minute of live use.
// Run by hand or by run-benchmarks.sh; never in ctest. Settings and store are the benchmark's
// own (testfolders.cpp, linked in): a developer's real ones are never read or written.
#include "alertmarkers.h"
#include "alertrecord.h"
#include "bundleddata.h"
#include "layerloader.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "maprenderer.h"
#include "mapsettings.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMouseEvent>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

QTextStream out(stdout);

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Runs fn `runs` times after one warm-up; prints and returns the median in milliseconds.
double measure(const char *name, int runs, const std::function<void()> &fn)
{
    fn();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    const double m = median(ms);
    out << QStringLiteral("%1  median %2 ms  (min %3, max %4, %5 runs)")
               .arg(QLatin1String(name), -44)
               .arg(m, 0, 'f', 2)
               .arg(*std::min_element(ms.begin(), ms.end()), 0, 'f', 2)
               .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 2)
               .arg(runs)
        << Qt::endl;
    return m;
}

// 100,000 random points over the province's bounding box, as a user's CSV would bring them.
QString writePoints(const QString &dir, int count)
{
    const QString path = dir + QStringLiteral("/points-100k.csv");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    QTextStream s(&f);
    s << "id,name,lon,lat,value\n";
    QRandomGenerator rng(20261122);
    for (int i = 0; i < count; ++i) {
        s << i << ",point " << i << ','
          << QString::number(103.6 + rng.generateDouble() * 6.0, 'f', 6) << ','
          << QString::number(24.6 + rng.generateDouble() * 4.6, 'f', 6) << ',' << rng.bounded(1000)
          << '\n';
    }
    return path;
}

std::vector<double> runDashboard(const QString &exe, const QStringList &args, int runs,
    std::vector<double> *rss, std::vector<double> *wall)
{
    std::vector<double> firstFrame;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(exe, QStringList { QStringLiteral("--exit-after-first-frame") } + args);
        p.waitForFinished(60000);
        if (wall)
            wall->push_back(t.nsecsElapsed() / 1e6);
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            if (line.startsWith("first-frame-ms "))
                firstFrame.push_back(line.mid(15).toDouble());
            if (rss && line.startsWith("peak-rss-mb "))
                rss->push_back(line.mid(12).toDouble());
        }
    }
    return firstFrame;
}

// A resident-memory figure of a running process in MB ("VmHWM": its peak so far, "VmRSS": now);
// -1 where /proc is not there (not Linux).
double processMemoryMb(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// The window as a user runs it, on its own new store: the simulator seeds history, then feeds
// live readings, the alert engine raises and clears alerts, charts and markers follow. Reports
// the process's peak memory every ten seconds and for the whole session.
void liveSession(const QString &exe, int seconds)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(exe, { QStringLiteral("--lang"), QStringLiteral("en") });
    if (!p.waitForStarted(10000)) {
        out << "live session: dvdash did not start" << Qt::endl;
        return;
    }
    const qint64 pid = p.processId();
    QElapsedTimer t;
    t.start();
    double peak = -1, now = -1;
    while (t.elapsed() < seconds * 1000LL && p.state() == QProcess::Running) {
        p.waitForFinished(10000); // returns after 10 s while it runs: the sampling interval
        p.readAllStandardOutput();
        const double hwm = processMemoryMb(pid, "VmHWM");
        if (hwm < 0)
            break;
        peak = hwm;
        now = processMemoryMb(pid, "VmRSS");
        out << QStringLiteral("  live session %1 s: peak %2 MB, now %3 MB")
                   .arg(t.elapsed() / 1000)
                   .arg(peak, 0, 'f', 1)
                   .arg(now, 0, 'f', 1)
            << Qt::endl;
    }
    const bool ranThrough = p.state() == QProcess::Running;
    p.terminate();
    if (!p.waitForFinished(20000))
        p.kill();
    p.waitForFinished();
    // The store the session wrote, in this benchmark's own data folder.
    const QString store = QDir(QFile::decodeName(qgetenv("XDG_DATA_HOME")))
                              .filePath(QStringLiteral("dvdash/dvdash/dvdash.sqlite"));
    const qint64 storeBytes
        = QFileInfo(store).size() + QFileInfo(store + QStringLiteral("-wal")).size();
    if (peak < 0 || !ranThrough) {
        out << "live session: no memory figure (the process ended early or /proc is missing)"
            << Qt::endl;
        return;
    }
    out << QStringLiteral("session peak memory over %1 s of live use (seeding, simulator feed, "
                          "alerts): %2 MB; %3 MB at the end; store %4 MB")
               .arg(seconds)
               .arg(peak, 0, 'f', 1)
               .arg(now, 0, 'f', 1)
               .arg(storeBytes / (1024.0 * 1024.0), 0, 'f', 1)
        << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 15;
    const int liveSeconds = argc > 2 ? std::max(10, atoi(argv[2])) : 60;
    QTemporaryDir tmp;

    dv::LayerStack stack;
    dv::LoadResult province = dv::BundledData::loadProvince();
    if (!province.ok()) {
        fprintf(stderr, "%s\n", qPrintable(province.error));
        return 1;
    }
    for (auto &l : province.layers)
        stack.addLayer(l);

    out << "== Counties and bundled sites, 1920x1080" << Qt::endl;
    const dv::MapSettings home
        = dv::MapSettings::home(stack, QSize(1920, 1080), 1.0, QStringLiteral("示意图"));
    measure("render province, labels", runs, [&] { dv::MapRenderer::renderImage(home); });
    dv::MapSettings unlabelled = home;
    unlabelled.setLabelsEnabled(false);
    measure("render province, no labels", runs, [&] { dv::MapRenderer::renderImage(unlabelled); });
    // Where the time goes: each layer alone, labels off (decorations are always painted).
    for (const char *only : { "counties", "prefectures", "sites" }) {
        dv::MapSettings one = home;
        std::vector<dv::VectorLayer> layers = one.layers();
        for (dv::VectorLayer &l : layers)
            l.setVisible(l.id() == QLatin1String(only));
        one.setLayers(layers);
        one.setLabelsEnabled(false);
        measure(qPrintable(QStringLiteral("  only %1, no labels").arg(QLatin1String(only))), runs,
            [&] { dv::MapRenderer::renderImage(one); });
    }
    dv::MapSettings zoomed = home;
    zoomed.zoomAt(2.0, QPointF(960, 540));
    measure("re-render after zoom x2, labels", runs, [&] { dv::MapRenderer::renderImage(zoomed); });
    zoomed.zoomAt(4.0, QPointF(960, 540));
    measure("re-render after zoom x8, labels", runs, [&] { dv::MapRenderer::renderImage(zoomed); });

    out << "== Plus 100,000 points (CSV), 1920x1080" << Qt::endl;
    const QString csv = writePoints(tmp.path(), 100000);
    QElapsedTimer loadTimer;
    loadTimer.start();
    dv::LoadResult points = dv::LayerLoader::load(csv);
    out << QStringLiteral("load 100,000-point CSV through OGR and project: %1 ms")
               .arg(loadTimer.nsecsElapsed() / 1e6, 0, 'f', 1)
        << Qt::endl;
    points.layers.front()->setStyle(dv::LayerStyle::userLayer(0, dv::GeometryKind::Point));
    loadTimer.restart();
    points.prepareForDisplay(stack.displayCrs());
    out << QStringLiteral(
        "project, index and make searchable 100,000 points (worker thread): %1 ms")
               .arg(loadTimer.nsecsElapsed() / 1e6, 0, 'f', 1)
        << Qt::endl;
    loadTimer.restart();
    stack.addLayer(points.layers.front(), nullptr, points.searchIndexes.front());
    out << QStringLiteral("add the projected layer to the map (GUI thread): %1 ms")
               .arg(loadTimer.nsecsElapsed() / 1e6, 0, 'f', 1)
        << Qt::endl;
    dv::MapSettings big
        = dv::MapSettings::home(stack, QSize(1920, 1080), 1.0, QStringLiteral("示意图"));
    measure("render 88 counties + 100k points, labels", runs,
        [&] { dv::MapRenderer::renderImage(big); });
    // A bad day: open alerts on 50 sites (every third critical), their rings and county counts
    // in the frame as every export paints them.
    std::vector<dv::AlertRecord> alerts;
    if (const auto sites = stack.layer(QStringLiteral("sites"))) {
        for (int f = 0; f < std::min(50, sites->featureCount()); ++f) {
            dv::AlertRecord a;
            a.episode = quint64(f + 1);
            a.critical = f % 3 == 0;
            a.state = dv::AlertRecord::Active;
            a.deviceKey = sites->table().text(f, QStringLiteral("county_code")) + QLatin1Char('/')
                + sites->table().text(f, QStringLiteral("site_id")) + QStringLiteral("/dev-1");
            alerts.push_back(a);
        }
    }
    const dv::AlertMarkers markers = dv::AlertMarkers::fromAlerts(
        alerts, big.layer(QStringLiteral("sites")), big.layer(QStringLiteral("counties")));
    out << QStringLiteral("alert markers: %1 sites, %2 counties")
               .arg(markers.sites().size())
               .arg(markers.counties().size())
        << Qt::endl;
    big.setAlertMarkers(markers);
    measure("render 88 counties + 100k points + 50 alerts, labels", runs,
        [&] { dv::MapRenderer::renderImage(big); });
    big.setLabelsEnabled(false);
    big.clearAlertMarkers();
    measure("render 88 counties + 100k points, no labels", runs,
        [&] { dv::MapRenderer::renderImage(big); });
    stack.removeLayer(points.layers.front()->id());

    out << "== Pan frame: the canvas moving its last image (1920x1080 window)" << Qt::endl;
    {
        dv::MapCanvas canvas(&stack);
        canvas.resize(1920, 1080);
        canvas.show();
        canvas.zoomToHome();
        canvas.waitForRender();
        QApplication::processEvents();
        // What the 10 fps alert pulse costs: the last image blitted, the markers painted over.
        canvas.setAlertMarkers(markers);
        measure("pulse frame (paintEvent, 50 alert markers)", runs * 4, [&] { canvas.repaint(); });
        canvas.setAlertMarkers(dv::AlertMarkers());
        // A drag moves the view by a few pixels per event; paint only, as during a real drag.
        int step = 0;
        measure("pan frame (paintEvent of moved image)", runs * 4, [&] {
            QMouseEvent press(QEvent::MouseButtonPress, QPointF(900, 500), QPointF(900, 500),
                Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
            if (step == 0)
                QApplication::sendEvent(&canvas, &press);
            ++step;
            const QPointF pos(900 + step * 3 % 300, 500 + step * 2 % 200);
            QMouseEvent move(QEvent::MouseMove, pos, canvas.mapToGlobal(pos), Qt::NoButton,
                Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&canvas, &move);
            canvas.repaint();
        });
    }

    out << "== Start-up and memory (dvdash process, offscreen)" << Qt::endl;
    const QString exe = QCoreApplication::applicationDirPath() + QStringLiteral("/dvdash");
    std::vector<double> wall, rss;
    const auto first = runDashboard(exe, {}, std::max(5, runs / 3), &rss, &wall);
    if (!first.empty()) {
        out << QStringLiteral("start to first map frame: median %1 ms in-process, %2 ms wall "
                              "incl. process start (%3 runs)")
                   .arg(median(first), 0, 'f', 1)
                   .arg(median(wall), 0, 'f', 1)
                   .arg(first.size())
            << Qt::endl;
        out << QStringLiteral("peak memory, province only: median %1 MB")
                   .arg(median(rss), 0, 'f', 1)
            << Qt::endl;
    }
    rss.clear();
    const auto withPoints = runDashboard(exe, { csv }, 3, &rss, nullptr);
    if (!withPoints.empty())
        out << QStringLiteral("peak memory with 100,000 extra points: median %1 MB (3 runs)")
                   .arg(median(rss), 0, 'f', 1)
            << Qt::endl;
    liveSession(exe, liveSeconds);
    return 0;
}
