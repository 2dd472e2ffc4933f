// The office's own sites, issue 10's figures: importing 10,000 sites (≤ 1 s) and the province
// map at 1920×1080 with 10,000 registered sites, drawn as clusters, beside the README's figure
// for the bundled sample sites. The sites are random points inside Guizhou's counties (the
// bundled boundaries, through CountyLocator), imported the way `dvdash sites import` does;
// the map is the window's: registry read, SiteLayerBuilder, MapRenderer and MapRenderJob.
// Run by hand or by run-benchmarks.sh; never in ctest. Settings and stores are the benchmark's
// own (testfolders.cpp, linked in).
#include "bundleddata.h"
#include "countydirectory.h"
#include "countylocator.h"
#include "displaycrs.h"
#include "featuresearch.h"
#include "layerstack.h"
#include "maprenderer.h"
#include "maprenderjob.h"
#include "mapsettings.h"
#include "samplesites.h"
#include "siteclusterer.h"
#include "siteimporter.h"
#include "sitelayerbuilder.h"
#include "sitestore.h"
#include "vectorlayer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
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

void report(const QString &name, const std::vector<double> &ms)
{
    out << QStringLiteral("%1  median %2 ms  (min %3, max %4, %5 runs)")
               .arg(name, -58)
               .arg(median(ms), 0, 'f', 2)
               .arg(*std::min_element(ms.begin(), ms.end()), 0, 'f', 2)
               .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 2)
               .arg(ms.size())
        << Qt::endl;
}

// Runs fn `runs` times after one warm-up; prints and returns the median in milliseconds.
double measure(const QString &name, int runs, const std::function<void()> &fn)
{
    fn();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    report(name, ms);
    return median(ms);
}

// count sites at random points inside the province's counties (a point is kept when the
// bundled boundaries put it in a county), the three built-in types in turn with their
// attributes, as an office's CSV would list them. Returns the file and how many counties the
// sites fall in.
QString writeSites(const QString &dir, int count, const dv::CountyLocator &counties, int *spread)
{
    const QString path = dir + QStringLiteral("/sites-10k.csv");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    QTextStream s(&f);
    s << "id,type,name,lon,lat,area_mu,variety,sow_count,doctors,telemedicine\n";
    QRandomGenerator rng(20261202);
    QSet<QString> codes;
    for (int i = 0; i < count;) {
        const double lon = 103.5 + rng.generateDouble() * 6.2;
        const double lat = 24.6 + rng.generateDouble() * 4.7;
        const QString code = counties.countyAt(lon, lat);
        if (code.isEmpty())
            continue;
        codes.insert(code);
        s << "S" << QString::number(i).rightJustified(5, QLatin1Char('0')) << ',';
        switch (i % 3) {
        case 0:
            s << "tea_garden,Tea garden " << i;
            break;
        case 1:
            s << "pig_farm,Pig farm " << i;
            break;
        default:
            s << "clinic,Clinic " << i;
            break;
        }
        s << ',' << QString::number(lon, 'f', 6) << ',' << QString::number(lat, 'f', 6) << ',';
        switch (i % 3) {
        case 0:
            s << 50 + rng.bounded(900) << ",Meitan cuiya,,,";
            break;
        case 1:
            s << ",," << 20 + rng.bounded(800) << ",,";
            break;
        default:
            s << ",,," << 1 + rng.bounded(4) << ',' << rng.bounded(2);
            break;
        }
        s << '\n';
        ++i;
    }
    *spread = int(codes.size());
    return path;
}

