// The office's sites in the window: the map's sites from the registry, Settings › Sample data,
// Add site here, dragging a site with undo, and devices accepted into a site.
#include "testsupportwindow.h"

#include "appsettings.h"
#include "countylocator.h"
#include "dataqualitylog.h"
#include "dataqualitypanel.h"
#include "featureinfopanel.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "samplesites.h"
#include "siteeditdialog.h"
#include "siteworkspace.h"
#include "sqlitesensorstore.h"
#include "sqlitesitestore.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace dv;

class TestSiteWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void sampleToggleHidesSamplesOnMapAndInSearch();
    void addSiteHereTakesTheCountyOfTheLocation();
    void addedSiteUndoRetiresItAndRedoBringsItBack();
    void draggedSiteMovesAndUndoPutsItBack();
    void samplesCannotBeDragged();
    void deviceAcceptedIntoChosenSite();
    void qualityPanelOffersAcceptIntoSite();

private:
    // A store holding one real pig farm, MYFARM, beside the first sample site.
    QString storeWithFarm();
    std::optional<Site> storedSite(const QString &id);
    // Opens the window on the store and waits until the registry's layer is on the map.
    bool openOn(MainWindow &window);
    static int featureOf(const VectorLayer &layer, const QString &id);
    static bool searchFinds(MainWindow &window, const QString &id);
    // Whether a label of the selection panel says text.
    static bool panelSays(MainWindow &window, const QString &text);

    QTemporaryDir mDir;
    QString mSpec;
    std::vector<Site> mSamples;
    QPointF mFarmAt;
    QString mFarmCounty;
};

void TestSiteWindow::initTestCase()
{
    QString error;
    auto samples = SampleSites::loadBundled(&error);
    QVERIFY2(samples && !samples->empty(), qPrintable(error));
    mSamples = *samples;
    auto locator = CountyLocator::loadBundled(&error);
    QVERIFY2(locator, qPrintable(error));
    // Near a sample site, so inside a county, but not on it.
    mFarmAt = QPointF(mSamples.front().lon + 0.002, mSamples.front().lat + 0.002);
    mFarmCounty = locator->countyAt(mFarmAt.x(), mFarmAt.y());
    QVERIFY(!mFarmCounty.isEmpty());
}

void TestSiteWindow::init()
{
    // Until the user chooses, a store with real sites starts with the samples hidden.
    QSettings().remove(QStringLiteral("data/sampleShown"));
    mSpec = storeWithFarm();
}

QString TestSiteWindow::storeWithFarm()
{
    static int n = 0;
    const QString path = mDir.filePath(QStringLiteral("store%1.sqlite").arg(++n));
    SqliteSiteStore store(path);
    QString error;
    if (!store.open(&error))
        qFatal("%s", qPrintable(error));
    Site farm;
    farm.id = QStringLiteral("MYFARM");
    farm.type = QStringLiteral("pig_farm");
    farm.name = QStringLiteral("测试养殖场");
    farm.county = mFarmCounty;
    farm.lon = mFarmAt.x();
    farm.lat = mFarmAt.y();
    farm.attributes.insert(QStringLiteral("sow_count"), 120);
    farm.source = Site::Source::Imported;
    if (!store.saveSites({ farm }, SiteRevision::Kind::Import, QStringLiteral("test"), &error))
        qFatal("%s", qPrintable(error));
    return QStringLiteral("sqlite:") + path;
}

std::optional<Site> TestSiteWindow::storedSite(const QString &id)
{
    SqliteSiteStore store(mSpec.mid(7));
    QString error;
    if (!store.open(&error))
        return std::nullopt;
    const auto site = store.site(id, &error);
    return site ? *site : std::nullopt;
}

bool TestSiteWindow::openOn(MainWindow &window)
{
    if (!dvtest::openMainWindow(window))
        return false;
    // The registry alone, without the sensor hub and its 90 days of seeded history.
    window.siteWorkspace()->start(mSpec);
    window.canvas()->setSiteEditingEnabled(true);
    QSignalSpy changed(window.siteWorkspace(), &SiteWorkspace::sitesChanged);
    if (!changed.wait(20000))
        return false;
    const auto sites = window.layers()->layer(QStringLiteral("sites"));
    return sites && featureOf(*sites, QStringLiteral("MYFARM")) >= 0;
}

