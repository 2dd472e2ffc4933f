// The alert workspace without a window: the list read on a worker, counts and markers, an
// acknowledgement written through, one notice per new critical alert; on both store backends.
// On PostgreSQL, what another dashboard changes shows by itself, and a lost server is said.
#include "testsupport.h"

#include "alertpanel.h"
#include "alertstore.h"
#include "alerttablemodel.h"
#include "alertworkspace.h"
#include "layerstack.h"
#include "storereader.h"
#include "testpostgres.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

class TestAlertWorkspace : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listCountsMarkersAcknowledgeNotify();
    void otherDashboardsChangesShowBySelf();

private:
    struct Site {
        int feature = -1;
        QString id;
        QString county;
    };
    // An alert that lasted its minimum duration (Raised then Activated) under a rule of the
    // given severity, or one that was resolved since.
    bool raise(
        AlertStore &store, quint64 episode, const Site &site, bool critical, bool resolved = false);
    int countyFeature(const QString &code) const;

    QTemporaryDir mDir;
    LayerStack mLayers;
    RuleBook mRules = RuleBook::defaults();
    int mCriticalRule = -1;
    int mWarningRule = -1;
    Site mFarm;
    Site mGarden; // another site of the same county
};

void TestAlertWorkspace::initTestCase()
{
    const QString error = dvtest::loadProvinceInto(mLayers);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (int r = 0; r < mRules.size(); ++r) {
        if (mRules.at(r).severity == AlertRule::Critical && mCriticalRule < 0)
            mCriticalRule = r;
        if (mRules.at(r).severity == AlertRule::Warning && mWarningRule < 0)
            mWarningRule = r;
    }
    QVERIFY(mCriticalRule >= 0 && mWarningRule >= 0);
    // Two sites of one county: its count adds up both.
    const auto sites = mLayers.layer(QStringLiteral("sites"));
    QVERIFY(sites);
    QHash<QString, int> firstOfCounty;
    for (int f = 0; f < sites->featureCount() && mGarden.feature < 0; ++f) {
        const QString county = sites->table().text(f, QStringLiteral("county_code"));
        if (const auto first = firstOfCounty.constFind(county); first != firstOfCounty.constEnd()) {
            mFarm = { *first, sites->table().text(*first, QStringLiteral("site_id")), county };
            mGarden = { f, sites->table().text(f, QStringLiteral("site_id")), county };
        } else {
            firstOfCounty.insert(county, f);
        }
    }
    QVERIFY(mGarden.feature >= 0 && countyFeature(mFarm.county) >= 0);
}

