// dvdash render-map, the headless PNG export, run as the real program is run by scripts.
#include "testsupport.h"

#include "alertrule.h"
#include "alertstore.h"
#include "mapsettings.h"
#include "projectedgeometry.h"
#include "rulebook.h"
#include "sensorstore.h"
#include "site.h"
#include "sitelayerbuilder.h"
#include "storeregistry.h"

#include <QDir>
#include <QImage>
#include <QLineF>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

namespace {

using dvtest::Run;

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The county fill of a user polygon layer (the first user colour, alpha 110) over a county.
QColor blend(QColor top, int alpha, QColor bottom)
{
    const double a = alpha / 255.0;
    return QColor(qRound(top.red() * a + bottom.red() * (1 - a)),
        qRound(top.green() * a + bottom.green() * (1 - a)),
        qRound(top.blue() * a + bottom.blue() * (1 - a)));
}

// An alert that became active: what the alert engine records when a rule's condition lasts.
std::vector<dv::AlertTransition> openAlert(
    quint64 episode, int rule, const QString &ruleId, const QString &deviceKey)
{
    dv::AlertTransition raised;
    raised.kind = dv::AlertTransition::Raised;
    raised.deviceKey = deviceKey;
    raised.rule = rule;
    raised.ruleId = ruleId;
    raised.metric = 8;
    raised.episode = episode;
    raised.episodeStart = raised.time = 1795305600000;
    raised.value = 40.5;
    dv::AlertTransition activated = raised;
    activated.kind = dv::AlertTransition::Activated;
    activated.time = raised.time + 10 * 60 * 1000;
    return { raised, activated };
}

// Pixels within radius of centre whose colour passes test.
template <typename Test>
int pixelsAround(const QImage &image, const QPointF &centre, int radius, Test test)
{
    int n = 0;
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p(qRound(centre.x()) + dx, qRound(centre.y()) + dy);
            n += image.rect().contains(p) && test(image.pixelColor(p)) ? 1 : 0;
        }
    }
    return n;
}

// The critical ring's red (0xd32f2f) and the warning ring's orange (0xef6c00), told apart from
// the pig farms' own orange (0xd55e00).
bool criticalRed(const QColor &c)
{
    return c.red() > 180 && c.green() < 70 && c.blue() < 70;
}
bool warningOrange(const QColor &c)
{
    return c.red() > 225 && c.green() > 95 && c.green() < 125 && c.blue() < 40;
}

// The fill of a site symbol: tea garden green, pig farm orange or clinic blue (LayerStyle::sites).
bool siteColour(const QColor &c)
{
    static const QColor kinds[]
        = { QColor(0x00, 0x9e, 0x73), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x72, 0xb2) };
    for (const QColor &k : kinds) {
        if (std::abs(c.red() - k.red()) < 24 && std::abs(c.green() - k.green()) < 24
            && std::abs(c.blue() - k.blue()) < 24)
            return true;
    }
    return false;
}

const QColor kCountyFill(0xf3, 0xf0, 0xe2);
const QColor kPrefectureBorder(0x5b, 0x4a, 0x3a);
const QColor kFirstUserColor(0xcc, 0x79, 0xa7);

} // namespace

class TestRenderMap : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rendersProvince();
    void drawsExtraLayer();
    void badLayerWritesNothing_data();
    void badLayerWritesNothing();
    void badSizeIsUsageError_data();
    void badSizeIsUsageError();
    void languagesDiffer();
    void indicatorChoropleth();
    void openAlertsFromStore();
    void registeredSitesWithSamplesShownOrHidden();

private:
    Run dvdash(const QStringList &args);
    QString path(const QString &name) const { return mDir.filePath(name); }

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
    QTemporaryDir mData;
};

void TestRenderMap::initTestCase()
{
    QVERIFY(mDir.isValid());
    QVERIFY(mRuntime.isValid()); // 0700, as XDG_RUNTIME_DIR must be
    // Without --store the map reads the user's own store: here an empty data folder, so no
    // developer's alerts or indicators leak into a result.
    QVERIFY(mData.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(mData.path()));
    QVERIFY2(QFileInfo(QStringLiteral(DVDASH_BINARY)).isExecutable(), DVDASH_BINARY);
}

void TestRenderMap::cleanupTestCase()
{
}

Run TestRenderMap::dvdash(const QStringList &args)
{
    return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY), args, mDir.path(), mRuntime.path());
}