int TestSiteWindow::featureOf(const VectorLayer &layer, const QString &id)
{
    for (int f = 0; f < layer.featureCount(); ++f) {
        if (layer.table().text(f, QStringLiteral("site_id")) == id)
            return f;
    }
    return -1;
}

bool TestSiteWindow::searchFinds(MainWindow &window, const QString &id)
{
    for (const FeatureSearch::Hit &hit : window.layers()->search().find(id)) {
        if (hit.layerId == QLatin1String("sites"))
            return true;
    }
    return false;
}

bool TestSiteWindow::panelSays(MainWindow &window, const QString &text)
{
    const auto labels = window.infoPanel()->findChildren<QLabel *>();
    return std::any_of(labels.begin(), labels.end(),
        [&](const QLabel *l) { return l->text().contains(text); });
}

void TestSiteWindow::sampleToggleHidesSamplesOnMapAndInSearch()
{
    MainWindow window;
    QVERIFY(openOn(window));
    SiteWorkspace *sites = window.siteWorkspace();
    const QString sampleId = mSamples.front().id;

    // A store with the office's own farm: samples hidden, on the map and in search.
    QVERIFY(!sites->samplesShown());
    QVERIFY(!window.sampleDataAction()->isChecked());
    auto layer = window.layers()->layer(QStringLiteral("sites"));
    QCOMPARE(layer->featureCount(), 1);
    QVERIFY(searchFinds(window, QStringLiteral("MYFARM")));
    QVERIFY(!searchFinds(window, sampleId));
    // The farm is real: no sample label, and the county's name is filled in.
    const int farm = featureOf(*layer, QStringLiteral("MYFARM"));
    QVERIFY(layer->table().value(farm, QStringLiteral("sample")).isNull());
    QVERIFY(!layer->table().text(farm, QStringLiteral("county_name")).isEmpty());
    window.infoPanel()->showFeature(*layer, farm);

    QVERIFY(panelSays(window, QStringLiteral("registered site")));
    QVERIFY(!panelSays(window, QStringLiteral("sample data")));

    // Settings › Sample data on: the samples come back, labelled, and are found again.
    QSignalSpy changed(sites, &SiteWorkspace::sitesChanged);
    QSignalSpy shown(sites, &SiteWorkspace::samplesShownChanged);
    window.sampleDataAction()->trigger();
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.first().at(0).toBool(), true);
    QVERIFY(changed.wait(20000));
    layer = window.layers()->layer(QStringLiteral("sites"));
    QCOMPARE(layer->featureCount(), int(mSamples.size()) + 1);
    QVERIFY(searchFinds(window, sampleId));
    const int sample = featureOf(*layer, sampleId);
    QCOMPARE(layer->table().value(sample, QStringLiteral("sample")).toInt(), 1);
    window.infoPanel()->showFeature(*layer, sample);
    QVERIFY(panelSays(window, QStringLiteral("sample data")));
    QVERIFY(window.sampleDataAction()->isChecked());
    QVERIFY(AppSettings::sampleDataShown(true)); // kept

    // And off again.
    window.sampleDataAction()->trigger();
    QVERIFY(changed.wait(20000));
    QCOMPARE(window.layers()->layer(QStringLiteral("sites"))->featureCount(), 1);
    QVERIFY(!searchFinds(window, sampleId));
    QVERIFY(!AppSettings::sampleDataShown(false));
}

void TestSiteWindow::addSiteHereTakesTheCountyOfTheLocation()
{
    MainWindow window;
    QVERIFY(openOn(window));
    const QPointF place(mSamples.back().lon + 0.003, mSamples.back().lat - 0.002);
    const QString county = window.siteWorkspace()->countyAt(place);
    QVERIFY(!county.isEmpty());

    // The map's context menu asks; the workspace opens the dialog with the county filled in.
    emit window.canvas()->siteAddRequested(place);
    auto *dialog = window.findChild<SiteEditDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // A sample's id is taken: the dialog says so and stays open.
    dialog->idEdit()->setText(mSamples.front().id);
    dialog->nameEdit()->setText(QStringLiteral("新茶园"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->problem().contains(mSamples.front().id));
    dialog->idEdit()->setText(QStringLiteral("NEWTEA"));
    dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findData(QStringLiteral("tea_garden")));
    QVERIFY(dialog->attributeEdit(QStringLiteral("area_mu")));
    dialog->attributeEdit(QStringLiteral("area_mu"))->setText(QStringLiteral("abc"));
    QVERIFY(dialog->problem().contains(QStringLiteral("abc")));
    dialog->attributeEdit(QStringLiteral("area_mu"))->setText(QStringLiteral("12.5"));
    dialog->accept();

    QTRY_VERIFY_WITH_TIMEOUT(storedSite(QStringLiteral("NEWTEA")).has_value(), 10000);
    const Site added = *storedSite(QStringLiteral("NEWTEA"));
    QCOMPARE(added.county, county);
    QCOMPARE(added.type, QStringLiteral("tea_garden"));
    QCOMPARE(added.source, Site::Source::Entered);
    QCOMPARE(added.attributes.value(QStringLiteral("area_mu")).toDouble(), 12.5);
    QVERIFY(qAbs(added.lon - place.x()) < 1e-9 && qAbs(added.lat - place.y()) < 1e-9);
    // And on the map.
    QTRY_VERIFY_WITH_TIMEOUT(
        featureOf(*window.layers()->layer(QStringLiteral("sites")), QStringLiteral("NEWTEA")) >= 0,
        10000);
}

