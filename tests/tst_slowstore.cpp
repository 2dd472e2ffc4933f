// The window on a store that answers in 300 ms, as a distant server would: a scripted browse
// (sites, chart ranges, the alert list, indicators and years) never queries the store on the
// GUI thread, so the window never waits for it.
#include "testsupportwindow.h"

#include "appsettings.h"
#include "delayedstorebackend.h"
#include "indicatorworkspace.h"
#include "sitepanel.h"
#include "stallmeter.h"
#include "storereader.h"
#include "windowbrowser.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

class TestSlowStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void browsingNeverQueriesOnTheGuiThread();

private:
    QTemporaryDir mDir;
};

void TestSlowStore::initTestCase()
{
    QVERIFY(mDir.isValid());
    DelayedStoreBackend::registerOnce(); // before any thread opens a store
    // A broker that never answers: no sample history is seeded and nothing is written, so the
    // store's time goes to the window's reads.
    AppSettings::setBrokerUrl(QStringLiteral("tcp://127.0.0.1:1"));
}

void TestSlowStore::cleanupTestCase()
{
    AppSettings::setBrokerUrl(QString());
}

void TestSlowStore::browsingNeverQueriesOnTheGuiThread()
{
    const QString path = mDir.filePath(QStringLiteral("slow.sqlite"));
    MainWindow window;
    QVERIFY(dvtest::openMainWindow(window));
    auto sites = window.layers()->layer(QStringLiteral("sites"));
    QVERIFY(sites);
    const QString seeded = dvtest::WindowBrowser::seedHistory(path, *sites, 3);
    QVERIFY2(seeded.isEmpty(), qPrintable(seeded));

    DelayedStoreBackend::resetCounts();
    const QString spec = QStringLiteral("slow:300:sqlite:") + path;
    dvtest::StallMeter meter;
    meter.start();
    window.startIndicators(spec);
    window.startSensors(spec);
    dvtest::WindowBrowser browser(window);
    QElapsedTimer browsing;
    browsing.start();
    while (browsing.elapsed() < 10000) {
        browser.step();
        QTest::qWait(300);
    }
    meter.stop();
    // The answers came: the browse was not against a store that never opened.
    auto *panel = window.findChild<SitePanel *>();
    QVERIFY(panel);
    QVERIFY(DelayedStoreBackend::callCount() > 20);
    QVERIFY(window.indicators() && window.indicators()->isReady());
    // The deterministic check: not one store call ran on the GUI thread.
    QVERIFY2(DelayedStoreBackend::guiThreadCallCount() == 0,
        qPrintable(DelayedStoreBackend::guiThreadCalls().join(QLatin1String(", "))));
    // For the log only (a busy CI box stalls for its own reasons): the benchmark reports these.
    qInfo("%d steps; longest stall %.1f ms, 99th percentile %.1f ms over %d ticks", browser.steps(),
        meter.longest(), meter.percentile(99), meter.samples());
    window.close();
}

QTEST_MAIN(TestSlowStore)
#include "tst_slowstore.moc"