bool TestAlertWorkspace::raise(
    AlertStore &store, quint64 episode, const Site &site, bool critical, bool resolved)
{
    const qint64 t0 = 1764547200000 + qint64(episode) * 60000; // 2025-12-01, a minute apart
    const int rule = critical ? mCriticalRule : mWarningRule;
    std::vector<AlertTransition> steps;
    for (auto kind :
        { AlertTransition::Raised, AlertTransition::Activated, AlertTransition::Resolved }) {
        if (kind == AlertTransition::Resolved && !resolved)
            break;
        AlertTransition t;
        t.kind = kind;
        t.episode = episode;
        t.deviceKey = site.county + QLatin1Char('/') + site.id + QStringLiteral("/dev-1");
        t.rule = rule;
        t.ruleId = mRules.at(rule).id;
        t.metric = 1;
        t.episodeStart = t0;
        t.time = t0 + int(kind) * 1000;
        t.value = 41;
        steps.push_back(t);
    }
    QString error;
    const bool ok = store.record(steps, mRules, &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

int TestAlertWorkspace::countyFeature(const QString &code) const
{
    const auto counties = mLayers.layer(QStringLiteral("counties"));
    for (int f = 0; counties && f < counties->featureCount(); ++f) {
        if (counties->table().text(f, QStringLiteral("code")) == code)
            return f;
    }
    return -1;
}

void TestAlertWorkspace::listCountsMarkersAcknowledgeNotify()
{
    QString error;
    const QString spec = TestPostgres::freshStoreSpec(mDir, &error);
    QVERIFY2(!spec.isEmpty(), qPrintable(error));
    std::unique_ptr<AlertStore> store = AlertStore::create(spec, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(raise(*store, 1, mFarm, true));
    QVERIFY(raise(*store, 2, mGarden, false));
    QVERIFY(raise(*store, 3, mGarden, true, true)); // resolved: listed on request only

    StoreReader reader(spec);
    AlertWorkspace workspace(&reader, &mLayers);
    QSignalSpy notices(&workspace, &AlertWorkspace::criticalAlertsRaised);
    QSignalSpy counts(&workspace, &AlertWorkspace::countTextChanged);
    QSignalSpy reloaded(&workspace, &AlertWorkspace::reloaded);
    workspace.reload();
    // The list is read on the reader's thread: nothing is there before its answer.
    QVERIFY(!workspace.hasLoaded());
    QCOMPARE(workspace.model()->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(workspace.hasLoaded(), 10000);
    QCOMPARE(workspace.model()->rowCount(), 2);
    QCOMPARE(workspace.model()->openCount(true), 1);
    const auto rowOf = [&](quint64 episode) {
        for (int row = 0; row < workspace.model()->rowCount(); ++row) {
            if (workspace.model()->alertAt(row)->episode == episode)
                return row;
        }
        return -1;
    };
    // Names, not codes.
    QVERIFY(rowOf(2) >= 0);
    QCOMPARE(workspace.model()->index(rowOf(2), AlertTableModel::Site).data().toString(),
        mLayers.layer(QStringLiteral("sites"))
            ->table()
            .text(mGarden.feature, QStringLiteral("name")));

    // The status text: two active alerts, red because one is critical.
    QCOMPARE(counts.count(), 1);
    QVERIFY2(workspace.countText().contains(QStringLiteral("2 active alert")),
        qPrintable(workspace.countText()));
    QVERIFY(workspace.countText().contains(QStringLiteral("#c62828")));

    // A ring on each site (red where critical), the county's count of both.
    const AlertMarkers &markers = workspace.markers();
    QCOMPARE(markers.sites().size(), 2);
    QVERIFY(markers.sites().contains(AlertMarkers::Site { mFarm.feature, true }));
    QVERIFY(markers.sites().contains(AlertMarkers::Site { mGarden.feature, false }));
    QCOMPARE(markers.counties().size(), 1);
    QCOMPARE(markers.counties().first(),
        (AlertMarkers::County { countyFeature(mFarm.county), 2, true }));
    // The alerts open when the list was first read are no news.
    QCOMPARE(notices.count(), 0);

    // Acknowledged through the reader: the store has it, the list shows it.
    workspace.acknowledge(1, QStringLiteral("李明"), QStringLiteral("checked the sow"));
    const auto stateOfFirst = [&] {
        const int row = rowOf(1);
        return row < 0 ? QString()
                       : workspace.model()->index(row, AlertTableModel::State).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        stateOfFirst(), AlertTableModel::stateText(AlertRecord::Acknowledged), 10000);
    QCOMPARE(stateOfFirst(), QStringLiteral("Acknowledged"));
    AlertFilter one;
    one.deviceKeys = { mFarm.county + QLatin1Char('/') + mFarm.id + QStringLiteral("/dev-1") };
    const auto stored = store->alerts(one, &error);
    QVERIFY2(stored && stored->size() == 1, qPrintable(error));
    QCOMPARE(stored->front().state, AlertRecord::Acknowledged);
    QCOMPARE(stored->front().acknowledgedBy, QStringLiteral("李明"));
    QCOMPARE(stored->front().note, QStringLiteral("checked the sow"));
    QCOMPARE(workspace.model()->openCount(), 2); // acknowledged is still open
    // The status bar tells the one still waiting from the one in hand.
    QVERIFY2(workspace.countText().contains(QStringLiteral("1 unacknowledged"))
            && workspace.countText().contains(QStringLiteral("1 acknowledged")),
        qPrintable(workspace.countText()));
    // The acknowledge dialog names the place as officials do, not by codes.
    const AlertRecord *first = workspace.model()->alertAt(rowOf(1));
    QVERIFY(first);
    const QString place = workspace.model()->placeText(*first);
    QVERIFY2(!place.contains(mFarm.county) && !place.contains(mFarm.id), qPrintable(place));
    QVERIFY2(place.endsWith(QStringLiteral(" · dev-1")), qPrintable(place));

    // A new critical alert: one notice naming it, and no second one on the next read.
    QVERIFY(raise(*store, 4, mGarden, true));
    workspace.reload();
    QTRY_COMPARE_WITH_TIMEOUT(notices.count(), 1, 10000);
    const QStringList fresh = notices.first().first().toStringList();
    QCOMPARE(fresh.size(), 1);
    QVERIFY2(
        fresh.first().contains(mRules.at(mCriticalRule).name) && fresh.first().contains(mGarden.id),
        qPrintable(fresh.join(QLatin1Char('\n'))));
    QCOMPARE(workspace.model()->rowCount(), 3);
    QVERIFY(workspace.markers().sites().contains(AlertMarkers::Site { mGarden.feature, true }));
    QCOMPARE(workspace.markers().counties().first().count, 3);
    reloaded.clear();
    workspace.reload();
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 10000);
    QCOMPARE(notices.count(), 1);

    // "Show resolved" reads the history too; a resolved alert is no news either.
    workspace.panel()->setShowResolved(true);
    QTRY_COMPARE_WITH_TIMEOUT(workspace.model()->rowCount(), 4, 10000);
    QCOMPARE(notices.count(), 1);
    QCOMPARE(workspace.model()->openCount(), 3);
}

// Two dashboards on one server: an acknowledgement made at the other desk and a new alert its
// engine raised reach this list within two seconds without anyone reloading it; when the server
// drops the connection the window says so, keeps its list, and reads it again once back.
void TestAlertWorkspace::otherDashboardsChangesShowBySelf()
{
    QString error;
    QTemporaryDir own;
    const QString spec = TestPostgres::freshStoreSpec(own, &error);
    QVERIFY2(!spec.isEmpty(), qPrintable(error));
    std::unique_ptr<AlertStore> store = AlertStore::create(spec, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(raise(*store, 1, mFarm, true));

    StoreReader reader(spec);
    AlertWorkspace workspace(&reader, &mLayers);
    QSignalSpy live(&workspace, &AlertWorkspace::liveChanged);
    workspace.reload();
    QTRY_VERIFY_WITH_TIMEOUT(workspace.hasLoaded(), 10000);
    QCOMPARE(workspace.model()->rowCount(), 1);
    if (TestPostgres::backend() != QLatin1String("postgresql")) {
        // A SQLite file's one writer is this window's hub: nothing to listen to.
        QVERIFY(!workspace.isLive());
        QCOMPARE(live.count(), 0);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(workspace.isLive(), 10000);

    // The other desk: a store object of its own on the same server.
    std::unique_ptr<AlertStore> other = AlertStore::create(spec, &error);
    QVERIFY2(other, qPrintable(error));
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(other->acknowledge(1, QStringLiteral("王主任"), QString(), 1764550000000, &error),
        qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(workspace.model()->unacknowledgedCount(), 0, 2000);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    qInfo("another desk's acknowledgement shown after %lld ms", clock.elapsed());
    QCOMPARE(workspace.model()->alertAt(0)->acknowledgedBy, QStringLiteral("王主任"));

    clock.restart();
    QVERIFY(raise(*other, 2, mGarden, false));
    QTRY_COMPARE_WITH_TIMEOUT(workspace.model()->rowCount(), 2, 2000);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));

    // The server drops the listener (as a restart does): said, list kept, then back.
    QSignalSpy messages(&workspace, &AlertWorkspace::statusMessage);
    QVERIFY2(TestPostgres::exec(spec,
                 QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                "datname = current_database() AND query LIKE 'LISTEN%'"),
                 &error),
        qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!workspace.isLive(), 5000);
    QVERIFY(messages.count() >= 1);
    QVERIFY2(messages.first().first().toString().contains(QLatin1String("cannot be reached")),
        qPrintable(messages.first().first().toString()));
    QCOMPARE(messages.first().at(1).toInt(), 0); // stays until the server is back
    QCOMPARE(workspace.model()->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(workspace.isLive(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        messages.last().first().toString().contains(QLatin1String("back")), 5000);
    // Heard again from then on.
    QVERIFY(raise(*other, 3, mGarden, true));
    QTRY_COMPARE_WITH_TIMEOUT(workspace.model()->rowCount(), 3, 2000);
}

QTEST_MAIN(TestAlertWorkspace)
#include "tst_alertworkspace.moc"
