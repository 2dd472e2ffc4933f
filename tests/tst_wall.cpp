// The wall screen: text geometry at 1080p and 4K, the rotation and its interruption by a critical
// warning, following screens that come and go, the settings file, the presenter's keys.
#include "testsupportwindow.h"

#include "alertrecord.h"
#include "chinatime.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "overviewpanel.h"
#include "overviewsource.h"
#include "vectorlayer.h"
#include "screenprovider.h"
#include "timeunits.h"
#include "wallcontroller.h"
#include "wallrotation.h"
#include "wallscene.h"
#include "wallsettings.h"
#include "walltheme.h"
#include "wallview.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QLabel>
#include <QToolButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

namespace {

// A test double for the system's screens: plug and unplug projectors at will.
class FakeScreens : public ScreenProvider {
public:
    QList<QRect> screens;
    QList<QRect> geometries() const override { return screens; }
    QScreen *screen(int) const override { return nullptr; }
    void change(const QList<QRect> &now)
    {
        screens = now;
        emit screensChanged();
    }
};

const qint64 kNow = ChinaTime::toUtcMs(QDate(2026, 12, 1), QTime(10, 0));

WallContent richContent(const QString &view)
{
    WallContent c;
    c.view = view;
    c.page = 2;
    c.pages = 4;
    c.title = QStringLiteral("贵州数字乡村 · Guizhou Digital Village");
    c.now = kNow;
    c.newestReading = kNow - 30 * kMinuteMs; // stale: the longer red text
    c.focusName = QStringLiteral("黔东南苗族侗族自治州");
    for (int k = 0; k < OverviewFigures::KeyCount; ++k) {
        auto &f = c.figures.figure(OverviewFigures::Key(k));
        f.available = k != OverviewFigures::DigitalVillageRank;
        f.value = 123456.78;
        f.previous = 120000;
        f.decimals = 2;
        f.unit = QStringLiteral("亿元");
        f.reason = QStringLiteral("The province is not ranked, and this reason is long on purpose");
    }
    for (int i = 0; i < 40; ++i) {
        WallContent::Warning w;
        w.episode = quint64(i + 1);
        w.time = QStringLiteral("12-01 09:%1").arg(i % 60, 2, 10, QLatin1Char('0'));
        w.place = QStringLiteral("三都水族自治县 · 周覃镇某某村某某生猪养殖合作社第%1号场").arg(i);
        w.rule = QStringLiteral("Sow fever (above her own normal), a rather long rule name");
        w.value = QStringLiteral("40.25 °C");
        w.critical = i % 3 == 0;
        w.acknowledged = i % 4 == 0;
        c.warnings.push_back(w);
    }
    c.interrupt = c.warnings.front();
    c.interruptRemainingMs = 299000;
    c.rankingYear = 2025;
    for (int i = 0; i < 88; ++i)
        c.ranking.push_back({ i + 1, QStringLiteral("黔南布依族苗族自治州%1县").arg(i), 90.0 - i * 0.8, i == 7 });
    for (int i = 0; i < 4; ++i) {
        WallContent::Chart chart;
        chart.title = QStringLiteral("湄潭县 · 茶园 %1 · Air temperature").arg(i);
        chart.from = kNow - kDayMs;
        chart.to = kNow;
        chart.series.unit = QStringLiteral("°C");
        for (int b = 0; b < 240; ++b) {
            HistoryBucket bucket;
            bucket.start = chart.from + b * 6 * kMinuteMs;
            bucket.min = bucket.max = bucket.mean = bucket.first = bucket.last = 10 + std::sin(b / 20.0);
            bucket.count = 1;
            chart.series.buckets.push_back(bucket);
        }
        c.charts.push_back(chart);
    }
    c.interruptChart = c.charts.front();
    return c;
}

AlertRecord criticalAlert(quint64 episode, qint64 activated, AlertRecord::State state)
{
    AlertRecord a;
    a.episode = episode;
    a.ruleId = QStringLiteral("sow_fever_ceiling");
    a.ruleName = QStringLiteral("Sow fever (absolute ceiling)");
    a.critical = true;
    a.deviceKey = QStringLiteral("520328/P0001/tag-7");
    a.metric = 8;
    a.state = state;
    a.raisedAt = activated - 30 * kMinuteMs;
    a.activatedAt = activated;
    a.value = 40.4;
    return a;
}

} // namespace

