// The site panel: sows judged against their own normal, charts per range, live, gaps, overlay;
// all read through a StoreReader, so the tests wait for its answers.
#include "testsupport.h"

#include "alertstore.h"
#include "alerttablemodel.h"
#include "delayedstorebackend.h"
#include "metriccatalogue.h"
#include "sensorchart.h"
#include "sitepanel.h"
#include "sowtablemodel.h"
#include "sqlitesensorstore.h"
#include "storereader.h"
#include "timeunits.h"

#include <QDateTime>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

namespace {

constexpr int kBody = 8;
constexpr int kAir = 1;

// Readings of one series every `step` over [from, to), value(t).
std::vector<Reading> series(quint32 device, int metric, qint64 from, qint64 to, qint64 step,
    const std::function<double(qint64)> &value)
{
    std::vector<Reading> out;
    for (qint64 t = from; t < to; t += step)
        out.push_back(dvtest::reading(device, metric, t, value(t)));
    return out;
}

int firstSiteOfType(const VectorLayer &sites, const QString &type)
{
    for (int f = 0; f < sites.featureCount(); ++f) {
        if (sites.table().text(f, QStringLiteral("type")) == type)
            return f;
    }
    return -1;
}

QString devicePrefix(const VectorLayer &sites, int f)
{
    return sites.table().text(f, QStringLiteral("county_code")) + QLatin1Char('/')
        + sites.table().text(f, QStringLiteral("site_id")) + QLatin1Char('/');
}

} // namespace

class TestSitePanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sowsJudgedAgainstTheirOwnNormal();
    void pigFarmPanelListsSowsAndChartsOne();
    void rangesAndLive();
    void gapsStayGaps();
    void pinnedSeriesOverlay();
    void alertsMarkedOnTheChart();
    void slowStoreNeverBlocksAndNewestWins();

private:
    // Until every request the panel made (and those its answers made) is answered.
    bool settle()
    {
        return QTest::qWaitFor([this] { return mReader->isIdle(); }, 20000);
    }

    QTemporaryDir mDir;
    std::unique_ptr<SqliteSensorStore> mStore; // the test's own, to write
    std::unique_ptr<StoreReader> mReader; // the panel's, on the same file
    LayerStack mLayers;
    std::shared_ptr<VectorLayer> mSites;
    qint64 mNow = 0;
};

void TestSitePanel::initTestCase()
{
    QVERIFY(mDir.isValid());
    DelayedStoreBackend::registerOnce(); // before any reader's thread opens a store
    QVERIFY2(dvtest::loadProvinceInto(mLayers).isEmpty(), "province");
    mSites = mLayers.layer(QStringLiteral("sites"));
    QVERIFY(mSites);
    mStore = std::make_unique<SqliteSensorStore>(mDir.filePath(QStringLiteral("s.sqlite")));
    QString error;
    QVERIFY2(mStore->open(&error), qPrintable(error));
    mReader = std::make_unique<StoreReader>(
        QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("s.sqlite")));
    mNow = QDateTime::currentMSecsSinceEpoch() / kMinuteMs * kMinuteMs;
}

