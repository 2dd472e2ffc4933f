// The window's live data: seeded history, the simulator feeding the store, the site panel,
// the status bar and the data-quality view, and a clean stop that loses nothing.
#include "testsupportwindow.h"

#include "alertpanel.h"
#include "alerttablemodel.h"
#include "alertworkspace.h"
#include "appsettings.h"
#include "choroplethcontrols.h"
#include "choroplethstyle.h"
#include "dataqualitylog.h"
#include "dataqualitypanel.h"
#include "feedstatuslabel.h"
#include "indicatortableview.h"
#include "indicatorworkspace.h"
#include "mapcanvas.h"
#include "sensorchart.h"
#include "sensorfeed.h"
#include "sensorhub.h"
#include "sensorworkspace.h"
#include "sensorwriter.h"
#include "simulatorfeed.h"
#include "sitepanel.h"
#include "sowtablemodel.h"
#include "sqlitesensorstore.h"

#include <QDockWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

class TestSensorWindow : public QObject {
    Q_OBJECT

private slots:
    void init();
    void firstStartSeedsAndFeedsTheSitePanel();
    void unreachableBrokerNeverFreezesTheWindow();
    void statusTextSaysHowFreshTheDataIs();
    void indicatorsInTheWindow();

private:
    QTemporaryDir mDir;
};

void TestSensorWindow::init()
{
    AppSettings::setBrokerUrl(QString());
}

void TestSensorWindow::firstStartSeedsAndFeedsTheSitePanel()
{
    const QString path = mDir.filePath(QStringLiteral("window.sqlite"));
    qint64 stored = 0;
    {
        MainWindow window;
        QVERIFY(dvtest::openMainWindow(window));
        QSignalSpy started(&window, &MainWindow::sensorsStarted);
        window.startSensors(QStringLiteral("sqlite:") + path);
        QCOMPARE(started.count(), 1);
        SensorHub *hub = window.sensors();
        QVERIFY(hub->isSeeding());
        QCOMPARE(hub->feed()->state(), SensorFeed::State::Simulating);
        QSignalSpy seeded(hub, &SensorHub::seedFinished);
        // The window answers while 90 days are written behind it.
        QElapsedTimer responsive;
        responsive.start();
        QTest::qWait(50);
        QVERIFY(responsive.elapsed() < 1000);
        // The county indicators in the same file, asked while the history is being written
        // (the window asks once the map is loaded): the sample goes in on this first start.
        QTRY_VERIFY_WITH_TIMEOUT(hub->writer()->storedCount() > 1000000, 60000);
        window.startIndicators(QStringLiteral("sqlite:") + path);
        QVERIFY(window.indicators());
        QTRY_VERIFY_WITH_TIMEOUT(
            window.indicators()->table()->view()->model()->rowCount() == 98
                || window.statusBar()->currentMessage().contains(QStringLiteral("cannot be shown")),
            30000);
        QVERIFY2(window.indicators()->table()->view()->model()->rowCount() == 98,
            qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(seeded.count() == 1 || seeded.wait(120000));

        // A pig farm chosen on the map: the sensors dock opens with its sows.
        auto sites = window.layers()->layer(QStringLiteral("sites"));
        int farm = -1;
        for (int f = 0; f < sites->featureCount() && farm < 0; ++f) {
            if (sites->table().text(f, QStringLiteral("type")) == QLatin1String("pig_farm"))
                farm = f;
        }
        emit window.canvas()->featureClicked(QStringLiteral("sites"), farm);
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("sensorsDock"));
        QVERIFY(dock && dock->isVisible());
        SitePanel *panel = window.sensorWorkspace()->sitePanel();
        QCOMPARE(panel->siteType(), QStringLiteral("pig_farm"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->sowModel()->rowCount() > 0, 10000);
        for (const auto &sow : panel->sowModel()->sows()) {
            QVERIFY(!std::isnan(sow.baseline)); // a week of history behind every sow
            QVERIFY2(sow.lastDay.size() >= 23, qPrintable(QString::number(sow.lastDay.size())));
        }
        panel->setRange(SitePanel::Range::Month);
        // The chart is read on the panel's reader: the month's series come a moment later.
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isLoading(), 10000);
        QCOMPARE(panel->chart()->series().size(), panel->sowModel()->rowCount());
        QVERIFY(panel->chart()->series().first().buckets.size() > 100);
        // Live 15 min on a fresh start: the last quarter hour from the store, a reading a
        // minute, not the minute since the window opened (seeded history was 10 minutes apart).
        panel->setRange(SitePanel::Range::Live);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->chart()->series().isEmpty()
                && panel->chart()->series().first().buckets.size() >= 13,
            10000);
        {
            const auto &live = panel->chart()->series().first().buckets;
            const qint64 spanMs = live.back().start - live.front().start;
            QVERIFY2(spanMs >= 12 * 60 * 1000, qPrintable(QString::number(spanMs)));
        }

        // The status bar names the simulator; the data-quality view lists no problems.
        FeedStatusLabel *status = window.sensorWorkspace()->feedStatus();
        QVERIFY2(status->text().contains(QStringLiteral("simulator")), qPrintable(status->text()));
        QVERIFY(window.sensorWorkspace()->qualityPanel());
        QCOMPARE(hub->quality()->total(), 0);
        QVERIFY(hub->writer()->quarantined().isEmpty());
        // Ninety days of sample history hold fevers and outages: their alerts are listed,
        // resolved ones on request (read on the reader's thread, so a moment later).
        QVERIFY(window.alerts());
        window.alerts()->panel()->setShowResolved(true);
        QTRY_VERIFY_WITH_TIMEOUT(window.alerts()->model()->rowCount() > 10, 10000);
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("alertsDock")));
        window.close(); // stops the feed, commits what it delivered
        stored = hub->writer()->storedCount();
        QCOMPARE(hub->writer()->queuedReadings(), qint64(0));
    }
    // About 8 million readings: 1,100 devices, hourly for 83 days, every 10 minutes for 7.
    QVERIFY2(stored > 6000000 && stored < 10000000, qPrintable(QString::number(stored)));
    SqliteSensorStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const auto devices = store.devices(QString(), &error);
    QVERIFY2(devices, qPrintable(error));
    QVERIFY(devices->size() > 1000);
    const auto newest = store.newestTimestamp(&error);
    QVERIFY(newest && QDateTime::currentMSecsSinceEpoch() - *newest < 15 * 60 * 1000);
}

