// dvdash render-map, the headless PNG export, run as the real program is run by scripts.
#include "testsupport.h"

#include "alertrule.h"
#include "alertstore.h"
#include "mapsettings.h"
#include "projectedgeometry.h"
#include "rulebook.h"
#include "sensorstore.h"
#include "storeregistry.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

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

QTEST_GUILESS_MAIN(TestRenderMap)
#include "tst_rendermap.moc"