// The plain export: right size, a real map (not a blank or a flat fill), the county and
// prefecture styling, and a line telling where the file went.
void TestRenderMap::rendersProvince()
{
    const QString out = path(QStringLiteral("province.png"));
    const Run r = dvdash({ QStringLiteral("render-map"), QStringLiteral("--out"), out,
        QStringLiteral("--size"), QStringLiteral("1200x800") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY2(r.out.contains(QDir::toNativeSeparators(QFileInfo(out).absoluteFilePath())),
        qPrintable(r.out));
    QCOMPARE(lines(r.out).size(), 1);

    QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1200, 800));
    QSet<QRgb> colours;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y)
        for (int x = 0; x < argb.width(); ++x)
            colours.insert(argb.pixel(x, y));
    qInfo("%d distinct colours", int(colours.size()));
    QVERIFY2(colours.size() > 500, qPrintable(QString::number(colours.size())));
    const int pixels = image.width() * image.height();
    const int countyFill = dvtest::countColor(image, kCountyFill);
    QVERIFY2(countyFill > pixels / 5, qPrintable(QString::number(countyFill)));
    const int border = dvtest::countColor(image, kPrefectureBorder, 12);
    QVERIFY2(border > 1000, qPrintable(QString::number(border)));
    // Nothing of a user layer's colour in a map without user layers.
    QVERIFY(dvtest::countColor(image, blend(kFirstUserColor, 110, kCountyFill), 3) < 50);
}

// --layer draws the user's file over the counties in the first user colour.
void TestRenderMap::drawsExtraLayer()
{
    const QString geojson = path(QStringLiteral("zone.geojson"));
    const QByteArray zone = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "示范区"},
  "geometry": {"type": "Polygon", "coordinates": [[[106.9, 26.9], [107.6, 26.9], [107.6, 27.4], [106.9, 27.4], [106.9, 26.9]]]}}]})";
    QVERIFY(dvtest::writeBytes(geojson, zone));
    const QString out = path(QStringLiteral("with-layer.png"));
    const Run r = dvdash({ QStringLiteral("render-map"), QStringLiteral("--out"), out,
        QStringLiteral("--size"), QStringLiteral("1200x800"), QStringLiteral("--layer"), geojson });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1200, 800));
    const int zonePixels = dvtest::countColor(image, blend(kFirstUserColor, 110, kCountyFill), 3);
    qInfo("%d pixels of the layer's fill", zonePixels);
    QVERIFY2(zonePixels > 2000, qPrintable(QString::number(zonePixels)));
}

void TestRenderMap::badLayerWritesNothing_data()
{
    QTest::addColumn<QString>("layer");
    QTest::addColumn<bool>("outExists");
    const QByteArray truncated
        = R"({"type": "FeatureCollection", "features": [ {"type": "Feature", "geom)";
    QVERIFY(dvtest::writeBytes(path(QStringLiteral("broken.geojson")), truncated));
    for (const bool exists : { false, true }) {
        const char *suffix = exists ? ", old PNG kept" : ", no PNG";
        QTest::addRow("missing file%s", suffix)
            << path(QStringLiteral("missing.geojson")) << exists;
        QTest::addRow("truncated GeoJSON%s", suffix)
            << path(QStringLiteral("broken.geojson")) << exists;
    }
}

// One bad --layer: a non-zero exit, one line on stderr naming the file, and no new or
// half-written PNG (a PNG already there is left exactly as it was).
void TestRenderMap::badLayerWritesNothing()
{
    QFETCH(QString, layer);
    QFETCH(bool, outExists);
    QTemporaryDir outDir;
    const QString out = outDir.filePath(QStringLiteral("map.png"));
    const QByteArray old = "an older export";
    if (outExists)
        QVERIFY(dvtest::writeBytes(out, old));

    const Run r = dvdash({ QStringLiteral("render-map"), QStringLiteral("--out"), out,
        QStringLiteral("--size"), QStringLiteral("400x300"), QStringLiteral("--layer"), layer });
    QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(lines(r.err).size() == 1, qPrintable(r.err));
    QVERIFY2(r.err.contains(QFileInfo(layer).fileName()), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    const QStringList left = QDir(outDir.path()).entryList(QDir::Files | QDir::Hidden);
    if (outExists) {
        QCOMPARE(left, QStringList { QStringLiteral("map.png") });
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), old);
    } else {
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }
}