class TestWall : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void textGeometry_data();
    void textGeometry();
    void emptyViewsSayWhy();
    void rankingKeepsTheFocusCounty();
    void rotationOrder();
    void interruptAndTimeout();
    void controllerInterruptsOnNewCritical();
    void followsScreens();
    void presenterKeys();
    void settingsFiles();
    void settingsRefuseBadFiles();
    void deskPanel();
    void turnShowsPreparedFrame();
    void focusOfSelection();
    void deskOverviewFollowsSelection();

private:
    QTemporaryDir mDir;
    LayerStack mLayers;
    QString spec() const { return QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("s.sqlite")); }
};

void TestWall::initTestCase()
{
    QVERIFY(mDir.isValid());
    const QString problem = dvtest::loadProvinceInto(mLayers);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestWall::textGeometry_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("view");
    for (const QSize size : { QSize(1920, 1080), QSize(3840, 2160) }) {
        for (const char *view : { "overview", "charts", "warnings", "ranking", "interrupt" })
            QTest::addRow("%dx%d %s", size.width(), size.height(), view)
                << size << QString::fromLatin1(view);
    }
}

// Every text of every view: at least the minimum height for the screen, inside the screen,
// as wide and tall as its box allows (elided, never clipped), and clear of every other text,
// the map and the charts.
void TestWall::textGeometry()
{
    QFETCH(QSize, size);
    QFETCH(QString, view);
    const WallContent content = richContent(view);
    const WallScene::Layout layout = WallScene::layout(size, content);
    QVERIFY(layout.texts.size() > 5);
    const QRectF screen(QPointF(0, 0), QSizeF(size));
    const double minimum = WallTheme::kMinimumText * size.height();
    for (int i = 0; i < layout.texts.size(); ++i) {
        const WallScene::Text &t = layout.texts[i];
        const QString what = QStringLiteral("\"%1\" at %2,%3 %4x%5")
                                 .arg(t.text)
                                 .arg(t.rect.x())
                                 .arg(t.rect.y())
                                 .arg(t.rect.width())
                                 .arg(t.rect.height());
        QVERIFY2(t.font.pixelSize() >= minimum, qPrintable(what + QStringLiteral(" too small")));
        QVERIFY2(screen.contains(t.rect), qPrintable(what + QStringLiteral(" off screen")));
        const QFontMetricsF metrics(t.font);
        QVERIFY2(metrics.horizontalAdvance(t.text) <= t.rect.width(),
            qPrintable(what + QStringLiteral(" clipped sideways")));
        QVERIFY2(metrics.height() <= t.rect.height() + 0.01,
            qPrintable(what + QStringLiteral(" clipped top or bottom")));
        for (int j = i + 1; j < layout.texts.size(); ++j) {
            const QRectF overlap = t.rect.intersected(layout.texts[j].rect);
            QVERIFY2(overlap.width() < 0.5 || overlap.height() < 0.5,
                qPrintable(what + QStringLiteral(" overlaps \"%1\"").arg(layout.texts[j].text)));
        }
        QVERIFY2(!t.rect.intersects(layout.map), qPrintable(what + QStringLiteral(" on the map")));
        for (const QRectF &chart : layout.charts)
            QVERIFY2(!t.rect.intersects(chart), qPrintable(what + QStringLiteral(" on a chart")));
    }
    if (!layout.map.isEmpty())
        QVERIFY(screen.contains(layout.map));
    for (const QRectF &chart : layout.charts)
        QVERIFY(screen.contains(chart));
    // The same layout reads the same at both sizes: proportions, not pixels (lists may gain or
    // lose a row to rounding).
    if (view != QLatin1String("warnings") && view != QLatin1String("ranking")) {
        const WallScene::Layout other = WallScene::layout(
            size.height() == 1080 ? size * 2 : size / 2, content);
        QCOMPARE(other.texts.size(), layout.texts.size());
    }
    // Chart labels are at least the minimum too.
    if (!layout.charts.isEmpty())
        QVERIFY(layout.chartFontPx >= minimum);
}

