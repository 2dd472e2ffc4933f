// File › Report…: the dialog's live preview follows its options; it saves what it previews.
#include "testsupport.h"

#include "chinatime.h"
#include "layerstack.h"
#include "metriccatalogue.h"
#include "reportcomposer.h"
#include "reportdatareader.h"
#include "reportdialog.h"
#include "sensorstore.h"
#include "storereader.h"
#include "storeset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QPrinter>
#include <QProcess>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const qint64 kDay = 24 * 3600 * 1000LL;
const qint64 kNov20 = 1795104000000LL; // 2026-11-20 00:00 China time

template <typename T> T *childWithText(QWidget *parent, const QString &text)
{
    for (T *child : parent->findChildren<T *>()) {
        if (child->text() == text)
            return child;
    }
    return nullptr;
}

// Share of pixels that are not paper white.
double ink(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::min({ c.red(), c.green(), c.blue() }) < 235 ? 1 : 0;
        }
    }
    return double(n) / (image.width() * image.height());
}

} // namespace

class TestReportDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void countyPreview();
    void provincePreviewFollowsOptions();
    void savesWhatItPreviews();
    void printsAsItSaves();

private:
    // Waits for the preview the last change asked for; its page count.
    int waitForPreview();

    QTemporaryDir mDir;
    QString mSpec;
    std::unique_ptr<dv::StoreReader> mReader;
    std::unique_ptr<dv::ReportDialog> mDialog;
};

void TestReportDialog::initTestCase()
{
    QVERIFY(mDir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(mDir.path()));
    dv::LayerStack stack;
    QVERIFY(dvtest::loadProvinceInto(stack).isEmpty());
    const auto sites = stack.layer(QStringLiteral("sites"));
    QString site;
    for (int f = 0; f < sites->featureCount() && site.isEmpty(); ++f) {
        if (sites->table().text(f, QStringLiteral("county_code")) == QLatin1String("520328")
            && sites->table().text(f, QStringLiteral("type")) == QLatin1String("tea_garden"))
            site = sites->table().text(f, QStringLiteral("site_id"));
    }
    QVERIFY(!site.isEmpty());
    // A day of readings from one Meitan tea-garden station.
    mSpec = QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("store.sqlite"));
    QString error;
    auto sensors = dv::SensorStore::create(mSpec, &error);
    QVERIFY2(sensors, qPrintable(error));
    const auto id = sensors->deviceId(QStringLiteral("520328/%1/ws-7").arg(site), &error);
    QVERIFY2(id, qPrintable(error));
    std::vector<dv::Reading> readings;
    for (qint64 t = kNov20; t < kNov20 + kDay; t += 15 * 60 * 1000) {
        for (int m : dv::MetricCatalogue::metricsForSiteType(QStringLiteral("tea_garden")))
            readings.push_back(dvtest::reading(*id, m, t, 12 + std::sin(t / 3.6e6)));
    }
    QVERIFY2(sensors->write(readings, &error), qPrintable(error));
}

void TestReportDialog::init()
{
    mReader = std::make_unique<dv::StoreReader>(mSpec);
    dv::ReportOptions defaults;
    defaults.county = QStringLiteral("520328");
    defaults.from = kNov20;
    defaults.to = kNov20 + 3 * kDay;
    defaults.language = QStringLiteral("en");
    defaults.officeName = QStringLiteral("Meitan county agriculture bureau");
    mDialog = std::make_unique<dv::ReportDialog>(mReader.get(), defaults);
    mDialog->show();
}

void TestReportDialog::cleanup()
{
    mDialog.reset();
    mReader.reset();
}

int TestReportDialog::waitForPreview()
{
    QSignalSpy ready(mDialog.get(), &dv::ReportDialog::previewReady);
    if (!ready.wait(60000))
        return -1;
    return ready.last().at(0).toInt();
}

// The county briefing: cover, map and figures, indicators, charts, one page of alerts, sources;
// the thumbnails are painted pages, the map page with a map on it.
void TestReportDialog::countyPreview()
{
    QSignalSpy painted(mDialog.get(), &dv::ReportDialog::thumbnailsReady);
    QCOMPARE(waitForPreview(), 6);
    QCOMPARE(mDialog->previewPageCount(), 6);
    QVERIFY(mDialog->statusText().contains(QStringLiteral("6")));
    QVERIFY(painted.wait(60000));
    QCOMPARE(mDialog->thumbnailsPainted(), 6);
    const QImage cover = mDialog->thumbnail(0), map = mDialog->thumbnail(1);
    QVERIFY(!cover.isNull() && !map.isNull());
    QVERIFY(cover.height() > cover.width()); // A4 portrait
    QVERIFY2(ink(map) > 0.25, qPrintable(QString::number(ink(map))));
    QVERIFY(ink(cover) > 0.005);
}

