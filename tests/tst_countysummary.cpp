// A county selected on the map: its sites by type, open warnings and key indicators with rank,
// read off the GUI thread, and links to the lists behind them.
#include "testsupportwindow.h"

#include "alertpanel.h"
#include "alertstore.h"
#include "alertworkspace.h"
#include "appsettings.h"
#include "countydirectory.h"
#include "countyprofile.h"
#include "countysummary.h"
#include "featureinfopanel.h"
#include "indicatorstore.h"
#include "indicatorworkspace.h"
#include "mapcanvas.h"
#include "rulebook.h"
#include "storereader.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

namespace {

const QString kMeitan = QStringLiteral("520328"); // 湄潭县, tea country

} // namespace

class TestCountySummary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void summaryOfACounty();
    void linksOpenTheListsBehind();

private:
    // An open alert on a site of the county: critical or a warning, acknowledged or not.
    bool raise(AlertStore &store, quint64 episode, const QString &siteId, const QString &county,
        bool critical, bool acknowledged);
    int feature(const QString &layerId, const QString &field, const QString &value) const;

    QTemporaryDir mDir;
    QString mSpec;
    LayerStack mLayers;
    RuleBook mRules = RuleBook::defaults();
    QString mSiteOfMeitan;
    QMap<QString, int> mMeitanSites;
};

void TestCountySummary::initTestCase()
{
    QVERIFY(mDir.isValid());
    mSpec = QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("store.sqlite"));
    const QString error = dvtest::loadProvinceInto(mLayers);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto sites = mLayers.layer(QStringLiteral("sites"));
    for (int f = 0; f < sites->featureCount(); ++f) {
        if (sites->table().text(f, QStringLiteral("county_code")) != kMeitan)
            continue;
        ++mMeitanSites[sites->table().text(f, QStringLiteral("type"))];
        if (mSiteOfMeitan.isEmpty())
            mSiteOfMeitan = sites->table().text(f, QStringLiteral("site_id"));
    }
    QVERIFY(mMeitanSites.value(QStringLiteral("tea_garden")) > 0);

    // Three open alerts in 湄潭县 (one critical, one of them acknowledged), one in another
    // county, one resolved: the summary counts the three.
    QString e;
    auto alerts = AlertStore::create(mSpec, &e);
    QVERIFY2(alerts, qPrintable(e));
    QVERIFY(raise(*alerts, 1, mSiteOfMeitan, kMeitan, true, false));
    QVERIFY(raise(*alerts, 2, mSiteOfMeitan, kMeitan, false, false));
    QVERIFY(raise(*alerts, 3, mSiteOfMeitan, kMeitan, false, true));
    QVERIFY(raise(*alerts, 4, QStringLiteral("P0006"), QStringLiteral("520281"), true, false));
    auto indicators = IndicatorStore::create(mSpec, &e);
    QVERIFY2(indicators, qPrintable(e));
    QVERIFY2(indicators->ensureSampleData(&e), qPrintable(e));
}

bool TestCountySummary::raise(AlertStore &store, quint64 episode, const QString &siteId,
    const QString &county, bool critical, bool acknowledged)
{
    int rule = -1;
    for (int r = 0; r < mRules.size() && rule < 0; ++r) {
        if ((mRules.at(r).severity == AlertRule::Critical) == critical)
            rule = r;
    }
    const qint64 t0 = 1764547200000 + qint64(episode) * 60000;
    std::vector<AlertTransition> steps;
    for (auto kind : { AlertTransition::Raised, AlertTransition::Activated }) {
        AlertTransition t;
        t.kind = kind;
        t.episode = episode;
        t.deviceKey = county + QLatin1Char('/') + siteId + QStringLiteral("/dev-1");
        t.rule = rule;
        t.ruleId = mRules.at(rule).id;
        t.metric = 1;
        t.episodeStart = t0;
        t.time = t0 + int(kind) * 1000;
        t.value = 41;
        steps.push_back(t);
    }
    QString error;
    if (!store.record(steps, mRules, &error))
        return false;
    return !acknowledged
        || store.acknowledge(episode, QStringLiteral("李明"), QString(), t0 + 5000, &error);
}

int TestCountySummary::feature(
    const QString &layerId, const QString &field, const QString &value) const
{
    const auto layer = mLayers.layer(layerId);
    for (int f = 0; layer && f < layer->featureCount(); ++f) {
        if (layer->table().text(f, field) == value)
            return f;
    }
    return -1;
}