void TestRenderMap::badSizeIsUsageError_data()
{
    QTest::addColumn<QString>("size");
    QTest::newRow("words") << QStringLiteral("big");
    QTest::newRow("no height") << QStringLiteral("1200x");
    QTest::newRow("too small") << QStringLiteral("10x10");
    QTest::newRow("too large") << QStringLiteral("20000x20000");
    QTest::newRow("negative") << QStringLiteral("-100x100");
    QTest::newRow("zero") << QStringLiteral("0x0");
}

// A typo in --size is a usage error (exit 2) with one line, and writes nothing.
void TestRenderMap::badSizeIsUsageError()
{
    QFETCH(QString, size);
    const QString out = path(QStringLiteral("badsize.png"));
    const Run r = dvdash({ QStringLiteral("render-map"), QStringLiteral("--out"), out,
        QStringLiteral("--size=") + size });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(lines(r.err).size() == 1, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--size")), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
}

// --lang picks the map's language: the 示意图 note is translated, so the images differ.
void TestRenderMap::languagesDiffer()
{
    QImage images[2];
    const QString langs[] = { QStringLiteral("zh_CN"), QStringLiteral("en") };
    for (int i = 0; i < 2; ++i) {
        const QString out = path(QStringLiteral("lang-%1.png").arg(langs[i]));
        const Run r = dvdash({ QStringLiteral("render-map"), QStringLiteral("--lang"), langs[i],
            QStringLiteral("--out"), out, QStringLiteral("--size"), QStringLiteral("800x600") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        images[i] = QImage(out);
        QCOMPARE(images[i].size(), QSize(800, 600));
    }
    QVERIFY2(
        images[0] != images[1], "the zh_CN and en maps are identical: is the map note translated?");
}

// --indicator colours the counties by class instead of the plain fill; a fresh store gets the
// sample data; an unknown indicator or year is a usage error naming what exists.
void TestRenderMap::indicatorChoropleth()
{
    const QString store = QStringLiteral("sqlite:") + path(QStringLiteral("indicators.sqlite"));
    const QString out = path(QStringLiteral("choropleth.png"));
    const Run r = dvdash({ QStringLiteral("render-map"), QStringLiteral("--lang"),
        QStringLiteral("en"), QStringLiteral("--indicator"), QStringLiteral("internet_penetration"),
        QStringLiteral("--year"), QStringLiteral("2023"), QStringLiteral("--store"), store,
        QStringLiteral("--out"), out, QStringLiteral("--size"), QStringLiteral("1200x800") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1200, 800));
    // Counties in class colours: hardly any plain county fill left.
    const int pixels = image.width() * image.height();
    QVERIFY2(dvtest::countColor(image, kCountyFill) < pixels / 100,
        qPrintable(QString::number(dvtest::countColor(image, kCountyFill))));

    const Run unknown = dvdash({ QStringLiteral("render-map"), QStringLiteral("--lang"),
        QStringLiteral("en"), QStringLiteral("--indicator"), QStringLiteral("no_such"),
        QStringLiteral("--store"), store, QStringLiteral("--out"), path(QStringLiteral("x.png")) });
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("internet_penetration")), qPrintable(unknown.err));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("x.png"))));
    const Run noYear = dvdash({ QStringLiteral("render-map"), QStringLiteral("--lang"),
        QStringLiteral("en"), QStringLiteral("--indicator"), QStringLiteral("internet_penetration"),
        QStringLiteral("--year"), QStringLiteral("1999"), QStringLiteral("--store"), store,
        QStringLiteral("--out"), path(QStringLiteral("y.png")) });
    QCOMPARE(noYear.exitCode, 2);
    QVERIFY2(noYear.err.contains(QStringLiteral("2019")), qPrintable(noYear.err));
}

