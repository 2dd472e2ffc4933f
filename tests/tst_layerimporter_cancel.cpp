// Importing a big file: the window stays responsive, Cancel works at once and changes nothing.
#include "testsupport.h"

#include "layerimporter.h"
#include "layerloader.h"
#include "layerstack.h"

#include <QElapsedTimer>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <charconv>
#include <functional>

using namespace dv;

namespace {

// Writes rows of "id,lon,lat,name" spread over the province; integer formatting keeps
// 1.5 million rows at well under a second.
bool writeBigCsv(const QString &path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray chunk;
    chunk.reserve(1 << 21);
    chunk.append("id,lon,lat,name\n");
    char buf[32];
    auto number = [&](long long v) {
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        chunk.append(buf, r.ptr - buf);
    };
    auto micro = [&](long long microDegrees) { // 106123456 -> "106.123456"
        number(microDegrees / 1000000);
        chunk.append('.');
        const auto r = std::to_chars(buf, buf + sizeof buf, microDegrees % 1000000 + 1000000);
        chunk.append(buf + 1, r.ptr - buf - 1);
    };
    for (int i = 1; i <= rows; ++i) {
        number(i);
        chunk.append(',');
        micro(103700000 + (static_cast<long long>(i) * 7919) % 5600000);
        chunk.append(',');
        micro(24700000 + (static_cast<long long>(i) * 104729) % 4400000);
        chunk.append(",site ");
        number(i);
        chunk.append('\n');
        if (chunk.size() > (1 << 20)) {
            if (file.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    return file.write(chunk) == chunk.size();
}

// Measures the longest pause of the GUI thread's event loop with a 20 ms timer.
class LoopWatch {
public:
    LoopWatch()
    {
        mTimer.setInterval(20);
        QObject::connect(&mTimer, &QTimer::timeout, [this] {
            mMaxGap = std::max(mMaxGap, mSinceTick.restart());
            ++mTicks;
        });
        mSinceTick.start();
        mTimer.start();
    }
    qint64 maxGapMs() const { return std::max(mMaxGap, mSinceTick.elapsed()); }
    int ticks() const { return mTicks; }

private:
    QTimer mTimer;
    QElapsedTimer mSinceTick;
    qint64 mMaxGap = 0;
    int mTicks = 0;
};

// Sees the importer's first queued progress report (the worker posts them to the importer).
class FirstProgress : public QObject {
public:
    explicit FirstProgress(std::function<void()> onFirst)
        : mOnFirst(std::move(onFirst))
    {
    }
    bool seen() const { return mSeen; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::MetaCall && !mSeen) {
            mSeen = true;
            mOnFirst();
        }
        return false;
    }

private:
    std::function<void()> mOnFirst;
    bool mSeen = false;
};

std::vector<std::pair<QString, int>> layerSummary(const LayerStack &stack)
{
    std::vector<std::pair<QString, int>> out;
    for (const auto &l : stack.layers())
        out.emplace_back(l->id(), l->featureCount());
    return out;
}

} // namespace

class TestLayerImporterCancel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cancelBigImport();
    void completeMediumImport();
    void interactiveFailureIsNotCancel();
    void csvIsNotCountedBeforeReading();
    void progressDialogShowsAndCancels();

private:
    QTemporaryDir mDir;
};

void TestLayerImporterCancel::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestLayerImporterCancel::cleanupTestCase()
{
}

// 1.5 million rows (~60 MB): the user sees progress, presses Cancel, and the map is untouched.
void TestLayerImporterCancel::cancelBigImport()
{
    const QString csv = mDir.filePath(QStringLiteral("big.csv"));
    QElapsedTimer writing;
    writing.start();
    QVERIFY(writeBigCsv(csv, 1500000));
    qInfo("wrote %lld MB in %lld ms", QFileInfo(csv).size() >> 20, writing.elapsed());
    QVERIFY(QFileInfo(csv).size() > 50 << 20);

    LayerStack stack;
    const QString error = dvtest::loadProvinceInto(stack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto before = layerSummary(stack);

    LayerImporter importer(&stack, nullptr);
    importer.setInteractive(false);
    QSignalSpy cancelled(&importer, &LayerImporter::cancelled);
    QSignalSpy failed(&importer, &LayerImporter::failed);
    QSignalSpy added(&importer, &LayerImporter::layerAdded);
    QSignalSpy changed(&stack, &LayerStack::layersChanged);
    QElapsedTimer sinceCancel;
    FirstProgress firstProgress([&] {
        sinceCancel.start();
        importer.cancel();
    });
    importer.installEventFilter(&firstProgress);

    LoopWatch watch;
    importer.import({ csv });
    QVERIFY(importer.isBusy());
    qint64 cancelMs = -1;
    connect(&importer, &LayerImporter::cancelled, this, [&] { cancelMs = sinceCancel.elapsed(); });
    QTRY_VERIFY_WITH_TIMEOUT(firstProgress.seen(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 10000);
    qInfo("cancelled after %lld ms; longest event-loop pause %lld ms over %d ticks", cancelMs,
        watch.maxGapMs(), watch.ticks());
    QVERIFY2(cancelMs >= 0 && cancelMs < 3000, qPrintable(QString::number(cancelMs)));
    QVERIFY2(watch.maxGapMs() < 1000, qPrintable(QString::number(watch.maxGapMs())));

    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.at(0).at(0).toString(), csv);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(added.count(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(layerSummary(stack) == before);
    QCOMPARE(stack.userLayerCount(), 0);
    QTRY_VERIFY(!importer.isBusy());
}

// 100,000 rows load completely into one new layer below the sites, with the GUI responsive.
void TestLayerImporterCancel::completeMediumImport()
{
    const QString csv = mDir.filePath(QStringLiteral("medium.csv"));
    QVERIFY(writeBigCsv(csv, 100000));

    LayerStack stack;
    const QString error = dvtest::loadProvinceInto(stack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto before = layerSummary(stack);

    LayerImporter importer(&stack, nullptr);
    importer.setInteractive(false);
    QSignalSpy added(&importer, &LayerImporter::layerAdded);
    QSignalSpy failed(&importer, &LayerImporter::failed);
    QSignalSpy done(&importer, &LayerImporter::finishedAll);
    LoopWatch watch;
    QElapsedTimer loading;
    loading.start();
    importer.import({ csv });
    QVERIFY(done.wait(60000));
    qInfo("loaded 100k rows in %lld ms; longest event-loop pause %lld ms", loading.elapsed(),
        watch.maxGapMs());
    QVERIFY2(watch.maxGapMs() < 1000, qPrintable(QString::number(watch.maxGapMs())));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(added.count(), 1);

    const QString id = added.at(0).at(0).toString();
    const auto layer = stack.layer(id);
    QVERIFY(layer);
    QCOMPARE(layer->featureCount(), 100000);
    QCOMPARE(layer->kind(), GeometryKind::Point);
    QCOMPARE(layer->role(), LayerRole::User);
    QCOMPARE(layer->table().text(99999, QStringLiteral("name")), QStringLiteral("site 100000"));
    QVERIFY(layer->projected());
    QCOMPARE(stack.layers().size(), before.size() + 1);
    QCOMPARE(stack.userLayerCount(), 1);
    // Sites stay on top, the bundled layers are untouched.
    QCOMPARE(stack.layers().back()->id(), QStringLiteral("sites"));
    for (const auto &[beforeId, count] : before)
        QCOMPARE(stack.layer(beforeId)->featureCount(), count);
}

// In the window a bad file must say why it failed: closing the progress dialog at the end of
// a load once made every result read "cancelled".
void TestLayerImporterCancel::interactiveFailureIsNotCancel()
{
    const QString bad = mDir.filePath(QStringLiteral("truncated.geojson"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Po)");
    file.close();

    LayerStack stack;
    QWidget window;
    window.show();
    LayerImporter importer(&stack, &window);
    QSignalSpy cancelled(&importer, &LayerImporter::cancelled);
    QSignalSpy failed(&importer, &LayerImporter::failed);
    QSignalSpy done(&importer, &LayerImporter::finishedAll);
    importer.import({ bad });
    QVERIFY(done.wait(30000));
    QCOMPARE(cancelled.count(), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("truncated.geojson")));
    // The message box is shown without blocking and names the file.
    QMessageBox *box = window.findChild<QMessageBox *>();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("truncated.geojson")));
    box->close();
}

// GDAL's CSV driver counts every row when asked for a total, even unforced: 13 s for 1 GB,
// during which Cancel did nothing. The loader must start reading at once, total unknown.
void TestLayerImporterCancel::csvIsNotCountedBeforeReading()
{
    const QString csv = mDir.filePath(QStringLiteral("count.csv"));
    QVERIFY(writeBigCsv(csv, 50000));
    std::atomic_bool cancel(false);
    double firstFraction = 2;
    qint64 firstFeatures = -1;
    LoadControl control;
    control.cancel = &cancel;
    control.progress = [&](double fraction, qint64 features) {
        if (firstFeatures < 0) {
            firstFraction = fraction;
            firstFeatures = features;
        }
        cancel = true;
    };
    const LoadResult result = LayerLoader::load(csv, control);
    QVERIFY(result.cancelled);
    QVERIFY(result.layers.empty());
    QVERIFY2(firstFraction < 0, qPrintable(QString::number(firstFraction)));
    QCOMPARE(firstFeatures, qint64(1024));
}

// In the window a long load shows a progress dialog, and its Cancel button stops the load.
void TestLayerImporterCancel::progressDialogShowsAndCancels()
{
    const QString csv = mDir.filePath(QStringLiteral("dialog.csv"));
    QVERIFY(writeBigCsv(csv, 1500000));
    LayerStack stack;
    QWidget window;
    window.show();
    LayerImporter importer(&stack, &window);
    QSignalSpy cancelled(&importer, &LayerImporter::cancelled);
    importer.import({ csv });
    QProgressDialog *dialog = nullptr;
    // Shown after its 400 ms minimum duration; Qt's own fallback would wait 4 s.
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = window.findChild<QProgressDialog *>()) && dialog->isVisible(), 2000);
    QVERIFY(dialog->labelText().contains(QStringLiteral("dialog.csv")));
    QPushButton *cancel = dialog->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
    QCOMPARE(stack.userLayerCount(), 0);
    QVERIFY(stack.layers().empty());
}

QTEST_MAIN(TestLayerImporterCancel)
#include "tst_layerimporter_cancel.moc"