// 88 counties do not fit: the heading says how many are shown, and a station's own county
// ranked below them takes the last row, with its real rank.
void TestWall::rankingKeepsTheFocusCounty()
{
    WallContent content = richContent(QStringLiteral("ranking"));
    for (auto &r : content.ranking)
        r.focus = r.rank == 70;
    const auto layout = WallScene::layout(QSize(1920, 1080), content);
    QStringList texts;
    for (const auto &t : layout.texts)
        texts << t.text;
    QVERIFY2(texts.contains(QStringLiteral("70")), qPrintable(texts.join(QLatin1Char('|'))));
    // Its name on the same row (elided to the column, as long names are).
    const auto rank70 = std::find_if(layout.texts.begin(), layout.texts.end(),
        [](const WallScene::Text &t) { return t.text == QLatin1String("70"); });
    const bool named = std::any_of(layout.texts.begin(), layout.texts.end(),
        [&](const WallScene::Text &t) {
            return qAbs(t.rect.y() - rank70->rect.y()) < 1 && t.text.startsWith(QStringLiteral("黔南"))
                && (t.text == QStringLiteral("黔南布依族苗族自治州69县") || t.text.endsWith(QChar(0x2026)));
        });
    QVERIFY(named);
    const QStringList heading = texts.filter(QStringLiteral("of 88 counties"));
    QCOMPARE(heading.size(), 1);
    // The rows shown: the best ones, then the focus county in place of the last.
    int ranks = 0;
    for (const QString &t : texts) {
        bool number = false;
        const int rank = t.toInt(&number);
        ranks += number && rank >= 1 && rank <= 88 ? 1 : 0;
    }
    QVERIFY2(heading.front().contains(QStringLiteral("the best %1 of").arg(ranks - 1)),
        qPrintable(heading.front()));
    QVERIFY(!texts.contains(QStringLiteral("%1").arg(ranks))); // the row it took
}

void TestWall::emptyViewsSayWhy()
{
    WallContent empty;
    empty.now = kNow;
    for (const char *view : { "charts", "warnings", "ranking" }) {
        empty.view = QString::fromLatin1(view);
        const auto layout = WallScene::layout(QSize(1920, 1080), empty);
        QVERIFY(layout.charts.isEmpty());
        bool said = false;
        for (const auto &t : layout.texts)
            said |= t.text.startsWith(QLatin1String("No "));
        QVERIFY2(said, view);
    }
    // Freshness: no data at all is red.
    const auto layout = WallScene::layout(QSize(1920, 1080), empty);
    bool red = false;
    for (const auto &t : layout.texts)
        red |= t.text == QLatin1String("No data from the feed") && t.colour == WallTheme::critical();
    QVERIFY(red);
}

void TestWall::rotationOrder()
{
    WallRotation rotation;
    rotation.setViews(WallSettings::knownViews());
    rotation.setInterval(40);
    QSignalSpy changed(&rotation, &WallRotation::currentChanged);
    QCOMPARE(rotation.current(), QStringLiteral("overview"));
    rotation.start();
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 4, 5000);
    QStringList seen;
    for (const auto &args : changed)
        seen << args.at(0).toString();
    QCOMPARE(seen.mid(0, 4),
        QStringList({ QStringLiteral("charts"), QStringLiteral("warnings"), QStringLiteral("ranking"), QStringLiteral("overview") }));
    rotation.stop();
    rotation.next();
    QCOMPARE(rotation.current(), QStringLiteral("charts"));
    rotation.previous();
    rotation.previous();
    QCOMPARE(rotation.current(), QStringLiteral("ranking"));
}

