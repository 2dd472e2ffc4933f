// Settings › Sample data in the window beyond the map: the samples' alerts leave the list, the
// markers, the count and the county summary while hidden, and the simulator stops feeding them.
#include "testsupportwindow.h"

#include "alertevaluator.h"
#include "alertmarkers.h"
#include "alertstore.h"
#include "alerttablemodel.h"
#include "alertworkspace.h"
#include "appsettings.h"
#include "countysummary.h"
#include "featureinfopanel.h"
#include "feedstatuslabel.h"
#include "layerstack.h"
#include "overviewsource.h"
#include "rulebook.h"
#include "samplesites.h"
#include "sensorhub.h"
#include "sensorworkspace.h"
#include "simulatorfeed.h"
#include "sitelayerbuilder.h"
#include "siteworkspace.h"
#include "sqlitesitestore.h"

#include <QAction>
#include <QDateTime>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

class TestSampleVisibility : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void registeredIdIsNeverASample();
    void hiddenSamplesAlertsLeaveListMarkersAndCount();
    void overviewCountsFollowTheSampleSetting();
    void simulatorPausesWhileSamplesHidden();
    void simulatorHiddenFromTheStartWaitsForTheSamples();
    void brokerFeedIgnoresTheSampleSetting();

private:
    // A store with the office's own farm MYFARM and an open critical alert at it and at the
    // sample site mSample (of another county).
    QString storeWithAlerts();
    bool raise(AlertStore &store, quint64 episode, const QString &deviceKey);
    // A sites layer of one sample tea garden: 90 days of its history seed in a moment.
    bool addTeaGarden(LayerStack &layers);
    static int featureOf(const VectorLayer &layer, const QString &field, const QString &value);
    static QStringList listedKeys(const AlertWorkspace &alerts);
    static QString paused(SensorWorkspace &sensors);

    QTemporaryDir mDir;
    std::vector<Site> mSamples;
    Site mSample;
    QString mFarmCounty;
    QPointF mFarmAt;
};

void TestSampleVisibility::initTestCase()
{
    QString error;
    auto samples = SampleSites::loadBundled(&error);
    QVERIFY2(samples && !samples->empty(), qPrintable(error));
    mSamples = *samples;
    // The farm beside the first sample; the sample with the alert in another county, so the
    // county badges tell the two apart.
    mFarmAt = QPointF(mSamples.front().lon + 0.002, mSamples.front().lat + 0.002);
    mFarmCounty = mSamples.front().county;
    const auto other = std::find_if(mSamples.begin(), mSamples.end(), [this](const Site &s) {
        return s.county != mFarmCounty && s.type == QLatin1String("tea_garden");
    });
    QVERIFY(other != mSamples.end());
    mSample = *other;
}

void TestSampleVisibility::init()
{
    // Until the user chooses, a store with real sites starts with the samples hidden.
    QSettings().remove(QStringLiteral("data/sampleShown"));
    AppSettings::setBrokerUrl(QString());
}

void TestSampleVisibility::cleanup()
{
    AppSettings::setBrokerUrl(QString());
}

QString TestSampleVisibility::storeWithAlerts()
{
    static int n = 0;
    const QString path = mDir.filePath(QStringLiteral("alerts%1.sqlite").arg(++n));
    SqliteSiteStore sites(path);
    QString error;
    if (!sites.open(&error))
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
    if (!sites.saveSites({ farm }, SiteRevision::Kind::Import, QStringLiteral("test"), &error))
        qFatal("%s", qPrintable(error));
    const QString spec = QStringLiteral("sqlite:") + path;
    auto alerts = AlertStore::create(spec, &error);
    if (!alerts)
        qFatal("%s", qPrintable(error));
    if (!raise(*alerts, 1, mFarmCounty + QStringLiteral("/MYFARM/tag-0001"))
        || !raise(*alerts, 2,
            mSample.county + QLatin1Char('/') + mSample.id + QStringLiteral("/station-1")))
        qFatal("alerts not recorded");
    return spec;
}