// The official's questions about 湄潭县 answered in one place: how many tea gardens, pig farms
// and clinics; how many warnings are open, how many critical, how many nobody has taken in hand;
// where the county stands on the digital-village index. The figures come from the stores on
// the reader's thread: the summary is shown at once and fills when they come.
void TestCountySummary::summaryOfACounty()
{
    QString error;
    const auto directory = CountyDirectory::loadBundled(&error);
    QVERIFY2(directory, qPrintable(error));
    StoreReader reader(mSpec);
    CountySummary summary;
    summary.setAlertReader(&reader);
    summary.setIndicatorReader(&reader, *directory);
    const int county = feature(QStringLiteral("counties"), QStringLiteral("code"), kMeitan);
    QVERIFY(county >= 0);
    summary.showCounty(*mLayers.layer(QStringLiteral("counties")), county,
        mLayers.layer(QStringLiteral("sites")).get());
    // Nothing read on this thread: the answers are still to come.
    QVERIFY(summary.isLoading());
    QVERIFY(!summary.warnings());
    QCOMPARE(summary.sitesByType(), mMeitanSites);
    QTRY_VERIFY_WITH_TIMEOUT(!summary.isLoading(), 20000);

    QVERIFY(summary.warnings());
    QCOMPARE(summary.warnings()->open, 3);
    QCOMPARE(summary.warnings()->critical, 1);
    QCOMPARE(summary.warnings()->unacknowledged, 2);
    QVERIFY(summary.indicators() && !summary.indicators()->empty());
    const CountyProfile::Row &index = summary.indicators()->front();
    QVERIFY(index.indicatorId.isEmpty()); // the composite index comes first
    QVERIFY(index.rank >= 1 && index.rank <= 88);
    QCOMPARE(index.ranked, 88);

    const QString text = summary.text();
    for (const char *href : { "href=\"sites\"", "href=\"alerts\"", "href=\"indicators\"" })
        QVERIFY2(text.contains(QLatin1String(href)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("rank %1 of 88").arg(index.rank)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Open warnings: 3")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1 critical"))
            && text.contains(QStringLiteral("2 unacknowledged")),
        qPrintable(text));
    QVERIFY2(
        text.contains(
            QStringLiteral("Tea garden: %1").arg(mMeitanSites.value(QStringLiteral("tea_garden"))))
            || text.contains(QStringLiteral("Tea gardens: %1")
                                 .arg(mMeitanSites.value(QStringLiteral("tea_garden")))),
        qPrintable(text));

    QSignalSpy alerts(&summary, &CountySummary::alertsRequested);
    summary.activateLink(QStringLiteral("alerts"));
    QCOMPARE(alerts.count(), 1);
    QCOMPARE(alerts.first().at(0).toString(), kMeitan);
    QCOMPARE(alerts.first().at(1).toString(), QStringLiteral("湄潭县"));
}

// In the window: selecting the county on the map shows its summary in the Selection dock, and
// its links open the alert list filtered to the county, the county's indicator profile, and
// the county's sites on the map.
void TestCountySummary::linksOpenTheListsBehind()
{
    AppSettings::setBrokerUrl(QStringLiteral("tcp://127.0.0.1:1")); // no seeding
    MainWindow window;
    QVERIFY(dvtest::openMainWindow(window));
    window.startIndicators(mSpec);
    window.startSensors(mSpec);
    QVERIFY(window.alerts() && window.indicators());
    const int county = feature(QStringLiteral("counties"), QStringLiteral("code"), kMeitan);
    emit window.canvas()->featureClicked(QStringLiteral("counties"), county);
    CountySummary *summary = window.infoPanel()->summary();
    QVERIFY(summary->isVisible());
    QCOMPARE(summary->countyCode(), kMeitan);
    QTRY_VERIFY_WITH_TIMEOUT(
        !summary->isLoading() && summary->warnings() && summary->indicators(), 20000);
    QCOMPARE(summary->warnings()->open, 3);

    summary->activateLink(QStringLiteral("alerts"));
    auto *alertDock = window.findChild<QDockWidget *>(QStringLiteral("alertsDock"));
    QVERIFY(alertDock && alertDock->isVisible());
    AlertPanel *panel = window.alerts()->panel();
    QCOMPARE(panel->findChild<QLineEdit *>()->text(), QStringLiteral("湄潭县"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->visibleRows(), 3, 10000);

    summary->activateLink(QStringLiteral("indicators"));
    QDockWidget *tables = window.indicators()->tablesDock();
    QVERIFY(tables->isVisible());
    QCOMPARE(window.indicators()->profile()->county(), kMeitan);
    QCOMPARE(tables->findChild<QTabWidget *>()->currentWidget(), window.indicators()->profile());

    summary->activateLink(QStringLiteral("sites"));
    const auto sites = mLayers.layer(QStringLiteral("sites"));
    QRectF extent;
    for (int f = 0; f < sites->featureCount(); ++f) {
        if (sites->table().text(f, QStringLiteral("county_code")) == kMeitan) {
            const QPointF p
                = window.layers()->layer(QStringLiteral("sites"))->projected()->anchor(f);
            extent = extent.isNull() ? QRectF(p, QSizeF(1e-9, 1e-9))
                                     : extent.united(QRectF(p, QSizeF(1e-9, 1e-9)));
        }
    }
    const double before = window.canvas()->currentSettings().mapUnitsPerPixel();
    QTRY_VERIFY_WITH_TIMEOUT(
        window.canvas()->currentSettings().mapUnitsPerPixel() < before / 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.canvas()->currentSettings().visibleExtent().contains(extent), 5000);
    AppSettings::setBrokerUrl(QString());
}

QTEST_MAIN(TestCountySummary)
#include "tst_countysummary.moc"
