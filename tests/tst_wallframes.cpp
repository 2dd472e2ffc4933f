// The wall's frames painted ahead reuse their buffers: an hour of turns allocates no new 4K
// images (each is 33 MB; allocated anew every turn, the allocator's arenas kept growing).
#include "chinatime.h"
#include "layerstack.h"
#include "timeunits.h"
#include "wallcontent.h"
#include "wallview.h"

#include <QSignalSpy>
#include <QtTest>

using namespace dv;

namespace {

const qint64 kNow = ChinaTime::toUtcMs(QDate(2026, 12, 1), QTime(10, 0));

// Views without the map (it renders apart): each turn's content differs, so each turn's frame
// is painted anew.
WallContent contentFor(int turn)
{
    static const char *const views[] = { "charts", "warnings", "ranking" };
    WallContent c;
    c.view = QString::fromLatin1(views[turn % 3]);
    c.page = turn % 3 + 1;
    c.pages = 3;
    c.title = QStringLiteral("Guizhou Digital Village");
    c.now = kNow + turn * kMinuteMs; // the clock: another frame every turn
    c.focusName = QStringLiteral("贵州省");
    for (int i = 0; i < 5; ++i) {
        WallContent::Warning w;
        w.episode = quint64(i + 1);
        w.time = QStringLiteral("09:%1").arg(i, 2, 10, QLatin1Char('0'));
        w.place = QStringLiteral("湄潭县 · 茶园 %1").arg(i);
        w.rule = QStringLiteral("Frost");
        w.value = QStringLiteral("-1.2 °C");
        c.warnings.push_back(w);
    }
    c.rankingYear = 2025;
    for (int i = 0; i < 10; ++i)
        c.ranking.push_back({ i + 1, QStringLiteral("县 %1").arg(i), 90.0 - i, false });
    WallContent::Chart chart;
    chart.title = QStringLiteral("湄潭县 · 茶园 1 · Air temperature");
    chart.from = c.now - kDayMs;
    chart.to = c.now;
    for (int b = 0; b < 240; ++b) {
        HistoryBucket bucket;
        bucket.start = chart.from + b * 6 * kMinuteMs;
        bucket.min = bucket.max = bucket.mean = bucket.first = bucket.last = 10 + (b + turn) % 7;
        bucket.count = 1;
        chart.series.buckets.push_back(bucket);
    }
    c.charts.push_back(chart);
    return c;
}

} // namespace

class TestWallFrames : public QObject {
    Q_OBJECT
private slots:
    void turnsReuseFrameBuffers();
};

// As WallController does: the upcoming view prepared soon after a turn and again before the
// next, then the turn. Forty turns need no more buffers than the first few did.
void TestWallFrames::turnsReuseFrameBuffers()
{
    LayerStack layers; // no map: the frames alone
    WallView view(&layers);
    view.resize(640, 360);
    view.setContent(contentFor(0));
    QSignalSpy prepared(&view, &WallView::framePrepared);
    int afterWarmUp = -1;
    for (int turn = 1; turn <= 40; ++turn) {
        WallContent early = contentFor(turn);
        early.now -= kMinuteMs / 2; // the first prepare: the clock of just after the last turn
        view.prepare(early);
        QVERIFY(prepared.wait(5000));
        view.prepare(contentFor(turn));
        QVERIFY(prepared.wait(5000));
        view.setContent(contentFor(turn));
        QVERIFY2(view.isShowingPreparedFrame(), qPrintable(QString::number(turn)));
        if (turn == 5)
            afterWarmUp = view.frameBuffersAllocated();
    }
    // The shown frame, the one painted ahead and the one shown before: three, made early.
    QVERIFY2(view.frameBuffersAllocated() <= 3,
        qPrintable(QString::number(view.frameBuffersAllocated())));
    QCOMPARE(view.frameBuffersAllocated(), afterWarmUp);
}

QTEST_MAIN(TestWallFrames)
#include "tst_wallframes.moc"