void TestSitePanel::sowsJudgedAgainstTheirOwnNormal()
{
    QString error;
    std::vector<DeviceEntry> tags;
    // (baseline, latest value, minutes since the latest, latest is a sensor fault)
    const struct {
        double baseline;
        double latest;
        qint64 ago;
        bool fault;
        SowTableModel::SowStatus expected;
    } sows[] = {
        { 38.3, 39.1, 1, false, SowTableModel::Raised }, // +0.8 over her own 38.3
        { 38.9, 39.1, 1, false, SowTableModel::Normal }, // the same 39.1 is normal for her
        { 38.5, 40.1, 1, false, SowTableModel::Fever },
        { 38.6, 38.6, 120, false, SowTableModel::NoData }, // silent for two hours
        { 38.6, 44.9, 1, true, SowTableModel::SensorFault },
    };
    for (int i = 0; i < 5; ++i) {
        const QString key = QStringLiteral("520000/PJUDGE/tag-%1").arg(i);
        const quint32 id = *mStore->deviceId(key, &error);
        tags.push_back({ id, key });
        const qint64 last = mNow - sows[i].ago * kMinuteMs;
        auto readings = series(id, kBody, mNow - 7 * kDayMs, last, 10 * kMinuteMs,
            [b = sows[i].baseline](qint64) { return b; });
        Reading latest = dvtest::reading(id, kBody, last, sows[i].latest);
        latest.sensorFault = sows[i].fault;
        readings.push_back(latest);
        QVERIFY2(mStore->write(readings, &error), qPrintable(error));
    }
    SowTableModel model;
    QVERIFY2(model.load(*mStore, tags, mNow, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(model.sows()[std::size_t(i)].status, sows[i].expected);
        QCOMPARE(model.index(i, SowTableModel::Status).data().toString(),
            SowTableModel::statusText(sows[i].expected));
    }
    QVERIFY(qAbs(model.index(0, 0).data(SowTableModel::BaselineRole).toDouble() - 38.3) < 0.01);
    QCOMPARE(model.index(0, SowTableModel::EarTag).data().toString(), QStringLiteral("tag-0"));
    // The sparkline holds the last 24 hours, hour by hour.
    const auto spark = model.index(0, SowTableModel::LastDay)
                           .data(SowTableModel::SparklineRole)
                           .value<QList<double>>();
    QVERIFY2(spark.size() >= 23 && spark.size() <= 25, qPrintable(QString::number(spark.size())));

    // The alert list says "critical · sow fever" for tag-1 while her latest reading is normal
    // for her: the table must not call her Normal. A resolved alert changes nothing.
    AlertRecord fever;
    fever.deviceKey = tags[1].key;
    fever.metric = kBody;
    fever.critical = true;
    fever.state = AlertRecord::Acknowledged;
    fever.ruleName = QStringLiteral("Sow fever (absolute ceiling)");
    AlertRecord over = fever;
    over.deviceKey = tags[0].key;
    over.state = AlertRecord::Resolved;
    model.setOpenAlerts({ fever, over });
    QCOMPARE(model.sows()[1].status, SowTableModel::Fever);
    QVERIFY(
        model.index(1, SowTableModel::Status).data().toString().contains(QLatin1String("alert")));
    QVERIFY(model.index(1, SowTableModel::Status)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(fever.ruleName));
    QCOMPARE(model.sows()[0].status, SowTableModel::Raised);
    model.setOpenAlerts({});
    QCOMPARE(model.sows()[1].status, SowTableModel::Normal);
}

void TestSitePanel::pigFarmPanelListsSowsAndChartsOne()
{
    const int farm = firstSiteOfType(*mSites, QStringLiteral("pig_farm"));
    QVERIFY(farm >= 0);
    QString error;
    for (int i = 1; i <= 3; ++i) {
        const quint32 id = *mStore->deviceId(
            devicePrefix(*mSites, farm) + QStringLiteral("tag-%1").arg(i, 4, 10, QLatin1Char('0')),
            &error);
        QVERIFY2(mStore->write(series(id, kBody, mNow - 8 * kDayMs, mNow, 10 * kMinuteMs,
                                   [i](qint64) { return 38.2 + 0.2 * i; }),
                     &error),
            qPrintable(error));
    }
    SitePanel panel;
    panel.resize(1000, 400);
    panel.setReader(mReader.get());
    panel.showSite(*mSites, farm);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.siteType(), QStringLiteral("pig_farm"));
    QVERIFY(settle());
    QVERIFY(!panel.isLoading());
    QCOMPARE(panel.sowModel()->rowCount(), 3);
    // The herd first: one line per sow.
    QCOMPARE(panel.chart()->series().size(), 3);
    panel.selectSow(1);
    QVERIFY(settle());
    QCOMPARE(panel.chart()->series().size(), 1);
    QVERIFY(panel.chart()->series().first().label.endsWith(QStringLiteral("tag-0002")));
    QVERIFY(!panel.chart()->series().first().buckets.empty());
    QVERIFY(qAbs(panel.chart()->series().first().buckets.back().mean - 38.6) < 0.01);
}