// What `dvdash sites import FILE` does once the bundled data is read: open the store, read
// its types and sites, preview the file, write it as one revision. Milliseconds, -1 on failure.
double importInto(const QString &spec, const QString &csv,
    const std::shared_ptr<const dv::CountyLocator> &counties, const QSet<QString> &sampleIds)
{
    QElapsedTimer t;
    t.start();
    QString error;
    const std::unique_ptr<dv::SiteStore> store = dv::SiteStore::create(spec, &error);
    const auto types = store ? store->types(&error) : std::nullopt;
    dv::SiteFilter all;
    all.includeRetired = true;
    const auto existing = types ? store->sites(all, &error) : std::nullopt;
    if (!existing) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return -1;
    }
    const dv::SiteImporter importer(counties, *types, *existing, sampleIds);
    const dv::SiteImportPreview preview = importer.preview(csv);
    if (!preview.canCommit()) {
        fprintf(
            stderr, "%s\n", qPrintable(preview.problemLines().mid(0, 5).join(QLatin1Char('\n'))));
        return -1;
    }
    if (!dv::SiteImporter::commit(preview, *store, &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return -1;
    }
    return t.nsecsElapsed() / 1e6;
}

// The window's sites layer from the registry, as SiteWorkspace builds it on its reader's
// worker: read, build, project, index.
struct BuiltLayer {
    std::shared_ptr<dv::VectorLayer> layer;
    std::shared_ptr<const dv::FeatureSearch::LayerIndex> index;
};
BuiltLayer buildFromRegistry(const QString &spec, const std::vector<dv::Site> &samples,
    bool samplesShown, const QHash<QString, QString> &countyNames, const dv::DisplayCrs &crs)
{
    QString error;
    const std::unique_ptr<dv::SiteStore> store = dv::SiteStore::create(spec, &error);
    dv::SiteFilter all;
    all.includeRetired = true;
    const auto sites = store ? store->sites(all, &error) : std::nullopt;
    if (!sites) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return {};
    }
    BuiltLayer b;
    b.layer = dv::SiteLayerBuilder::build(
        dv::SiteLayerBuilder::visibleSites(*sites, samples, samplesShown), countyNames);
    if (!b.layer->project(crs, &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return {};
    }
    b.index = dv::FeatureSearch::index(*b.layer);
    return b;
}

// The stack with the province's counties and prefectures and the given sites layer in place of
// the bundled one, keeping its style, as SiteWorkspace::install does.
dv::MapSettings homeWith(dv::LayerStack &stack, const BuiltLayer &sites)
{
    const auto bundled = stack.layer(QStringLiteral("sites"));
    sites.layer->setStyle(bundled->style());
    stack.removeLayer(QStringLiteral("sites"));
    stack.addLayer(sites.layer, nullptr, sites.index);
    dv::MapSettings s
        = dv::MapSettings::home(stack, QSize(1920, 1080), 1.0, QStringLiteral("示意图"));
    stack.removeLayer(QStringLiteral("sites"));
    stack.addLayer(bundled);
    return s;
}