// Edit › Undo after Add site here retires the new site (sites are never deleted): it leaves the
// map; Redo brings it back, active.
void TestSiteWindow::addedSiteUndoRetiresItAndRedoBringsItBack()
{
    MainWindow window;
    QVERIFY(openOn(window));
    const QPointF place(mSamples.back().lon + 0.003, mSamples.back().lat - 0.002);
    emit window.canvas()->siteAddRequested(place);
    auto *dialog = window.findChild<SiteEditDialog *>();
    QVERIFY(dialog);
    dialog->idEdit()->setText(QStringLiteral("UNDOTEA"));
    dialog->nameEdit()->setText(QStringLiteral("撤销茶园"));
    dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findData(QStringLiteral("tea_garden")));
    dialog->accept();

    QUndoStack *undo = window.siteWorkspace()->undoStack();
    QCOMPARE(undo->count(), 1);
    QVERIFY(undo->canUndo());
    QTRY_VERIFY_WITH_TIMEOUT(storedSite(QStringLiteral("UNDOTEA")).has_value(), 10000);
    QVERIFY(storedSite(QStringLiteral("UNDOTEA"))->isActive());
    const auto onMap = [&window] {
        return featureOf(
                   *window.layers()->layer(QStringLiteral("sites")), QStringLiteral("UNDOTEA"))
            >= 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(onMap(), 10000);

    undo->undo();
    QTRY_VERIFY_WITH_TIMEOUT(!storedSite(QStringLiteral("UNDOTEA"))->isActive(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!onMap(), 10000);

    undo->redo();
    QTRY_VERIFY_WITH_TIMEOUT(storedSite(QStringLiteral("UNDOTEA"))->isActive(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(onMap(), 10000);
    const Site back = *storedSite(QStringLiteral("UNDOTEA"));
    QCOMPARE(back.name, QStringLiteral("撤销茶园"));
    QVERIFY(qAbs(back.lon - place.x()) < 1e-9 && qAbs(back.lat - place.y()) < 1e-9);
}

void TestSiteWindow::draggedSiteMovesAndUndoPutsItBack()
{
    MainWindow window;
    QVERIFY(openOn(window));
    MapCanvas *canvas = window.canvas();
    auto layer = window.layers()->layer(QStringLiteral("sites"));
    const int farm = featureOf(*layer, QStringLiteral("MYFARM"));
    canvas->showFeature(QStringLiteral("sites"), farm);
    canvas->waitForRender();
    QTRY_VERIFY(!canvas->isRendering());
    canvas->waitForRender();
    const QPointF at
        = canvas->currentSettings().toPixel(layer->projected()->geometry().firstVertex(farm));
    QVERIFY(canvas->rect().contains(at.toPoint()));
    const QPointF to = at + QPointF(60, 25);
    const QPointF toLonLat = canvas->lonLatAt(to);

    QSignalSpy asked(canvas, &MapCanvas::siteMoveRequested);
    QMouseEvent press(QEvent::MouseButtonPress, at, canvas->mapToGlobal(at), Qt::LeftButton,
        Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &press);
    for (int step = 1; step <= 4; ++step) {
        const QPointF p = at + (to - at) * step / 4.0;
        QMouseEvent move(QEvent::MouseMove, p, canvas->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
            Qt::NoModifier);
        QApplication::sendEvent(canvas, &move);
    }
    QMouseEvent release(QEvent::MouseButtonRelease, to, canvas->mapToGlobal(to), Qt::LeftButton,
        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &release);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toString(), QStringLiteral("MYFARM"));

    const auto near = [](const Site &s, const QPointF &p) {
        return qAbs(s.lon - p.x()) < 1e-7 && qAbs(s.lat - p.y()) < 1e-7;
    };
    QTRY_VERIFY_WITH_TIMEOUT(near(*storedSite(QStringLiteral("MYFARM")), toLonLat), 10000);
    QUndoStack *undo = window.siteWorkspace()->undoStack();
    QCOMPARE(undo->count(), 1);
    undo->undo();
    QTRY_VERIFY_WITH_TIMEOUT(near(*storedSite(QStringLiteral("MYFARM")), mFarmAt), 10000);
    QCOMPARE(storedSite(QStringLiteral("MYFARM"))->county, mFarmCounty);
    // The map follows the store.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto l = window.layers()->layer(QStringLiteral("sites"));
            const int f = featureOf(*l, QStringLiteral("MYFARM"));
            return f >= 0 && l->lonLat().firstVertex(f) == mFarmAt;
        }(),
        10000);
    undo->redo();
    QTRY_VERIFY_WITH_TIMEOUT(near(*storedSite(QStringLiteral("MYFARM")), toLonLat), 10000);
}