void TestSitePanel::rangesAndLive()
{
    const int garden = firstSiteOfType(*mSites, QStringLiteral("tea_garden"));
    QString error;
    const quint32 id
        = *mStore->deviceId(devicePrefix(*mSites, garden) + QStringLiteral("station-1"), &error);
    QVERIFY2(
        mStore->write(series(id, kAir, mNow - 40 * kDayMs, mNow - 2 * kMinuteMs, 10 * kMinuteMs,
                          [](qint64 t) { return 15 + 5 * std::sin(double(t) / kDayMs); }),
            &error),
        qPrintable(error));
    SitePanel panel;
    panel.resize(1000, 400);
    panel.setReader(mReader.get());
    panel.showSite(*mSites, garden);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.metric(), kAir);
    QVERIFY(settle());

    const struct {
        SitePanel::Range range;
        qint64 span;
    } ranges[] = { { SitePanel::Range::Day, kDayMs }, { SitePanel::Range::Week, 7 * kDayMs },
        { SitePanel::Range::Month, 30 * kDayMs }, { SitePanel::Range::Year, 365 * kDayMs } };
    for (const auto &r : ranges) {
        panel.setRange(r.range);
        QVERIFY(settle());
        const qint64 span = panel.chart()->visibleTo() - panel.chart()->visibleFrom();
        QVERIFY2(qAbs(span - r.span) < kMinuteMs, qPrintable(QString::number(span)));
        QVERIFY(!panel.chart()->isLive());
        QVERIFY(!panel.chart()->series().first().buckets.empty());
        // Never more buckets than pixels: the store folds, the GUI does not.
        QVERIFY(int(panel.chart()->series().first().buckets.size())
            <= std::max(50, panel.chart()->plotPixelWidth()));
    }
    panel.setCustomRange(mNow - 3 * kDayMs, mNow - 2 * kDayMs);
    QVERIFY(settle());
    QVERIFY(qAbs(panel.chart()->visibleFrom() - (mNow - 3 * kDayMs)) < kMinuteMs);

    // Live: the last 15 minutes, then what is committed next appears.
    panel.setRange(SitePanel::Range::Live);
    QVERIFY(panel.chart()->isLive());
    QCOMPARE(panel.chart()->liveWindow(), SitePanel::kLiveWindowMs);
    auto points = [&panel] {
        QVector<QPointF> all;
        for (int s = 0; s < panel.chart()->segmentCount(0); ++s)
            all += panel.chart()->meanPoints(0, s);
        return all;
    };
    // A live chart draws new readings on its next frame, within a second.
    QTRY_VERIFY_WITH_TIMEOUT(points().size() >= 1, 3000);
    const auto before = points();
    QVERIFY2(mStore->write(
                 { dvtest::reading(id, kAir, QDateTime::currentMSecsSinceEpoch(), 21.5) }, &error),
        qPrintable(error));
    // The panel looks at most once a second: ask again until it has looked.
    QTRY_COMPARE_WITH_TIMEOUT((panel.refreshLive(), points().size()), before.size() + 1, 5000);
    QCOMPARE(points().last().y(), 21.5);
}

void TestSitePanel::gapsStayGaps()
{
    const int clinic = firstSiteOfType(*mSites, QStringLiteral("clinic"));
    QString error;
    const quint32 id
        = *mStore->deviceId(devicePrefix(*mSites, clinic) + QStringLiteral("terminal"), &error);
    const int online = MetricCatalogue::byName(QStringLiteral("terminal_online"))->id;
    // Reporting, six silent hours, reporting again.
    auto readings = series(id, online, mNow - 20 * kHourMs, mNow - 12 * kHourMs, 10 * kMinuteMs,
        [](qint64) { return 1; });
    const auto later
        = series(id, online, mNow - 6 * kHourMs, mNow, 10 * kMinuteMs, [](qint64) { return 1; });
    readings.insert(readings.end(), later.begin(), later.end());
    QVERIFY2(mStore->write(readings, &error), qPrintable(error));
    SitePanel panel;
    panel.resize(1000, 400);
    panel.setReader(mReader.get());
    panel.showSite(*mSites, clinic);
    panel.setRange(SitePanel::Range::Day);
    QVERIFY(settle());
    QCOMPARE(panel.metric(), online);
    QCOMPARE(panel.chart()->segmentCount(0), 2);
}