void TestWall::interruptAndTimeout()
{
    WallRotation rotation;
    rotation.setViews(WallSettings::knownViews());
    rotation.setInterval(30);
    rotation.setInterruptTimeout(300);
    rotation.start();
    rotation.next(); // charts
    rotation.interrupt(7);
    QCOMPARE(rotation.current(), QStringLiteral("interrupt"));
    // The rotation holds while interrupted, longer than several intervals.
    QTest::qWait(150);
    QCOMPARE(rotation.current(), QStringLiteral("interrupt"));
    rotation.acknowledged(8); // another alert: nothing
    QVERIFY(rotation.isInterrupted());
    // Times out, and the rotation goes on from where it was.
    QSignalSpy changed(&rotation, &WallRotation::currentChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!rotation.isInterrupted(), 3000);
    QCOMPARE(changed.first().at(0).toString(), QStringLiteral("charts"));
    // Acknowledged at a desk: back at once.
    rotation.interrupt(9);
    rotation.acknowledged(9);
    QVERIFY(!rotation.isInterrupted());
    // A presenter's clicker dismisses it too.
    rotation.interrupt(10);
    rotation.next();
    QVERIFY(!rotation.isInterrupted());
}

void TestWall::controllerInterruptsOnNewCritical()
{
    FakeScreens screens;
    screens.screens = { QRect(0, 0, 1920, 1080) };
    WallSettings settings;
    settings.interruptSeconds = 60;
    WallController wall(settings, spec(), &mLayers, nullptr, &screens);
    qint64 now = kNow;
    wall.setClock([&now] { return now; });
    wall.show();
    QCOMPARE(wall.view()->content().view, QStringLiteral("overview"));
    // Open at the first read: not news.
    wall.showAlerts({ criticalAlert(1, now - 10 * kSecondMs, AlertRecord::Active) });
    QVERIFY(!wall.rotation()->isInterrupted());
    // A new one an hour old (a feed catching up): not news either.
    wall.showAlerts({ criticalAlert(1, now - 10 * kSecondMs, AlertRecord::Active),
        criticalAlert(2, now - kHourMs, AlertRecord::Active) });
    QVERIFY(!wall.rotation()->isInterrupted());
    // A new one now: the wall shows it, the site on the map and its chart.
    wall.showAlerts({ criticalAlert(3, now - 5 * kSecondMs, AlertRecord::Active),
        criticalAlert(1, now - 10 * kSecondMs, AlertRecord::Active) });
    QVERIFY(wall.rotation()->isInterrupted());
    QCOMPARE(wall.rotation()->interruptEpisode(), quint64(3));
    QCOMPARE(wall.view()->content().view, QStringLiteral("interrupt"));
    QCOMPARE(wall.view()->content().interrupt.episode, quint64(3));
    QVERIFY(!wall.view()->sceneLayout().map.isEmpty());
    QCOMPARE(wall.view()->sceneLayout().charts.size(), 1);
    // Acknowledged at a desk: the next read of the list ends the interruption.
    wall.showAlerts({ criticalAlert(3, now - 5 * kSecondMs, AlertRecord::Acknowledged) });
    QVERIFY(!wall.rotation()->isInterrupted());
    QCOMPARE(wall.view()->content().view, QStringLiteral("overview"));
    // Another one, left alone: it times out (the interval injected).
    wall.rotation()->setInterruptTimeout(100);
    wall.showAlerts({ criticalAlert(4, now, AlertRecord::Active) });
    QVERIFY(wall.rotation()->isInterrupted());
    QTRY_VERIFY_WITH_TIMEOUT(!wall.rotation()->isInterrupted(), 3000);
}