// --store paints the store's open alerts as the window does: a red ring on the site of a
// critical one, an orange ring for a warning, nothing for a resolved one; none without --store.
// A store without alert tables or alerts draws the plain map.
void TestRenderMap::openAlertsFromStore()
{
    dv::LayerStack stack;
    const QString loaded = dvtest::loadProvinceInto(stack);
    QVERIFY2(loaded.isEmpty(), qPrintable(loaded));
    const auto sites = stack.layer(QStringLiteral("sites"));
    QVERIFY(sites);
    auto siteWhere = [&](const QString &id) {
        for (int f = 0; f < sites->featureCount(); ++f) {
            if (sites->table().text(f, QStringLiteral("site_id")) == id)
                return f;
        }
        return -1;
    };
    const int critical = siteWhere(QStringLiteral("P0006"));
    const int warning = siteWhere(QStringLiteral("T0001"));
    const int resolved = siteWhere(QStringLiteral("C0001"));
    QVERIFY(critical >= 0 && warning >= 0 && resolved >= 0);
    auto keyOf = [&](int f, const QString &device) {
        return sites->table().text(f, QStringLiteral("county_code")) + QLatin1Char('/')
            + sites->table().text(f, QStringLiteral("site_id")) + QLatin1Char('/') + device;
    };

    const QString spec = QStringLiteral("sqlite:") + path(QStringLiteral("alerts.sqlite"));
    {
        QString error;
        const auto store = dv::AlertStore::create(spec, &error);
        QVERIFY2(store, qPrintable(error));
        dv::AlertRule fever;
        fever.id = QStringLiteral("sow_fever");
        fever.name = QStringLiteral("Sow fever");
        fever.severity = dv::AlertRule::Critical;
        dv::AlertRule frost;
        frost.id = QStringLiteral("frost");
        frost.name = QStringLiteral("Frost risk");
        frost.severity = dv::AlertRule::Warning;
        const dv::RuleBook rules(QVector<dv::AlertRule> { fever, frost });
        std::vector<dv::AlertTransition> transitions
            = openAlert(1, 0, fever.id, keyOf(critical, QStringLiteral("tag-0004")));
        for (const auto &t : openAlert(2, 1, frost.id, keyOf(warning, QStringLiteral("st-1"))))
            transitions.push_back(t);
        for (const auto &t : openAlert(3, 0, fever.id, keyOf(resolved, QStringLiteral("d-1"))))
            transitions.push_back(t);
        dv::AlertTransition over = transitions.back();
        over.kind = dv::AlertTransition::Resolved;
        over.time += 60000;
        transitions.push_back(over);
        QVERIFY2(store->record(transitions, rules, &error), qPrintable(error));
        dv::AlertFilter open;
        open.openOnly = true;
        const auto stored = store->alerts(open, &error);
        QVERIFY2(stored && stored->size() == 2, qPrintable(error));
    }

    const QSize size(1200, 800);
    const QString withAlerts = path(QStringLiteral("alerts.png"));
    const QString without = path(QStringLiteral("no-alerts.png"));
    const Run r = dvdash(
        { QStringLiteral("render-map"), QStringLiteral("--store"), spec, QStringLiteral("--out"),
            withAlerts, QStringLiteral("--size"), QStringLiteral("1200x800") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const Run plain = dvdash({ QStringLiteral("render-map"), QStringLiteral("--out"), without,
        QStringLiteral("--size"), QStringLiteral("1200x800") });
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    const QImage marked(withAlerts), unmarked(without);
    QCOMPARE(marked.size(), size);
    QCOMPARE(unmarked.size(), size);

    // Where the program puts each site: the same home view, computed here.
    const dv::MapSettings view = dv::MapSettings::home(stack, size, 1.0, QString());
    auto pixelOf = [&](int f) { return view.toPixel(sites->projected()->anchor(f)); };
    const int redWith = pixelsAround(marked, pixelOf(critical), 18, criticalRed);
    const int redWithout = pixelsAround(unmarked, pixelOf(critical), 18, criticalRed);
    qInfo("critical site: %d red pixels with --store, %d without", redWith, redWithout);
    QVERIFY2(redWith > redWithout + 40,
        qPrintable(QStringLiteral("%1 vs %2").arg(redWith).arg(redWithout)));
    QVERIFY2(redWithout < 10, qPrintable(QString::number(redWithout)));
    const int orangeWith = pixelsAround(marked, pixelOf(warning), 18, warningOrange);
    const int orangeWithout = pixelsAround(unmarked, pixelOf(warning), 18, warningOrange);
    qInfo("warning site: %d orange pixels with --store, %d without", orangeWith, orangeWithout);
    QVERIFY2(orangeWith > orangeWithout + 40,
        qPrintable(QStringLiteral("%1 vs %2").arg(orangeWith).arg(orangeWithout)));
    // The resolved alert's site looks as it does without alerts (a neighbour's ring may reach
    // into the window, so only its own colour is counted).
    QCOMPARE(pixelsAround(marked, pixelOf(resolved), 6, criticalRed),
        pixelsAround(unmarked, pixelOf(resolved), 6, criticalRed));

    // A store that has never held alerts (sensor readings only, no alert tables yet) is not
    // an error: the map has no rings.
    const QString fresh = QStringLiteral("sqlite:") + path(QStringLiteral("readings.sqlite"));
    {
        QString error;
        QVERIFY2(dv::StoreRegistry::instance().openSensorStore(fresh, &error), qPrintable(error));
    }
    const QString freshOut = path(QStringLiteral("readings-only.png"));
    const Run none = dvdash({ QStringLiteral("render-map"), QStringLiteral("--store"), fresh,
        QStringLiteral("--out"), freshOut, QStringLiteral("--size"), QStringLiteral("1200x800") });
    QVERIFY2(none.exitCode == 0, qPrintable(none.err));
    QVERIFY2(none.err.isEmpty(), qPrintable(none.err));
    const int redFresh = pixelsAround(QImage(freshOut), pixelOf(critical), 18, criticalRed);
    QVERIFY2(redFresh < 10, qPrintable(QString::number(redFresh)));

    // A mistyped store is an error naming it, and writes nothing.
    const QString missing = path(QStringLiteral("no-such-store.sqlite"));
    const QString notWritten = path(QStringLiteral("not-written.png"));
    const Run bad = dvdash({ QStringLiteral("render-map"), QStringLiteral("--store"),
        QStringLiteral("sqlite:") + missing, QStringLiteral("--out"), notWritten });
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains(QStringLiteral("no-such-store.sqlite")), qPrintable(bad.err));
    QVERIFY(!QFileInfo::exists(notWritten));
    QVERIFY(!QFileInfo::exists(missing));
}

// --store draws the office's registered sites from the store's registry, as the window does:
// with --sample off they are the only sites on the map, with --sample on the samples join
// them, and a map without the store shows the samples only. The three sites lie where no
// sample site is within about 0.25° (some 40 pixels here), so each pixel count is theirs alone.
void TestRenderMap::registeredSitesWithSamplesShownOrHidden()
{
    const QString csv = path(QStringLiteral("office-sites.csv"));
    QVERIFY(dvtest::writeBytes(csv,
        QByteArrayLiteral("编号,类型,名称,经度,纬度\n"
                          "OFFTEA,茶园,办公室茶园,105.05,27.2\n"
                          "OFFPIG,生猪养殖场,办公室猪场,107.5,25.3\n"
                          "OFFCLINIC,村卫生室,办公室卫生室,108.6,25.6\n")));
    const QString spec = QStringLiteral("sqlite:") + path(QStringLiteral("office.sqlite"));
    const Run imported = dvdash({ QStringLiteral("sites"), QStringLiteral("import"), csv,
        QStringLiteral("--store"), spec });
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

    auto render = [&](const QString &name, const QStringList &extra) {
        const QString out = path(name);
        const Run r = dvdash(QStringList { QStringLiteral("render-map"), QStringLiteral("--out"),
                                 out, QStringLiteral("--size"), QStringLiteral("1200x800") }
            + extra);
        if (r.exitCode != 0 || !r.err.isEmpty())
            qWarning("%s", qPrintable(r.err));
        return r.exitCode == 0 ? QImage(out) : QImage();
    };
    const QImage off = render(QStringLiteral("office-off.png"),
        { QStringLiteral("--store"), spec, QStringLiteral("--sample"), QStringLiteral("off") });
    const QImage on = render(QStringLiteral("office-on.png"),
        { QStringLiteral("--store"), spec, QStringLiteral("--sample"), QStringLiteral("on") });
    // A store with the office's own sites starts with the samples hidden.
    const QImage byDefault
        = render(QStringLiteral("office-default.png"), { QStringLiteral("--store"), spec });
    const QImage samplesOnly = render(
        QStringLiteral("samples-only.png"), { QStringLiteral("--sample"), QStringLiteral("on") });
    for (const QImage *image : { &off, &on, &byDefault, &samplesOnly })
        QCOMPARE(image->size(), QSize(1200, 800));

    // Where the program puts each site: the same home view and display CRS, computed here.
    dv::LayerStack stack;
    const QString loaded = dvtest::loadProvinceInto(stack);
    QVERIFY2(loaded.isEmpty(), qPrintable(loaded));
    const dv::MapSettings view = dv::MapSettings::home(stack, QSize(1200, 800), 1.0, QString());
    std::vector<dv::Site> office(3);
    office[0].lon = 105.05, office[0].lat = 27.2;
    office[1].lon = 107.5, office[1].lat = 25.3;
    office[2].lon = 108.6, office[2].lat = 25.6;
    const auto officeLayer = dv::SiteLayerBuilder::build(office, {});
    QString why;
    QVERIFY2(officeLayer->project(stack.displayCrs(), &why), qPrintable(why));
    std::vector<QPointF> officePixels;
    for (int f = 0; f < 3; ++f)
        officePixels.push_back(view.toPixel(officeLayer->projected()->anchor(f)));

    const char *names[] = { "tea garden", "pig farm", "clinic" };
    for (int f = 0; f < 3; ++f) {
        const QPointF at = officePixels[std::size_t(f)];
        const int withOff = pixelsAround(off, at, 12, siteColour);
        const int withOn = pixelsAround(on, at, 12, siteColour);
        const int withDefault = pixelsAround(byDefault, at, 12, siteColour);
        const int without = pixelsAround(samplesOnly, at, 12, siteColour);
        qInfo("%s at (%.0f, %.0f): %d symbol pixels with --sample off, %d on, %d by default, %d "
              "without the store",
            names[f], at.x(), at.y(), withOff, withOn, withDefault, without);
        QVERIFY2(withOff > 120, names[f]);
        QVERIFY2(withOn > 120, names[f]);
        QVERIFY2(withDefault > 120, names[f]);
        QVERIFY2(without < 10, names[f]);
    }

    // Every other symbol pixel is a sample site's (or a cluster of them): none with --sample
    // off, plenty with it on. The legend, top left, shows the kinds' colours and is left out.
    auto samplePixels = [&](const QImage &image) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (x < 200 && y < 140)
                    continue;
                const QPointF p(x, y);
                if (std::any_of(officePixels.begin(), officePixels.end(),
                        [&](const QPointF &o) { return QLineF(o, p).length() < 20; }))
                    continue;
                n += siteColour(image.pixelColor(x, y)) ? 1 : 0;
            }
        }
        return n;
    };
    const int sampleOff = samplePixels(off), sampleOn = samplePixels(on);
    const int sampleDefault = samplePixels(byDefault), sampleOnly = samplePixels(samplesOnly);
    qInfo("sample symbol pixels: %d with --sample off, %d on, %d by default, %d without the store",
        sampleOff, sampleOn, sampleDefault, sampleOnly);
    QVERIFY2(sampleOff < 20, qPrintable(QString::number(sampleOff)));
    QVERIFY2(sampleDefault < 20, qPrintable(QString::number(sampleDefault)));
    QVERIFY2(sampleOn > 3000, qPrintable(QString::number(sampleOn)));
    QVERIFY2(sampleOnly > 3000, qPrintable(QString::number(sampleOnly)));
    // The samples are drawn the same with the office's sites beside them as without.
    QVERIFY2(std::abs(sampleOn - sampleOnly) < sampleOnly / 20,
        qPrintable(QStringLiteral("%1 vs %2").arg(sampleOn).arg(sampleOnly)));

    // An open alert on a registered site rings it, as on a sample site.
    {
        QString error;
        const auto alerts = dv::AlertStore::create(spec, &error);
        QVERIFY2(alerts, qPrintable(error));
        dv::AlertRule fever;
        fever.id = QStringLiteral("sow_fever");
        fever.name = QStringLiteral("Sow fever");
        fever.severity = dv::AlertRule::Critical;
        QVERIFY2(alerts->record(openAlert(1, 0, fever.id, QStringLiteral("520502/OFFTEA/tag-1")),
                     dv::RuleBook(QVector<dv::AlertRule> { fever }), &error),
            qPrintable(error));
    }
    const QImage ringed = render(QStringLiteral("office-alert.png"),
        { QStringLiteral("--store"), spec, QStringLiteral("--sample"), QStringLiteral("off") });
    const int red = pixelsAround(ringed, officePixels[0], 18, criticalRed);
    const int redBefore = pixelsAround(off, officePixels[0], 18, criticalRed);
    qInfo("registered tea garden: %d red pixels with its alert open, %d before", red, redBefore);
    QVERIFY2(red > redBefore + 40, qPrintable(QStringLiteral("%1 vs %2").arg(red).arg(redBefore)));
}

QTEST_GUILESS_MAIN(TestRenderMap)
#include "tst_rendermap.moc"