void TestSitePanel::pinnedSeriesOverlay()
{
    SitePanel panel;
    panel.resize(1000, 400);
    panel.setReader(mReader.get());
    const int garden = firstSiteOfType(*mSites, QStringLiteral("tea_garden"));
    panel.showSite(*mSites, garden);
    panel.setRange(SitePanel::Range::Week);
    QVERIFY(settle());
    QCOMPARE(panel.chart()->series().size(), 1);
    panel.pinCurrentSeries();
    // A second garden: its own series plus the pinned one, for comparison.
    int other = -1;
    for (int f = garden + 1; f < mSites->featureCount() && other < 0; ++f) {
        if (mSites->table().text(f, QStringLiteral("type")) == QLatin1String("tea_garden"))
            other = f;
    }
    QString error;
    const quint32 id
        = *mStore->deviceId(devicePrefix(*mSites, other) + QStringLiteral("station-1"), &error);
    QVERIFY2(mStore->write(series(id, kAir, mNow - 2 * kDayMs, mNow, 10 * kMinuteMs,
                               [](qint64) { return 9.0; }),
                 &error),
        qPrintable(error));
    panel.showSite(*mSites, other);
    QVERIFY(settle());
    QCOMPARE(panel.chart()->series().size(), 2);
    panel.clearPinned();
    QVERIFY(settle());
    QCOMPARE(panel.chart()->series().size(), 1);
}