void TestWall::followsScreens()
{
    FakeScreens screens;
    const QRect desk(0, 0, 1920, 1080), projector(1920, 0, 3840, 2160);
    screens.screens = { desk, projector };
    WallController wall(WallSettings(), spec(), &mLayers, nullptr, &screens);
    wall.show();
    // Two screens: the second by default.
    QCOMPARE(wall.view()->placedScreen(), 1);
    QCOMPARE(wall.view()->placedGeometry(), projector);
    QTRY_COMPARE(wall.view()->geometry(), projector);
    // The projector goes: the wall moves to the desk's screen.
    screens.change({ desk });
    QCOMPARE(wall.view()->placedScreen(), 0);
    QTRY_COMPARE(wall.view()->geometry(), desk);
    // It comes back at another resolution: the wall follows, and lays itself out again.
    const QRect back(1920, 0, 2560, 1440);
    screens.change({ desk, back });
    QCOMPARE(wall.view()->placedScreen(), 1);
    QTRY_COMPARE(wall.view()->geometry(), back);
    QCOMPARE(wall.view()->sceneLayout().size, back.size());
    // No screen at all: it stays put until one returns.
    screens.change({});
    QCOMPARE(wall.view()->placedGeometry(), back);
    // A requested screen that exists is taken; one that does not falls back.
    QCOMPARE(ScreenProvider::choose(3, 1), 0);
    QCOMPARE(ScreenProvider::choose(3, 3), 2);
    QCOMPARE(ScreenProvider::choose(1, 2), 0);
    QCOMPARE(ScreenProvider::choose(0, 0), -1);
}

void TestWall::presenterKeys()
{
    FakeScreens screens;
    screens.screens = { QRect(0, 0, 1280, 720) };
    auto *wall = new WallController(WallSettings(), spec(), &mLayers, nullptr, &screens);
    QSignalSpy left(wall, &WallController::left);
    QSignalSpy destroyed(wall, &QObject::destroyed);
    wall->show();
    WallView *view = wall->view();
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(wall->rotation()->current(), QStringLiteral("charts"));
    QTest::keyClick(view, Qt::Key_PageDown);
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(wall->rotation()->current(), QStringLiteral("ranking"));
    QTest::keyClick(view, Qt::Key_PageUp);
    QCOMPARE(wall->rotation()->current(), QStringLiteral("warnings"));
    QCOMPARE(view->content().view, QStringLiteral("warnings"));
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(left.size(), 1);
    QVERIFY(destroyed.wait(2000));
}

void TestWall::settingsFiles()
{
    WallSettings w;
    w.screen = 2;
    w.focus = QStringLiteral("520328");
    w.rotateSeconds = 45;
    w.views = { QStringLiteral("ranking"), QStringLiteral("overview") };
    w.chartSites = { QStringLiteral("T0001"), QStringLiteral("P0003") };
    w.interruptSeconds = 120;
    w.staleFeedMinutes = 30;
    for (const char *name : { "wall.json", "wall.ini" }) {
        const QString path = mDir.filePath(QString::fromLatin1(name));
        QString error;
        QVERIFY2(w.writeFile(path, &error), qPrintable(error));
        const auto back = WallSettings::readFile(path, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY2(*back == w, name);
    }
    // Saved for the next start.
    w.save();
    QVERIFY(WallSettings::load() == w);
    WallSettings().save();
}

void TestWall::settingsRefuseBadFiles()
{
    auto refused = [&](const char *name, const QByteArray &text, const QString &expected) {
        const QString path = mDir.filePath(QString::fromLatin1(name));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        QString error;
        QVERIFY(!WallSettings::readFile(path, &error));
        QVERIFY2(error.contains(QString::fromLatin1(name)), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    };
    refused("a.json", R"({"rotate_seconds": 2})", QStringLiteral("rotate_seconds"));
    refused("b.json", R"({"rotate": 20})", QStringLiteral("rotate: unknown key"));
    refused("c.json", R"({"views": ["overview", "weather"]})", QStringLiteral("\"weather\""));
    refused("d.json", R"({"focus": "110101"})", QStringLiteral("focus"));
    refused("e.json", "{ not json", QStringLiteral("not a JSON object"));
    refused("f.ini", "[wall]\nscreen=two\n", QStringLiteral("screen: \"two\""));
}

// The desk's overview: figures as tiles, a dash and the reason when unavailable, a click asks
// for the list behind the figure.
void TestWall::deskPanel()
{
    QLocale::setDefault(QLocale::c());
    OverviewPanel panel;
    OverviewFigures figures;
    auto &critical = figures.figure(OverviewFigures::CriticalWarnings);
    critical.available = true;
    critical.value = 3;
    critical.previous = 1;
    figures.figure(OverviewFigures::ValueAdded).reason = QStringLiteral("No value added for 5227");
    panel.setFigures(figures, QStringLiteral("黔南州"));
    QToolButton *tile = panel.tile(OverviewFigures::CriticalWarnings);
    QVERIFY(tile->text().contains(QLatin1String("Critical warnings")));
    QVERIFY2(tile->text().contains(QStringLiteral("\n3   ▲ 2 vs yesterday")), qPrintable(tile->text()));
    QToolButton *added = panel.tile(OverviewFigures::ValueAdded);
    QVERIFY(added->text().endsWith(QStringLiteral("\n—")));
    QCOMPARE(added->toolTip(), QStringLiteral("No value added for 5227"));
    QSignalSpy activated(&panel, &OverviewPanel::figureActivated);
    tile->click();
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).value<OverviewFigures::Key>(), OverviewFigures::CriticalWarnings);
}