// Frames through the window's render job: request, wait for frameReady. The job's own timing
// (the paint on its worker) and the wall time from request to frame on the GUI thread.
void measureJob(const QString &name, int runs, const dv::MapSettings &settings)
{
    dv::MapRenderJob job;
    std::vector<double> paint, wall;
    for (int i = 0; i <= runs; ++i) {
        QEventLoop loop;
        double ms = 0;
        const auto c = QObject::connect(
            &job, &dv::MapRenderJob::frameReady, [&](const dv::RenderedFrame &frame) {
                ms = frame.milliseconds;
                loop.quit();
            });
        QElapsedTimer t;
        t.start();
        job.request(settings);
        loop.exec();
        const double w = t.nsecsElapsed() / 1e6;
        QObject::disconnect(c);
        if (i == 0)
            continue; // warm-up
        paint.push_back(ms);
        wall.push_back(w);
    }
    report(name + QStringLiteral(", MapRenderJob paint"), paint);
    report(name + QStringLiteral(", MapRenderJob request to frame"), wall);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv); // as the window: its fonts and theme
    const int frames = argc > 1 ? std::max(3, atoi(argv[1])) : 5;
    const int imports = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    const int count = 10000;
    QTemporaryDir tmp;

    QString error;
    auto locator = dv::CountyLocator::loadBundled(&error);
    auto samples = locator ? dv::SampleSites::loadBundled(&error) : std::nullopt;
    const auto directory = samples ? dv::CountyDirectory::loadBundled(&error) : std::nullopt;
    dv::LoadResult province = dv::BundledData::loadProvince();
    if (!directory || !province.ok()) {
        fprintf(stderr, "%s\n", qPrintable(error.isEmpty() ? province.error : error));
        return 1;
    }
    const auto counties = std::make_shared<const dv::CountyLocator>(std::move(*locator));
    const QSet<QString> sampleIds = dv::SampleSites::ids(*samples);
    QHash<QString, QString> countyNames;
    for (const dv::County &c : directory->counties())
        countyNames.insert(c.code, c.name);

    int spread = 0;
    QElapsedTimer t;
    t.start();
    const QString csv = writeSites(tmp.path(), count, *counties, &spread);
    if (csv.isEmpty())
        return 1;
    out << QStringLiteral("== %1 sites at random places in %2 of %3 counties (generated in %4 ms)")
               .arg(count)
               .arg(spread)
               .arg(directory->counties().size())
               .arg(t.elapsed())
        << Qt::endl;

    // Each import goes into a store of its own: a first import, not a re-import of the same ids.
    std::vector<double> importMs;
    QString spec;
    for (int i = 0; i < imports; ++i) {
        spec = QStringLiteral("sqlite:") + tmp.filePath(QStringLiteral("import%1.sqlite").arg(i));
        const double ms = importInto(spec, csv, counties, sampleIds);
        if (ms < 0)
            return 1;
        importMs.push_back(ms);
    }
    report(QStringLiteral("import 10,000 sites (open, preview, write a revision)"), importMs);
    // The whole command as a user runs it: process start, bundled boundaries, import.
    const QString exe = QCoreApplication::applicationDirPath() + QStringLiteral("/dvdash");
    if (QFileInfo::exists(exe)) {
        std::vector<double> commandMs;
        for (int i = 0; i < imports; ++i) {
            QProcess p;
            QElapsedTimer c;
            c.start();
            p.start(exe,
                { QStringLiteral("sites"), QStringLiteral("import"), csv, QStringLiteral("--store"),
                    QStringLiteral("sqlite:")
                        + tmp.filePath(QStringLiteral("command%1.sqlite").arg(i)) });
            p.waitForFinished(120000);
            if (p.exitCode() != 0) {
                fprintf(stderr, "%s\n", p.readAllStandardError().constData());
                return 1;
            }
            commandMs.push_back(c.nsecsElapsed() / 1e6);
        }
        report(QStringLiteral("`dvdash sites import` of 10,000 sites, whole process"), commandMs);
    }

    dv::LayerStack stack;
    for (auto &l : province.layers)
        stack.addLayer(l);
    const dv::DisplayCrs crs = stack.displayCrs();
    BuiltLayer registered;
    measure(QStringLiteral("registry read + layer build + project + index (worker)"), imports,
        [&] { registered = buildFromRegistry(spec, *samples, false, countyNames, crs); });
    if (!registered.layer)
        return 1;
    const BuiltLayer withSamples = buildFromRegistry(spec, *samples, true, countyNames, crs);
    out << QStringLiteral("layer: %1 registered sites; with the samples shown %2")
               .arg(registered.layer->featureCount())
               .arg(withSamples.layer->featureCount())
        << Qt::endl;

    out << "== Province at 1920x1080, labels on (README: whole province, counties + sites + "
           "labels 29.4 / 31.8 ms; ×2 zoom ≤ 30 ms)"
        << Qt::endl;
    const dv::MapSettings bundled
        = dv::MapSettings::home(stack, QSize(1920, 1080), 1.0, QStringLiteral("示意图"));
    const dv::MapSettings tenK = homeWith(stack, registered);
    const dv::MapSettings tenKSamples = homeWith(stack, withSamples);
    dv::RenderResult result;
    dv::MapRenderer::renderImage(tenK, &result);
    out << QStringLiteral("10,000 sites at home view: %1 features drawn, %2 cluster badges")
               .arg(result.featuresDrawn)
               .arg(result.clusterBadges.size())
        << Qt::endl;
    measure(QStringLiteral("bundled sample sites (428), as in the README"), frames,
        [&] { dv::MapRenderer::renderImage(bundled); });
    measure(QStringLiteral("10,000 registered sites, samples hidden"), frames,
        [&] { dv::MapRenderer::renderImage(tenK); });
    measure(QStringLiteral("10,000 registered sites + 428 samples"), frames,
        [&] { dv::MapRenderer::renderImage(tenKSamples); });
    // Where the time goes: the sites layer alone, labels off (decorations are always painted).
    auto sitesOnly = [](dv::MapSettings s) {
        std::vector<dv::VectorLayer> layers = s.layers();
        for (dv::VectorLayer &l : layers)
            l.setVisible(l.id() == QLatin1String("sites"));
        s.setLayers(layers);
        s.setLabelsEnabled(false);
        return s;
    };
    const dv::MapSettings bundledSites = sitesOnly(bundled), tenKSites = sitesOnly(tenK);
    measure(QStringLiteral("  only the bundled sites, no labels"), frames,
        [&] { dv::MapRenderer::renderImage(bundledSites); });
    measure(QStringLiteral("  only the 10,000 sites, no labels"), frames,
        [&] { dv::MapRenderer::renderImage(tenKSites); });
    dv::MapSettings bundledZoom = bundled, tenKZoom = tenK;
    bundledZoom.zoomAt(2.0, QPointF(960, 540));
    tenKZoom.zoomAt(2.0, QPointF(960, 540));
    measure(QStringLiteral("re-render after zoom x2, bundled sample sites"), frames,
        [&] { dv::MapRenderer::renderImage(bundledZoom); });
    measure(QStringLiteral("re-render after zoom x2, 10,000 registered sites"), frames,
        [&] { dv::MapRenderer::renderImage(tenKZoom); });
    dv::RenderResult zoomed;
    dv::MapRenderer::renderImage(tenKZoom, &zoomed);
    out << QStringLiteral("  x2: %1 cluster badges, %2 labels placed")
               .arg(zoomed.clusterBadges.size())
               .arg(zoomed.labels.size())
        << Qt::endl;
    measure(QStringLiteral("  x2, only the bundled sites, no labels"), frames,
        [&] { dv::MapRenderer::renderImage(sitesOnly(bundledZoom)); });
    measure(QStringLiteral("  x2, only the 10,000 sites, no labels"), frames,
        [&] { dv::MapRenderer::renderImage(sitesOnly(tenKZoom)); });
    // Of that, the clustering itself (the rest is painting symbols and badges).
    const dv::VectorLayer *tenKLayer = tenKZoom.layer(QStringLiteral("sites"));
    measure(QStringLiteral("  x2, clustering the 10,000 sites alone"), frames, [&] {
        dv::SiteClusterer::cluster(tenKZoom, *tenKLayer, dv::MapRenderer::clusterRadius(tenKZoom));
    });
    dv::MapSettings tenKZoom8 = tenKZoom;
    tenKZoom8.zoomAt(4.0, QPointF(960, 540));
    measure(QStringLiteral("re-render after zoom x8, 10,000 registered sites"), frames,
        [&] { dv::MapRenderer::renderImage(tenKZoom8); });

    out << "== The same frames through the window's MapRenderJob" << Qt::endl;
    measureJob(QStringLiteral("bundled sample sites"), frames, bundled);
    measureJob(QStringLiteral("10,000 registered sites"), frames, tenK);
    return 0;
}