void TestSensorWindow::unreachableBrokerNeverFreezesTheWindow()
{
    AppSettings::setBrokerUrl(QStringLiteral("tcp://127.0.0.1:1"));
    MainWindow window;
    QVERIFY(dvtest::openMainWindow(window));
    QElapsedTimer starting;
    starting.start();
    window.startSensors(QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("broker.sqlite")));
    QVERIFY2(starting.elapsed() < 1000, "connecting happens off the GUI thread");
    SensorHub *hub = window.sensors();
    QVERIFY(!hub->isSeeding()); // a real broker: no sample history mixed into real data
    QSignalSpy changed(hub->quality(), &DataQualityLog::changed);
    QVERIFY(changed.wait(10000));
    QCOMPARE(hub->quality()->count(DataQualityLog::BrokerProblem), qint64(1));
    const DataProblem &problem = hub->quality()->recent().front();
    QVERIFY2(problem.issue.message.contains(QStringLiteral("tcp://127.0.0.1:1")),
        qPrintable(problem.issue.message));
    QVERIFY(hub->feed()->state() != SensorFeed::State::Connected);
    FeedStatusLabel *status = window.sensorWorkspace()->feedStatus();
    QVERIFY2(status->text().contains(QStringLiteral("tcp://127.0.0.1:1")),
        qPrintable(status->text()));
    window.close();
    AppSettings::setBrokerUrl(QString());
}

void TestSensorWindow::statusTextSaysHowFreshTheDataIs()
{
    QCOMPARE(FeedStatusLabel::ageText(4000), QStringLiteral("4 s ago"));
    QCOMPARE(FeedStatusLabel::ageText(3 * 60000 + 5000), QStringLiteral("3 min ago"));
    QCOMPARE(FeedStatusLabel::ageText(5 * 3600000LL), QStringLiteral("5 h ago"));
    QCOMPARE(FeedStatusLabel::ageText(3 * 86400000LL), QStringLiteral("3 days ago"));
    FeedStatusLabel label;
    QCOMPARE(label.describe(0), QStringLiteral("No data source"));
}

// A first start shows the sample indicators: the table with every county and the aggregates,
// and an indicator chosen in the panel colours the map.
void TestSensorWindow::indicatorsInTheWindow()
{
    MainWindow window;
    QVERIFY(dvtest::openMainWindow(window));
    window.startIndicators(QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("ind.sqlite")));
    QVERIFY(window.indicators() && window.indicators()->reader());
    // The sample is written and read in the background: the views fill when it is done.
    // 88 counties, 9 prefectures, the province.
    QTRY_COMPARE_WITH_TIMEOUT(window.indicators()->table()->view()->model()->rowCount(), 98, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.indicators()->controls()->years().isEmpty(), 10000);
    QVERIFY(!window.canvas()->choropleth());
    window.indicators()->controls()->setCurrentIndicator(QStringLiteral("internet_penetration"));
    QTRY_VERIFY_WITH_TIMEOUT(window.canvas()->choropleth(), 10000);
    QCOMPARE(window.canvas()->choropleth()->year(), 2025);
    QVERIFY(!window.canvas()->choropleth()->values().isEmpty());
}

QTEST_MAIN(TestSensorWindow)
#include "tst_sensorwindow.moc"