void TestSiteWindow::samplesCannotBeDragged()
{
    MainWindow window;
    QVERIFY(openOn(window));
    SiteWorkspace *sites = window.siteWorkspace();
    QSignalSpy failed(sites, &SiteWorkspace::failed);
    QVERIFY(!sites->moveSite(
        mSamples.front().id, QPointF(mSamples.front().lon, mSamples.front().lat), mFarmAt));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(sites->undoStack()->count(), 0);
    // Outside Guizhou: refused, nothing written.
    QVERIFY(!sites->moveSite(QStringLiteral("MYFARM"), mFarmAt, QPointF(116.4, 39.9)));
    QCOMPARE(sites->undoStack()->count(), 0);
}

void TestSiteWindow::deviceAcceptedIntoChosenSite()
{
    MainWindow window;
    QVERIFY(openOn(window));
    SiteWorkspace *sites = window.siteWorkspace();
    QSignalSpy accepted(sites, &SiteWorkspace::devicesAccepted);
    // The tag's topic names a site the office never registered; it goes to MYFARM.
    const QString key = mFarmCounty + QStringLiteral("/OLDNAME/TAG9");
    sites->acceptDevicesIntoSite({ key }, QStringLiteral("MYFARM"));
    QVERIFY(accepted.wait(10000));
    QCOMPARE(accepted.first().at(0).toStringList(), QStringList { key });
    const Site farm = *storedSite(QStringLiteral("MYFARM"));
    QCOMPARE(int(farm.devices.size()), 1);
    QCOMPARE(farm.devices.front().id, QStringLiteral("TAG9"));
    // Its readings are stored as the farm's: the topic's key finds the farm's device.
    SqliteSensorStore sensors(mSpec.mid(7));
    QString error;
    QVERIFY2(sensors.open(&error), qPrintable(error));
    const auto heard = sensors.findDevice(key, &error);
    QVERIFY2(heard, qPrintable(error));
    QCOMPARE(heard, sensors.findDevice(mFarmCounty + QStringLiteral("/MYFARM/TAG9"), &error));
    // Only a registered site takes devices.
    QSignalSpy failed(sites, &SiteWorkspace::failed);
    sites->acceptDevicesIntoSite({ key }, mSamples.front().id);
    QCOMPARE(failed.count(), 1);
}

void TestSiteWindow::qualityPanelOffersAcceptIntoSite()
{
    DataQualityLog log;
    const QString key = QStringLiteral("520328/OLDNAME/TAG9");
    DataQualityPanel panel(
        &log,
        [key] {
            return QMap<QString, qint64> { { key, 3 } };
        },
        [] { return qint64(0); });
    panel.refresh();
    auto *button = qobject_cast<QPushButton *>(panel.quarantineTable()->cellWidget(0, 3));
    QVERIFY(button);
    QSignalSpy asked(&panel, &DataQualityPanel::acceptIntoSiteRequested);
    button->click();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toStringList(), QStringList { key });
}

QTEST_MAIN(TestSiteWindow)
#include "tst_sitewindow.moc"