// The chart shades the shown device's alerts of the shown metric, read from the alert store.
void TestSitePanel::alertsMarkedOnTheChart()
{
    const int garden = firstSiteOfType(*mSites, QStringLiteral("tea_garden"));
    int other = -1;
    for (int f = garden + 1; f < mSites->featureCount() && other < 0; ++f) {
        if (mSites->table().text(f, QStringLiteral("type")) == QLatin1String("tea_garden"))
            other = f;
    }
    const QString station = devicePrefix(*mSites, garden) + QStringLiteral("station-1");
    const QString elsewhere = devicePrefix(*mSites, other) + QStringLiteral("station-1");
    const qint64 from = mNow - 10 * kHourMs;
    QString error;
    auto alerts = AlertStore::create(
        QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("s.sqlite")), &error);
    QVERIFY2(alerts, qPrintable(error));
    const RuleBook rules = RuleBook::defaults();
    // An alert of the air temperature two hours long; one of another metric; one elsewhere.
    auto step = [&](AlertTransition::Kind kind, quint64 episode, const QString &key, int metric,
                    qint64 time) {
        AlertTransition t;
        t.kind = kind;
        t.episode = episode;
        t.deviceKey = key;
        t.rule = 0;
        t.ruleId = rules.at(0).id;
        t.metric = metric;
        t.episodeStart = from;
        t.time = time;
        t.value = 1;
        return t;
    };
    for (const auto &[episode, key, metric] :
        { std::make_tuple(quint64(901), station, kAir), std::make_tuple(quint64(902), station, 5),
            std::make_tuple(quint64(903), elsewhere, kAir) }) {
        QVERIFY2(
            alerts->record(
                { step(AlertTransition::Raised, episode, key, metric, from),
                    step(AlertTransition::Activated, episode, key, metric, from + kMinuteMs),
                    step(AlertTransition::Resolved, episode, key, metric, from + 2 * kHourMs) },
                rules, &error),
            qPrintable(error));
    }

    SitePanel panel;
    panel.resize(1000, 400);
    panel.setReader(mReader.get());
    panel.showSite(*mSites, garden);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setRange(SitePanel::Range::Day);
    QVERIFY(settle());
    const QVector<QRectF> rects = panel.chart()->markedSpanRects();
    QCOMPARE(rects.size(), 1);
    // Two hours of a 24-hour axis: a twelfth of the plot's width.
    const double ratio = rects.first().width() / panel.chart()->plotPixelWidth();
    QVERIFY2(qAbs(ratio - 1.0 / 12) < 0.01, qPrintable(QString::number(ratio)));
    // A span outside the visible range is not drawn.
    panel.setCustomRange(mNow - 40 * kDayMs, mNow - 30 * kDayMs);
    QVERIFY(settle());
    QVERIFY(panel.chart()->markedSpanRects().isEmpty());

    // The shading's colour and label, as the window shows them.
    AlertRecord open;
    open.ruleName = QStringLiteral("Frost");
    open.critical = true;
    open.metric = kAir;
    open.state = AlertRecord::Active;
    open.raisedAt = from;
    AlertRecord stale = open;
    stale.metric = 0; // a stale alert shades every metric
    stale.critical = false;
    stale.state = AlertRecord::Resolved;
    stale.resolvedAt = from + kHourMs;
    AlertRecord otherMetric = open;
    otherMetric.metric = 5;
    const QVector<MarkedSpan> spans
        = SitePanel::alertSpans({ open, stale, otherMetric }, kAir, mNow);
    QCOMPARE(spans.size(), 2);
    QCOMPARE(spans[0].to, mNow); // open: up to now
    QCOMPARE(spans[0].colour, QColor(0xd3, 0x2f, 0x2f));
    QCOMPARE(spans[0].label,
        QStringLiteral("Frost · ") + AlertTableModel::stateText(AlertRecord::Active));
    QCOMPARE(spans[1].to, from + kHourMs);
    QCOMPARE(spans[1].colour, QColor(0xef, 0x6c, 0x00));
}

// On a store that answers in 200 ms the panel never waits: every call returns at once, the
// store is never queried on the GUI thread, and of quick range changes the last one is shown.
void TestSitePanel::slowStoreNeverBlocksAndNewestWins()
{
    DelayedStoreBackend::resetCounts();
    StoreReader slow(
        QStringLiteral("slow:200:sqlite:") + mDir.filePath(QStringLiteral("s.sqlite")));
    SitePanel panel;
    panel.resize(1000, 400);
    panel.setReader(&slow);
    const int garden = firstSiteOfType(*mSites, QStringLiteral("tea_garden"));
    panel.showSite(*mSites, garden);
    QVERIFY(panel.isLoading());
    QVERIFY(panel.chart()->series().isEmpty()); // not the previous site's curve meanwhile
    QVERIFY(QTest::qWaitFor([&] { return slow.isIdle(); }, 20000));
    QVERIFY(!panel.isLoading());
    QCOMPARE(panel.chart()->series().size(), 1);
    for (SitePanel::Range r :
        { SitePanel::Range::Week, SitePanel::Range::Month, SitePanel::Range::Year }) {
        panel.setRange(r);
        QVERIFY(panel.isLoading());
    }
    QVERIFY(QTest::qWaitFor([&] { return slow.isIdle(); }, 20000));
    const qint64 span = panel.chart()->visibleTo() - panel.chart()->visibleFrom();
    QVERIFY2(qAbs(span - 365 * kDayMs) < kMinuteMs, qPrintable(QString::number(span)));
    QVERIFY(!panel.chart()->series().first().buckets.empty());
    QVERIFY(DelayedStoreBackend::callCount() > 0);
    QVERIFY2(DelayedStoreBackend::guiThreadCallCount() == 0,
        qPrintable(DelayedStoreBackend::guiThreadCalls().join(QLatin1String(", "))));
}

QTEST_MAIN(TestSitePanel)
#include "tst_sitepanel.moc"