// A turn shows the frame painted ahead on the worker, and it is the frame the view would paint
// itself; a timer's turn is prepared with the clock of the turn.
void TestWall::turnShowsPreparedFrame()
{
    FakeScreens screens;
    screens.screens = { QRect(0, 0, 1920, 1080) };
    WallSettings settings;
    settings.rotateSeconds = 600; // the turns below are the presenter's
    WallController wall(settings, spec(), &mLayers, nullptr, &screens);
    wall.setClock([] { return kNow; });
    wall.show();
    WallView *view = wall.view();
    QTRY_COMPARE(view->size(), QSize(1920, 1080));
    QVERIFY(!view->isShowingPreparedFrame()); // the first view was not prepared
    for (const char *expected : { "charts", "warnings", "ranking", "overview" }) {
        // Soon after each turn the next one is painted ahead.
        QTRY_VERIFY_WITH_TIMEOUT(view->hasPreparedFrame(), 10000);
        wall.rotation()->next();
        QCOMPARE(wall.rotation()->current(), QString::fromLatin1(expected));
        QVERIFY2(view->isShowingPreparedFrame(), expected);
        // Pixel for pixel what the view paints without it (the map aside: it renders apart).
        const QImage prepared = view->grab().toImage();
        WallView direct(&mLayers);
        direct.resize(view->size());
        direct.setContent(view->content());
        QVERIFY(!direct.isShowingPreparedFrame());
        const QImage painted = direct.grab().toImage();
        QCOMPARE(prepared.size(), painted.size());
        const QRect map = view->sceneLayout().map.toAlignedRect().adjusted(-1, -1, 1, 1);
        int differing = 0;
        for (int y = 0; y < painted.height(); y += 2) {
            for (int x = 0; x < painted.width(); x += 2) {
                if (!map.contains(x, y) && prepared.pixel(x, y) != painted.pixel(x, y))
                    ++differing;
            }
        }
        QVERIFY2(differing == 0, qPrintable(QStringLiteral("%1: %2 pixels differ")
                                                .arg(QLatin1String(expected)).arg(differing)));
    }
    // The timer's turn: prepared in the seconds before it, with the clock of then.
    QElapsedTimer clock;
    clock.start();
    wall.setClock([&clock] { return kNow + clock.elapsed(); });
    wall.rotation()->setInterval(1500);
    wall.rotation()->start();
    QSignalSpy turned(wall.rotation(), &WallRotation::currentChanged);
    QVERIFY(turned.wait(5000));
    QCOMPARE(wall.rotation()->current(), QStringLiteral("charts"));
    QVERIFY(view->isShowingPreparedFrame());
}