bool TestSampleVisibility::raise(AlertStore &store, quint64 episode, const QString &deviceKey)
{
    const RuleBook rules = RuleBook::defaults();
    int rule = 0;
    while (rule < rules.size() && rules.at(rule).severity != AlertRule::Critical)
        ++rule;
    if (rule == rules.size())
        return false;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3600000 + qint64(episode) * 60000;
    std::vector<AlertTransition> steps;
    for (auto kind : { AlertTransition::Raised, AlertTransition::Activated }) {
        AlertTransition t;
        t.kind = kind;
        t.episode = episode;
        t.deviceKey = deviceKey;
        t.rule = rule;
        t.ruleId = rules.at(rule).id;
        t.metric = 1;
        t.episodeStart = t0;
        t.time = t0 + int(kind) * 1000;
        t.value = 41;
        steps.push_back(t);
    }
    QString error;
    const bool ok = store.record(steps, rules, &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

bool TestSampleVisibility::addTeaGarden(LayerStack &layers)
{
    QString error;
    const QString loaded = dvtest::loadProvinceInto(layers);
    if (!loaded.isEmpty()) {
        qWarning() << loaded;
        return false;
    }
    layers.removeLayer(QStringLiteral("sites"));
    return layers.addLayer(SiteLayerBuilder::build({ mSample }, {}), &error);
}

int TestSampleVisibility::featureOf(
    const VectorLayer &layer, const QString &field, const QString &value)
{
    for (int f = 0; f < layer.featureCount(); ++f) {
        if (layer.table().text(f, field) == value)
            return f;
    }
    return -1;
}

QStringList TestSampleVisibility::listedKeys(const AlertWorkspace &alerts)
{
    QStringList keys;
    for (const AlertRecord &a : alerts.model()->alerts())
        keys << a.deviceKey;
    keys.sort();
    return keys;
}

QString TestSampleVisibility::paused(SensorWorkspace &sensors)
{
    return sensors.feedStatus()->describe(QDateTime::currentMSecsSinceEpoch());
}

void TestSampleVisibility::registeredIdIsNeverASample()
{
    // The office registered a site under a sample's id: it is the office's, and its alerts
    // show with the samples hidden, as the site shows on the map.
    const QString path = mDir.filePath(QStringLiteral("taken.sqlite"));
    {
        SqliteSiteStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        Site own = mSample;
        own.source = Site::Source::Imported;
        QVERIFY2(
            store.saveSites({ own }, SiteRevision::Kind::Import, QStringLiteral("test"), &error),
            qPrintable(error));
    }
    LayerStack layers;
    QCOMPARE(dvtest::loadProvinceInto(layers), QString());
    SiteWorkspace sites(&layers);
    QSignalSpy changed(&sites, &SiteWorkspace::sitesChanged);
    sites.start(QStringLiteral("sqlite:") + path);
    QVERIFY(changed.wait(20000));
    QVERIFY(sites.isLoaded());
    const SiteVisibility visibility = sites.visibility();
    QVERIFY(!visibility.samplesShown());
    QVERIFY(!visibility.isSample(mSample.id));
    QVERIFY(visibility.showsDeviceKey(
        mSample.county + QLatin1Char('/') + mSample.id + QStringLiteral("/x")));
    QVERIFY(visibility.isSample(mSamples.front().id));
    QVERIFY(!visibility.showsSite(mSamples.front().id));
}

void TestSampleVisibility::hiddenSamplesAlertsLeaveListMarkersAndCount()
{
    // A broker (unreachable) instead of the simulator: no sample history to seed first.
    AppSettings::setBrokerUrl(QStringLiteral("tcp://127.0.0.1:1"));
    const QString spec = storeWithAlerts();
    const QString farmKey = mFarmCounty + QStringLiteral("/MYFARM/tag-0001");
    const QString sampleKey
        = mSample.county + QLatin1Char('/') + mSample.id + QStringLiteral("/station-1");

    MainWindow window;
    QVERIFY(dvtest::openMainWindow(window));
    QSignalSpy sitesChanged(window.siteWorkspace(), &SiteWorkspace::sitesChanged);
    window.startSensors(spec);
    QTRY_VERIFY_WITH_TIMEOUT(window.alerts() && window.siteWorkspace()->isLoaded(), 20000);
    AlertWorkspace *alerts = window.alerts();
    QSignalSpy critical(alerts, &AlertWorkspace::criticalAlertsRaised);
    const auto counties = window.layers()->layer(QStringLiteral("counties"));
    const int farmCounty = featureOf(*counties, QStringLiteral("code"), mFarmCounty);
    const int sampleCounty = featureOf(*counties, QStringLiteral("code"), mSample.county);
    QVERIFY(farmCounty >= 0 && sampleCounty >= 0);
    const auto countyFeatures = [&] {
        QList<int> features;
        for (const AlertMarkers::County &c : alerts->markers().counties())
            features << c.feature;
        std::sort(features.begin(), features.end());
        return features;
    };
    const auto ringAt = [&](const QString &siteId) {
        const auto sites = window.layers()->layer(QStringLiteral("sites"));
        const int feature = featureOf(*sites, QStringLiteral("site_id"), siteId);
        return feature >= 0
            && std::any_of(alerts->markers().sites().begin(), alerts->markers().sites().end(),
                [feature](const AlertMarkers::Site &s) { return s.feature == feature; });
    };
    // The county summary of the sample's county counts its warnings by the same rule.
    CountySummary *summary = window.infoPanel()->summary();
    summary->setAlertReader(window.sensorWorkspace()->reader());
    summary->showCounty(
        *counties, sampleCounty, window.layers()->layer(QStringLiteral("sites")).get());

    // The store holds real sites: samples hidden, and with them their alert.
    QVERIFY(!window.siteWorkspace()->samplesShown());
    QTRY_COMPARE_WITH_TIMEOUT(listedKeys(*alerts), QStringList { farmKey }, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(ringAt(QStringLiteral("MYFARM")), 20000);
    QCOMPARE(alerts->markers().sites().size(), 1);
    QCOMPARE(countyFeatures(), QList<int> { farmCounty });
    QVERIFY(alerts->countText().contains(QStringLiteral("1 active alert")));
    QTRY_VERIFY_WITH_TIMEOUT(summary->warnings() && summary->warnings()->open == 0, 10000);
    // The list names the office's site as the registry does, not by its id.
    QCOMPARE(alerts->model()->index(0, AlertTableModel::Site).data().toString(),
        QStringLiteral("测试养殖场"));

    // Shown: both alerts, both rings, both counties, and the count says two.
    sitesChanged.clear();
    window.sampleDataAction()->trigger();
    QVERIFY(window.siteWorkspace()->samplesShown());
    QStringList both { farmKey, sampleKey };
    both.sort();
    QCOMPARE(listedKeys(*alerts), both);
    QVERIFY(alerts->countText().contains(QStringLiteral("2 active alert")));
    QTRY_VERIFY_WITH_TIMEOUT(ringAt(mSample.id) && ringAt(QStringLiteral("MYFARM")), 20000);
    QCOMPARE(alerts->markers().sites().size(), 2);
    QCOMPARE(countyFeatures(),
        QList<int>({ std::min(farmCounty, sampleCounty), std::max(farmCounty, sampleCounty) }));
    QTRY_VERIFY_WITH_TIMEOUT(summary->warnings() && summary->warnings()->open == 1, 10000);
    // Alerts open all along are no news when they show again.
    QCOMPARE(critical.count(), 0);

    // Hidden again: only the office's own.
    window.sampleDataAction()->trigger();
    QCOMPARE(listedKeys(*alerts), QStringList { farmKey });
    QCOMPARE(countyFeatures(), QList<int> { farmCounty });
    QVERIFY(alerts->countText().contains(QStringLiteral("1 active alert")));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.layers()->layer(QStringLiteral("sites"))->featureCount() == 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(ringAt(QStringLiteral("MYFARM")), 20000);
    QCOMPARE(alerts->markers().sites().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(summary->warnings() && summary->warnings()->open == 0, 10000);
    QCOMPARE(critical.count(), 0);
}

// The overview (desk panel and wall) counts what the map shows: the sample's critical alert
// leaves the count while samples are hidden and comes back when they are shown.
void TestSampleVisibility::overviewCountsFollowTheSampleSetting()
{
    const QString spec = storeWithAlerts();
    LayerStack layers;
    QCOMPARE(dvtest::loadProvinceInto(layers), QString());
    SiteWorkspace sites(&layers);
    QSignalSpy changed(&sites, &SiteWorkspace::sitesChanged);
    sites.start(spec);
    QVERIFY(changed.wait(20000));
    QVERIFY(sites.isLoaded());
    QVERIFY(!sites.samplesShown());

    OverviewSource overview(spec);
    overview.followSites(&sites, &layers);
    const auto critical = [&overview] {
        const auto &f = overview.figures().figure(OverviewFigures::CriticalWarnings);
        return overview.hasFigures() && f.available ? int(f.value) : -1;
    };
    QVERIFY(!overview.siteVisibility().samplesShown());
    QTRY_COMPARE_WITH_TIMEOUT(critical(), 1, 20000);

    sites.setSamplesShown(true);
    QVERIFY(overview.siteVisibility().samplesShown());
    QTRY_COMPARE_WITH_TIMEOUT(critical(), 2, 20000);

    sites.setSamplesShown(false);
    QTRY_COMPARE_WITH_TIMEOUT(critical(), 1, 20000);
}

void TestSampleVisibility::simulatorPausesWhileSamplesHidden()
{
    LayerStack layers;
    QVERIFY(addTeaGarden(layers));
    SensorWorkspace sensors(&layers);
    QSignalSpy started(&sensors, &SensorWorkspace::started);
    sensors.start(QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("sim.sqlite")));
    QCOMPARE(started.count(), 1);
    SensorHub *hub = sensors.hub();
    auto *simulator = qobject_cast<SimulatorFeed *>(hub->feed());
    QVERIFY(simulator);
    simulator->setIntervalMs(50); // before it begins: live messages without waiting a minute
    QTRY_VERIFY_WITH_TIMEOUT(!hub->isSeeding() && simulator->messagesReceived() > 2, 30000);
    QVERIFY(!paused(sensors).contains(QStringLiteral("paused")));

    // Hidden: the feed stops and the status line says why.
    sensors.setSamplesShown(false);
    QVERIFY(hub->isSimulatorPaused());
    QCOMPARE(simulator->state(), SensorFeed::State::Stopped);
    QVERIFY(paused(sensors).contains(QStringLiteral("paused: sample data is hidden")));
    QVERIFY(!paused(sensors).contains(QStringLiteral("not connected")));
    const qint64 before = simulator->messagesReceived();
    QTest::qWait(300); // six intervals: none of them may bring a message
    QCOMPARE(simulator->messagesReceived(), before);

    // Shown: it goes on (a gap of a moment seeds nothing).
    sensors.setSamplesShown(true);
    QVERIFY(!hub->isSimulatorPaused());
    QCOMPARE(simulator->state(), SensorFeed::State::Simulating);
    QVERIFY(!hub->isSeeding());
    QTRY_VERIFY_WITH_TIMEOUT(simulator->messagesReceived() > before + 2, 10000);
    QVERIFY(!paused(sensors).contains(QStringLiteral("paused")));
}

void TestSampleVisibility::simulatorHiddenFromTheStartWaitsForTheSamples()
{
    LayerStack layers;
    QVERIFY(addTeaGarden(layers));
    SensorWorkspace sensors(&layers);
    sensors.setSamplesShown(false); // as a store with real sites starts
    sensors.start(QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("hidden.sqlite")));
    SensorHub *hub = sensors.hub();
    QSignalSpy seeded(hub, &SensorHub::seedFinished);
    auto *simulator = qobject_cast<SimulatorFeed *>(hub->feed());
    QVERIFY(simulator);
    QVERIFY(hub->isSimulatorPaused());
    QVERIFY(!hub->isSeeding()); // no sample history while the samples are hidden
    QCOMPARE(simulator->state(), SensorFeed::State::Stopped);
    QVERIFY(paused(sensors).contains(QStringLiteral("paused: sample data is hidden")));

    // Shown: the 90 days of history are seeded then, once the store has answered.
    sensors.setSamplesShown(true);
    QCOMPARE(simulator->state(), SensorFeed::State::Simulating);
    QVERIFY(seeded.wait(30000));
    QVERIFY(!hub->isSeeding());
    QVERIFY(!paused(sensors).contains(QStringLiteral("paused")));
}

void TestSampleVisibility::brokerFeedIgnoresTheSampleSetting()
{
    AppSettings::setBrokerUrl(QStringLiteral("tcp://127.0.0.1:1"));
    LayerStack layers;
    QVERIFY(addTeaGarden(layers));
    SensorWorkspace sensors(&layers);
    sensors.start(QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("broker.sqlite")));
    SensorHub *hub = sensors.hub();
    QVERIFY(!qobject_cast<SimulatorFeed *>(hub->feed()));
    const SensorFeed::State state = hub->feed()->state();
    sensors.setSamplesShown(false);
    QVERIFY(!hub->isSimulatorPaused());
    QCOMPARE(hub->feed()->state(), state);
    QVERIFY(!paused(sensors).contains(QStringLiteral("paused")));
}

QTEST_MAIN(TestSampleVisibility)
#include "tst_samplevisibility.moc"
