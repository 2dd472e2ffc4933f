// Sites…: the registered sites' table with its filters, an edit saved as a revision, and a
// site retired from the manager leaving the map.
#include "testsupportwindow.h"

#include "layerstack.h"
#include "siteeditdialog.h"
#include "sitemanagerdialog.h"
#include "sitetablemodel.h"
#include "siteworkspace.h"
#include "sqlitesitestore.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace dv;

class TestSiteManager : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void filtersNarrowTheTable();
    void editIsSavedAsRevision();
    void retireFromManager();

private:
    std::optional<Site> storedSite(const QString &id);
    int revisionCount();
    bool openOn(MainWindow &window);
    static bool onMap(MainWindow &window, const QString &id);

    QTemporaryDir mDir;
    QString mPath;
};

namespace {

Site site(const QString &id, const QString &type, const QString &name, const QString &county,
    double lon, double lat)
{
    Site s;
    s.id = id;
    s.type = type;
    s.name = name;
    s.county = county;
    s.lon = lon;
    s.lat = lat;
    s.source = Site::Source::Imported;
    return s;
}

} // namespace

void TestSiteManager::initTestCase()
{
    QSettings().remove(QStringLiteral("data/sampleShown"));
    mPath = mDir.filePath(QStringLiteral("manager.sqlite"));
    SqliteSiteStore store(mPath);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    // 湄潭县 (520328) and 南明区 (520102).
    const std::vector<Site> sites {
        site(QStringLiteral("FARM1"), QStringLiteral("pig_farm"), QStringLiteral("兴隆养殖场"),
            QStringLiteral("520328"), 107.4650, 27.7490),
        site(QStringLiteral("TEA1"), QStringLiteral("tea_garden"), QStringLiteral("云雾茶园"),
            QStringLiteral("520328"), 107.4900, 27.7700),
        site(QStringLiteral("CLINIC1"), QStringLiteral("clinic"), QStringLiteral("花溪卫生室"),
            QStringLiteral("520102"), 106.7130, 26.5770),
    };
    QVERIFY2(store.saveSites(sites, SiteRevision::Kind::Import, QStringLiteral("test"), &error),
        qPrintable(error));
}

std::optional<Site> TestSiteManager::storedSite(const QString &id)
{
    SqliteSiteStore store(mPath);
    QString error;
    if (!store.open(&error))
        return std::nullopt;
    const auto s = store.site(id, &error);
    return s ? *s : std::nullopt;
}

int TestSiteManager::revisionCount()
{
    SqliteSiteStore store(mPath);
    QString error;
    if (!store.open(&error))
        return -1;
    return int(store.revisions(&error).value_or(std::vector<SiteRevision>()).size());
}

bool TestSiteManager::openOn(MainWindow &window)
{
    if (!dvtest::openMainWindow(window))
        return false;
    window.siteWorkspace()->start(QStringLiteral("sqlite:") + mPath);
    QSignalSpy changed(window.siteWorkspace(), &SiteWorkspace::sitesChanged);
    return changed.wait(20000) && window.siteWorkspace()->isLoaded();
}

bool TestSiteManager::onMap(MainWindow &window, const QString &id)
{
    const auto layer = window.layers()->layer(QStringLiteral("sites"));
    for (int f = 0; layer && f < layer->featureCount(); ++f) {
        if (layer->table().text(f, QStringLiteral("site_id")) == id)
            return true;
    }
    return false;
}

void TestSiteManager::filtersNarrowTheTable()
{
    MainWindow window;
    QVERIFY(openOn(window));
    SiteManagerDialog *manager = window.siteWorkspace()->showManager(&window);
    QVERIFY(manager->isVisible());
    QCOMPARE(manager->model()->rowCount(), 3);
    // The county list holds the counties the sites are in, by name.
    QCOMPARE(manager->countyFilter()->count(), 3);
    manager->countyFilter()->setCurrentIndex(
        manager->countyFilter()->findData(QStringLiteral("520328")));
    QCOMPARE(manager->model()->rowCount(), 2);
    QVERIFY(manager->countyFilter()->currentText().contains(QStringLiteral("湄潭")));
    manager->typeFilter()->setCurrentIndex(
        manager->typeFilter()->findData(QStringLiteral("tea_garden")));
    QCOMPARE(manager->model()->rowCount(), 1);
    QCOMPARE(manager->model()->siteAt(0)->id, QStringLiteral("TEA1"));
    manager->typeFilter()->setCurrentIndex(0);
    manager->countyFilter()->setCurrentIndex(0);
    manager->textFilter()->setText(QStringLiteral("卫生室"));
    QCOMPARE(manager->model()->rowCount(), 1);
    QCOMPARE(manager->model()->siteAt(0)->id, QStringLiteral("CLINIC1"));
    manager->textFilter()->clear();
    QCOMPARE(manager->model()->rowCount(), 3);
    // Nothing selected: nothing to edit or retire.
    QVERIFY(!manager->editButton()->isEnabled());
    QVERIFY(!manager->retireButton()->isEnabled());
}