// What a map selection means for the overview: a county's or a prefecture's code, nothing else.
void TestWall::focusOfSelection()
{
    const auto counties = mLayers.layer(QStringLiteral("counties"));
    const auto prefectures = mLayers.layer(QStringLiteral("prefectures"));
    const auto sites = mLayers.layer(QStringLiteral("sites"));
    QVERIFY(counties && prefectures && sites);
    for (int f = 0; f < counties->featureCount(); ++f)
        QCOMPARE(OverviewSource::focusOf(*counties, f), counties->table().text(f, QStringLiteral("code")));
    QCOMPARE(OverviewSource::focusOf(*prefectures, 0).size(), 4);
    QVERIFY(OverviewSource::focusOf(*prefectures, 0).startsWith(QLatin1String("52")));
    QVERIFY(OverviewSource::focusOf(*sites, 0).isEmpty());
    QVERIFY(OverviewSource::focusOf(*counties, -1).isEmpty());
    QVERIFY(OverviewSource::focusOf(*counties, counties->featureCount()).isEmpty());
}

// The desk's overview follows the county or prefecture selected on the map, and goes back to
// the province by its button or when the selection is cleared.
void TestWall::deskOverviewFollowsSelection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    window.resize(1600, 1000);
    QVERIFY(dvtest::openMainWindow(window));
    window.startIndicators(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("s.sqlite")));
    QTRY_VERIFY_WITH_TIMEOUT(window.overview() && window.overview()->hasFigures(), 60000);
    OverviewSource *overview = window.overview();
    OverviewPanel *panel = window.overviewPanel();
    QCOMPARE(overview->focus(), QStringLiteral("52"));
    QVERIFY(panel->provinceButton()->isHidden());
    QTRY_VERIFY(panel->indicatorHeading()->text().contains(overview->nameOf(QStringLiteral("52"))));

    auto featureOf = [&window](const QString &layerId, const QString &code) {
        const auto layer = window.layers()->layer(layerId);
        for (int f = 0; layer && f < layer->featureCount(); ++f) {
            if (layer->table().text(f, QStringLiteral("code")) == code)
                return f;
        }
        return -1;
    };
    const int meitan = featureOf(QStringLiteral("counties"), QStringLiteral("520328"));
    QVERIFY(meitan >= 0);
    emit window.canvas()->featureClicked(QStringLiteral("counties"), meitan);
    QCOMPARE(overview->focus(), QStringLiteral("520328"));
    QVERIFY(!panel->provinceButton()->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(overview->figures().focus(), QStringLiteral("520328"), 30000);
    QTRY_VERIFY(panel->indicatorHeading()->text().contains(QStringLiteral("湄潭县")));
    QVERIFY(panel->pendingLabel()->isHidden());

    // A site in it: the county stays.
    emit window.canvas()->featureClicked(QStringLiteral("sites"), 0);
    QCOMPARE(overview->focus(), QStringLiteral("520328"));

    const int zunyi = featureOf(QStringLiteral("prefectures"), QStringLiteral("5203"));
    QVERIFY(zunyi >= 0);
    emit window.canvas()->featureClicked(QStringLiteral("prefectures"), zunyi);
    QCOMPARE(overview->focus(), QStringLiteral("5203"));
    QTRY_COMPARE_WITH_TIMEOUT(overview->figures().focus(), QStringLiteral("5203"), 30000);
    QTRY_VERIFY(panel->indicatorHeading()->text().contains(overview->nameOf(QStringLiteral("5203"))));

    // The way back: the panel's button.
    panel->provinceButton()->click();
    QCOMPARE(overview->focus(), QStringLiteral("52"));
    QVERIFY(panel->provinceButton()->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(overview->figures().focus(), QStringLiteral("52"), 30000);

    // Clearing the map's selection goes back too.
    emit window.canvas()->featureClicked(QStringLiteral("counties"), meitan);
    QCOMPARE(overview->focus(), QStringLiteral("520328"));
    emit window.canvas()->selectionCleared();
    QCOMPARE(overview->focus(), QStringLiteral("52"));
}

QTEST_MAIN(TestWall)
#include "tst_wall.moc"