// The province atlas: 4 summary pages, 9 prefectures and sources; a page per county adds 88;
// leaving out the cover takes one away; A3 landscape turns the pages.
void TestReportDialog::provincePreviewFollowsOptions()
{
    QCOMPARE(waitForPreview(), 6);
    auto *province = childWithText<QRadioButton>(mDialog.get(), QStringLiteral("Province atlas"));
    QVERIFY(province);
    province->setChecked(true);
    QCOMPARE(waitForPreview(), 14);

    auto *countyPages
        = childWithText<QCheckBox>(mDialog.get(), QStringLiteral("One page per county"));
    QVERIFY(countyPages && countyPages->isEnabled());
    countyPages->setChecked(true);
    QCOMPARE(waitForPreview(), 102);

    auto *cover = childWithText<QCheckBox>(mDialog.get(), QStringLiteral("Cover"));
    QVERIFY(cover);
    cover->setChecked(false);
    QCOMPARE(waitForPreview(), 101);
    QVERIFY(!mDialog->options().has(dv::ReportOptions::Cover));

    QComboBox *paper = nullptr, *orientation = nullptr;
    for (QComboBox *box : mDialog->findChildren<QComboBox *>()) {
        if (box->findText(QStringLiteral("A3")) >= 0)
            paper = box;
        if (box->findText(QStringLiteral("Landscape")) >= 0)
            orientation = box;
    }
    QVERIFY(paper && orientation);
    countyPages->setChecked(false);
    paper->setCurrentIndex(paper->findText(QStringLiteral("A3")));
    orientation->setCurrentIndex(orientation->findText(QStringLiteral("Landscape")));
    QSignalSpy painted(mDialog.get(), &dv::ReportDialog::thumbnailsReady);
    QCOMPARE(waitForPreview(), 13);
    QVERIFY(painted.wait(60000));
    const QImage page = mDialog->thumbnail(0);
    QVERIFY(page.width() > page.height());
    QCOMPARE(mDialog->options().paper, QPageSize::A3);
}

// Save as PDF writes the previewed report whole; a folder in the file's place is one message.
void TestReportDialog::savesWhatItPreviews()
{
    QCOMPARE(waitForPreview(), 6);
    QSignalSpy saved(mDialog.get(), &dv::ReportDialog::saved);
    const QString path = mDir.filePath(QStringLiteral("briefing.pdf"));
    mDialog->saveTo(path);
    QVERIFY(saved.wait(60000));
    QCOMPARE(saved.last().at(1).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
    QCOMPARE(QString::fromLatin1(bytes).count(page), 6);

    const QString folder = mDir.filePath(QStringLiteral("folder.pdf"));
    QVERIFY(QDir().mkpath(folder));
    mDialog->saveTo(folder);
    QVERIFY(saved.wait(60000));
    const QString error = saved.last().at(1).toString();
    QVERIFY2(error.contains(QStringLiteral("folder.pdf"))
            && error.contains(QStringLiteral("folder")) && !error.contains(QLatin1Char('\n')),
        qPrintable(error));
    QCOMPARE(mDialog->statusText(), error);
    QCOMPARE(QDir(folder).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

// Print… replays the same pages onto a 1200 dpi printer: page for page what the PDF shows,
// fonts given in points (map labels, notes) as large as in the PDF.
void TestReportDialog::printsAsItSaves()
{
    QString error;
    dv::StoreSet stores(mSpec);
    auto data = dv::ReportDataReader::read(stores, mDialog->options(), &error);
    QVERIFY2(data, qPrintable(error));
    const dv::ReportComposer composer(std::move(*data));
    const QString saved = mDir.filePath(QStringLiteral("saved.pdf"));
    const QString printed = mDir.filePath(QStringLiteral("printed.pdf"));
    QVERIFY2(composer.writePdf(saved, &error), qPrintable(error));
    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(printed);
        printer.setFullPage(true);
        printer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
        QVERIFY2(composer.print(printer, &error), qPrintable(error));
    }
    auto page = [&](const QString &pdf, int n) {
        const QString prefix = pdf.chopped(4) + QStringLiteral("-%1").arg(n);
        QProcess::execute(QStringLiteral("pdftoppm"),
            { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"),
                QStringLiteral("-f"), QString::number(n), QStringLiteral("-l"), QString::number(n),
                QStringLiteral("-singlefile"), pdf, prefix });
        return QImage(prefix + QStringLiteral(".png"));
    };
    for (int n = 1; n <= composer.pageCount(); ++n) {
        const QImage a = page(saved, n), b = page(printed, n);
        QVERIFY(!a.isNull() && a.size() == b.size());
        int differ = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x)
                differ += dvtest::channelDiff(a.pixel(x, y), b.pixel(x, y)) > 80 ? 1 : 0;
        }
        if (differ >= a.width() * a.height() / 100) {
            a.save(QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/reportdialog_saved_%1.png").arg(n));
            b.save(QStringLiteral(DVDASH_TEST_OUTPUT_DIR "/reportdialog_printed_%1.png").arg(n));
        }
        QVERIFY2(differ < a.width() * a.height() / 100,
            qPrintable(QStringLiteral("page %1: %2 pixels differ").arg(n).arg(differ)));
    }
}

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