void TestSiteManager::editIsSavedAsRevision()
{
    MainWindow window;
    QVERIFY(openOn(window));
    SiteManagerDialog *manager = window.siteWorkspace()->showManager(&window);
    const int revisions = revisionCount();
    manager->selectSite(QStringLiteral("TEA1"));
    QVERIFY(manager->editButton()->isEnabled());
    manager->editButton()->click();
    auto *edit = manager->findChild<SiteEditDialog *>(QStringLiteral("siteEditDialog"));
    QVERIFY(edit);
    QVERIFY(edit->idEdit()->isReadOnly());
    edit->nameEdit()->setText(QStringLiteral("云雾贡茶园"));
    edit->townshipEdit()->setText(QStringLiteral("永兴镇"));
    edit->attributeEdit(QStringLiteral("area_mu"))->setText(QStringLiteral("300"));
    edit->attributeEdit(QStringLiteral("variety"))->setText(QStringLiteral("湄潭翠芽"));
    edit->contactEdit()->setText(QStringLiteral("0851-1234567"));
    edit->accept();
    QTRY_COMPARE_WITH_TIMEOUT(
        storedSite(QStringLiteral("TEA1"))->name, QStringLiteral("云雾贡茶园"), 10000);
    const Site tea = *storedSite(QStringLiteral("TEA1"));
    QCOMPARE(tea.township, QStringLiteral("永兴镇"));
    QCOMPARE(tea.contact, QStringLiteral("0851-1234567"));
    QCOMPARE(tea.attributes.value(QStringLiteral("area_mu")).toDouble(), 300.0);
    QCOMPARE(
        tea.attributes.value(QStringLiteral("variety")).toString(), QStringLiteral("湄潭翠芽"));
    QCOMPARE(revisionCount(), revisions + 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        manager->messageLabel()->text().contains(QStringLiteral("TEA1")), 10000);
    // The table shows the new name once the registry is read again.
    QTRY_COMPARE_WITH_TIMEOUT(
        manager->model()
            ->data(manager->model()->index(
                manager->model()->rowOf(QStringLiteral("TEA1")), SiteTableModel::Name))
            .toString(),
        QStringLiteral("云雾贡茶园"), 10000);
}

void TestSiteManager::retireFromManager()
{
    MainWindow window;
    QVERIFY(openOn(window));
    QVERIFY(onMap(window, QStringLiteral("FARM1")));
    SiteManagerDialog *manager = window.siteWorkspace()->showManager(&window);
    manager->selectSite(QStringLiteral("FARM1"));
    QVERIFY(manager->retireButton()->isEnabled());
    // The confirmation is answered Yes.
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box)
            box->button(QMessageBox::Yes)->click();
    });
    manager->retireButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(
        storedSite(QStringLiteral("FARM1"))->status, Site::Status::Retired, 10000);
    // Off the map and out of the active list; still there among the retired.
    QTRY_VERIFY_WITH_TIMEOUT(!onMap(window, QStringLiteral("FARM1")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(manager->model()->rowOf(QStringLiteral("FARM1")), -1, 10000);
    manager->statusFilter()->setCurrentIndex(1); // Retired
    QVERIFY(manager->model()->rowOf(QStringLiteral("FARM1")) >= 0);
    manager->selectSite(QStringLiteral("FARM1"));
    QVERIFY(!manager->retireButton()->isEnabled());
}

QTEST_MAIN(TestSiteManager)
#include "tst_sitemanager.moc"
