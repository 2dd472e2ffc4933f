// The window's asynchronous store reader: newest request wins, writes in order, answers only to
// receivers that still exist, and a prompt shutdown with work still queued.
#include "indicatorstore.h"
#include "storereader.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace dv;

namespace {

// Holds a query on the worker until the test lets it go, so requests pile up behind it.
struct Gate {
    QSemaphore started;
    QSemaphore release;
};

} // namespace

class TestStoreReader : public QObject {
    Q_OBJECT

private slots:
    void init();
    void newestRequestOnAChannelWins();
    void channelsAreIndependent();
    void writesRunInOrderAndAreNeverDropped();
    void noAnswerForADeletedReceiver();
    void destructionDropsQueuedWork();
    void queriesTheStoresOfItsSpec();

private:
    QString spec(const QString &name) const
    {
        return QStringLiteral("sqlite:") + mDir.filePath(name);
    }
    static bool waitIdle(const StoreReader &reader)
    {
        return QTest::qWaitFor([&reader] { return reader.isIdle(); }, 20000);
    }

    QTemporaryDir mDir;
    QObject mReceiver;
};

void TestStoreReader::init()
{
    QVERIFY(mDir.isValid());
}

void TestStoreReader::newestRequestOnAChannelWins()
{
    StoreReader reader(spec(QStringLiteral("newest.sqlite")));
    auto gate = std::make_shared<Gate>();
    QList<int> ran; // on the worker, read after it is idle
    QList<int> answers;
    QThread *gui = QThread::currentThread();
    bool answeredOnGui = true;
    auto ask = [&](int n) {
        reader.request(
            QStringLiteral("chart"), &mReceiver,
            [n, gate, &ran](StoreSet &) {
                if (n == 1) {
                    gate->started.release();
                    gate->release.acquire();
                }
                ran << n;
                return n;
            },
            [&, gui](int answer) {
                answeredOnGui = answeredOnGui && QThread::currentThread() == gui;
                answers << answer;
            });
    };
    ask(1);
    QVERIFY(gate->started.tryAcquire(1, 10000)); // the first is running
    for (int n = 2; n <= 5; ++n)
        ask(n);
    QVERIFY(!reader.isIdle());
    gate->release.release();
    QVERIFY(waitIdle(reader));
    // 2 to 4 were replaced while queued and never ran; the first ran but was superseded.
    QCOMPARE(ran, (QList<int> { 1, 5 }));
    QVERIFY2(
        !answers.isEmpty() && answers.size() <= 2, qPrintable(QString::number(answers.size())));
    QCOMPARE(answers.last(), 5);
    QVERIFY(!answers.contains(2) && !answers.contains(3) && !answers.contains(4));
    QVERIFY(answeredOnGui);
}

void TestStoreReader::channelsAreIndependent()
{
    StoreReader reader(spec(QStringLiteral("channels.sqlite")));
    QSignalSpy answered(&reader, &StoreReader::answered);
    QStringList answers;
    for (const QString &channel : { QStringLiteral("a"), QStringLiteral("b") }) {
        reader.request(
            channel, &mReceiver, [channel](StoreSet &) { return channel; },
            [&answers](const QString &answer) { answers << answer; });
    }
    QVERIFY(waitIdle(reader));
    answers.sort();
    QCOMPARE(answers, (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
    QCOMPARE(answered.count(), 2);
}

void TestStoreReader::writesRunInOrderAndAreNeverDropped()
{
    StoreReader reader(spec(QStringLiteral("writes.sqlite")));
    auto gate = std::make_shared<Gate>();
    QList<int> ran, answers;
    reader.submit(
        &mReceiver,
        [gate](StoreSet &) {
            gate->started.release();
            gate->release.acquire();
            return 0;
        },
        [&answers](int n) { answers << n; });
    QVERIFY(gate->started.tryAcquire(1, 10000));
    for (int n = 1; n <= 20; ++n) {
        reader.submit(
            &mReceiver,
            [n, &ran](StoreSet &) {
                ran << n;
                return n;
            },
            [&answers](int answer) { answers << answer; });
    }
    gate->release.release();
    QVERIFY(waitIdle(reader));
    QList<int> expected;
    for (int n = 1; n <= 20; ++n)
        expected << n;
    QCOMPARE(ran, expected);
    expected.prepend(0);
    QCOMPARE(answers, expected);
}

void TestStoreReader::noAnswerForADeletedReceiver()
{
    StoreReader reader(spec(QStringLiteral("receiver.sqlite")));
    QSignalSpy answered(&reader, &StoreReader::answered);
    auto gate = std::make_shared<Gate>();
    auto *receiver = new QObject;
    bool called = false;
    bool ran = false;
    reader.request(
        QStringLiteral("profile"), receiver,
        [gate, &ran](StoreSet &) {
            gate->started.release();
            gate->release.acquire();
            ran = true;
            return 1;
        },
        [&called](int) { called = true; });
    QVERIFY(gate->started.tryAcquire(1, 10000));
    delete receiver; // the window closed the view while its query ran
    gate->release.release();
    QVERIFY(waitIdle(reader));
    QVERIFY(ran);
    QCOMPARE(answered.count(), 1);
    QVERIFY(!called);
}

void TestStoreReader::destructionDropsQueuedWork()
{
    auto gate = std::make_shared<Gate>();
    auto ran = std::make_shared<std::atomic<int>>(0);
    bool called = false;
    {
        StoreReader reader(spec(QStringLiteral("shutdown.sqlite")));
        reader.request(
            QStringLiteral("first"), &mReceiver,
            [gate, ran](StoreSet &) {
                gate->started.release();
                gate->release.acquire();
                ++*ran;
                return 0;
            },
            [&called](int) { called = true; });
        QVERIFY(gate->started.tryAcquire(1, 10000));
        // A minute of work queued behind it: reads on their own channels and writes.
        for (int n = 0; n < 100; ++n) {
            auto slow = [ran](StoreSet &) {
                QThread::msleep(300);
                ++*ran;
                return 0;
            };
            if (n % 2)
                reader.submit(&mReceiver, slow, [&called](int) { called = true; });
            else
                reader.request(QStringLiteral("c%1").arg(n), &mReceiver, slow,
                    [&called](int) { called = true; });
        }
        gate->release.release();
        // The destructor waits for the running query only.
    }
    QVERIFY2(*ran <= 2, qPrintable(QString::number(*ran)));
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void TestStoreReader::queriesTheStoresOfItsSpec()
{
    StoreReader reader(spec(QStringLiteral("stores.sqlite")));
    std::optional<bool> written;
    QList<int> years;
    QString error;
    reader.submit(
        &mReceiver,
        [](StoreSet &stores) {
            QString e;
            IndicatorStore *store = stores.indicators(&e);
            return store ? store->ensureSampleData(&e) : std::nullopt;
        },
        [&written](std::optional<bool> done) { written = done; });
    reader.request(
        QStringLiteral("years"), &mReceiver,
        [](StoreSet &stores) {
            QString e;
            IndicatorStore *store = stores.indicators(&e);
            auto y = store ? store->years(&e) : std::nullopt;
            return std::make_pair(y.value_or(QList<int>()), e);
        },
        [&](const std::pair<QList<int>, QString> &answer) {
            years = answer.first;
            error = answer.second;
        });
    QVERIFY(waitIdle(reader));
    QCOMPARE(written, std::optional<bool>(true));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(years.size(), 7); // the sample's 2019-2025, read after the write
}

QTEST_MAIN(TestStoreReader)
#include "tst_storereader.moc"
