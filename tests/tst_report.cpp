// dvdash report: the county briefing and the province atlas as PDFs, read back with poppler.
#include "testsupport.h"

#include "alertrule.h"
#include "alertstore.h"
#include "indicatorcatalogue.h"
#include "indicatorstore.h"
#include "layerstack.h"
#include "metriccatalogue.h"
#include "pagerecording.h"
#include "reportcomposer.h"
#include "reportdatareader.h"
#include "reportfonts.h"
#include "reportlanguage.h"
#include "reportpages.h"
#include "reporttextlayer.h"
#include "rulebook.h"
#include "sensorstore.h"
#include "storeset.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

namespace {

using dvtest::Run;

const qint64 kDay = 24 * 3600 * 1000LL;
const qint64 kNov20 = 1795104000000LL; // 2026-11-20 00:00 China time

QString tool(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfText(const QString &pdf)
{
    return tool(
        QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
}

int pageCount(const QString &pdf)
{
    const QString info = tool(QStringLiteral("pdfinfo"), { pdf });
    static const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    return pages.match(info).captured(1).toInt();
}

// Characters in U+2E80–U+2FDF: radicals where ideographs were written.
QString radicalsIn(const QString &text)
{
    QString found;
    for (const QChar c : text) {
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF)
            found += c;
    }
    return found;
}

bool warningOrange(const QColor &c)
{
    return c.red() > 225 && c.green() > 95 && c.green() < 125 && c.blue() < 40;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyBundledCharacterExtracts();
    void countyBriefingChinese();
    void provinceAtlasEnglish();
    void mapPageShowsCountiesAndAlertRing();
    void refusals();
    void readOnlyTarget();
    void folderTarget();
    void sectionsOfficeAndSows();
    void sampleSitesFollowTheSetting();
    void recordedPagesMatchDirectPainting();
    void countyPageFillsItsBody();
    void reportLanguageOverWindowLanguage();
    void briefingMapPageFillsItsBody();
    void reportLanguageWithoutLangOption();

private:
    Run dvdash(const QStringList &args);
    QString path(const QString &name) const { return mDir.filePath(name); }
    QStringList briefing(const QString &out, const QString &lang) const;
    // The dvdash child's preferences (XDG_CONFIG_HOME is mData).
    QString settingsFile() const { return mData.filePath(QStringLiteral("dvdash/dvdash.conf")); }

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
    QTemporaryDir mData;
    QString mSpec;
    QString mSiteId; // the Meitan tea garden with readings and an alert
    QString mDevice = QStringLiteral("ws-0042");
    double mInternet = 0; // Meitan's internet penetration, latest year
    int mYear = 0;
};

void TestReport::initTestCase()
{
    QVERIFY(mDir.isValid() && mRuntime.isValid() && mData.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(mData.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(mData.path()));
    QVERIFY2(QFileInfo(QStringLiteral(DVDASH_BINARY)).isExecutable(), DVDASH_BINARY);

    dv::LayerStack stack;
    const QString loaded = dvtest::loadProvinceInto(stack);
    QVERIFY2(loaded.isEmpty(), qPrintable(loaded));
    const auto sites = stack.layer(QStringLiteral("sites"));
    QVERIFY(sites);
    for (int f = 0; f < sites->featureCount() && mSiteId.isEmpty(); ++f) {
        if (sites->table().text(f, QStringLiteral("county_code")) == QLatin1String("520328")
            && sites->table().text(f, QStringLiteral("type")) == QLatin1String("tea_garden"))
            mSiteId = sites->table().text(f, QStringLiteral("site_id"));
    }
    QVERIFY(!mSiteId.isEmpty());
    QString pigFarm;
    for (int f = 0; f < sites->featureCount() && pigFarm.isEmpty(); ++f) {
        if (sites->table().text(f, QStringLiteral("county_code")) == QLatin1String("520328")
            && sites->table().text(f, QStringLiteral("type")) == QLatin1String("pig_farm"))
            pigFarm = sites->table().text(f, QStringLiteral("site_id"));
    }
    QVERIFY(!pigFarm.isEmpty());

    // Three days of readings from one Meitan tea-garden station, and a frost warning on it.
    mSpec = QStringLiteral("sqlite:") + path(QStringLiteral("store.sqlite"));
    QString error;
    const QString key = QStringLiteral("520328/%1/%2").arg(mSiteId, mDevice);
    {
        auto sensors = dv::SensorStore::create(mSpec, &error);
        QVERIFY2(sensors, qPrintable(error));
        const auto id = sensors->deviceId(key, &error);
        QVERIFY2(id, qPrintable(error));
        std::vector<dv::Reading> readings;
        const QVector<int> metrics
            = dv::MetricCatalogue::metricsForSiteType(QStringLiteral("tea_garden"));
        QVERIFY(!metrics.isEmpty());
        for (qint64 t = kNov20; t < kNov20 + 3 * kDay; t += 10 * 60 * 1000) {
            for (int m : metrics)
                readings.push_back(dvtest::reading(*id, m, t, 10 + std::sin(t / 3.6e6)));
        }
        QVERIFY2(sensors->write(readings, &error), qPrintable(error));
        // Five sows' ear tags on a Meitan pig farm: four report on the period's first day
        // (20 Nov), three of them still on its last (22 Nov), the fifth on the 21st only:
        // 5 monitored, survival 3 of 4 = 75.0 %.
        const int body = dv::MetricCatalogue::byName(QStringLiteral("body_temperature"))->id;
        readings.clear();
        for (int tag = 1; tag <= 5; ++tag) {
            const auto tagId = sensors->deviceId(
                QStringLiteral("520328/%1/sow-%2").arg(pigFarm).arg(tag), &error);
            QVERIFY2(tagId, qPrintable(error));
            QVector<qint64> days;
            if (tag <= 4)
                days << kNov20;
            if (tag <= 3)
                days << kNov20 + 2 * kDay;
            if (tag == 5)
                days << kNov20 + kDay;
            for (qint64 day : days) {
                for (qint64 t = day; t < day + kDay; t += 3600 * 1000)
                    readings.push_back(dvtest::reading(*tagId, body, t, 38.6));
            }
        }
        QVERIFY2(sensors->write(readings, &error), qPrintable(error));
    }
    {
        auto alerts = dv::AlertStore::create(mSpec, &error);
        QVERIFY2(alerts, qPrintable(error));
        dv::AlertRule frost;
        frost.id = QStringLiteral("frost");
        frost.name = QStringLiteral("霜冻风险");
        frost.severity = dv::AlertRule::Warning;
        const dv::RuleBook rules(QVector<dv::AlertRule> { frost });
        dv::AlertTransition raised;
        raised.kind = dv::AlertTransition::Raised;
        raised.deviceKey = key;
        raised.rule = 0;
        raised.ruleId = frost.id;
        raised.metric
            = dv::MetricCatalogue::metricsForSiteType(QStringLiteral("tea_garden")).first();
        raised.episode = 1;
        raised.episodeStart = raised.time = kNov20 + kDay + 3600 * 1000;
        raised.value = -1.5;
        dv::AlertTransition activated = raised;
        activated.kind = dv::AlertTransition::Activated;
        activated.time = raised.time + 10 * 60 * 1000;
        QVERIFY2(alerts->record({ raised, activated }, rules, &error), qPrintable(error));
    }
    {
        auto indicators = dv::IndicatorStore::create(mSpec, &error);
        QVERIFY2(indicators && indicators->ensureSampleData(&error), qPrintable(error));
        const auto years = indicators->years(&error);
        QVERIFY2(years && !years->isEmpty(), qPrintable(error));
        mYear = years->last();
        const auto values
            = indicators->values(QStringLiteral("internet_penetration"), mYear, &error);
        QVERIFY2(values && values->contains(QStringLiteral("520328")), qPrintable(error));
        mInternet = values->value(QStringLiteral("520328"));
    }
}

Run TestReport::dvdash(const QStringList &args)
{
    return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY), args, mDir.path(), mRuntime.path());
}

QStringList TestReport::briefing(const QString &out, const QString &lang) const
{
    return { QStringLiteral("report"), QStringLiteral("--county"), QStringLiteral("湄潭县"),
        QStringLiteral("--out"), out, QStringLiteral("--from"), QStringLiteral("2026-11-20"),
        QStringLiteral("--to"), QStringLiteral("2026-11-22"), QStringLiteral("--store"), mSpec,
        QStringLiteral("--lang"), lang };
}

// Every character of the bundled county, prefecture, site and township names, the indicator
// catalogue and the default rule names comes back from pdftotext as itself.
void TestReport::everyBundledCharacterExtracts()
{
    dv::LayerStack stack;
    QVERIFY(dvtest::loadProvinceInto(stack).isEmpty());
    QSet<QChar> wanted;
    auto add = [&](const QString &text) {
        for (const QChar c : text) {
            if (c.unicode() > 0x2000 && !c.isSpace())
                wanted.insert(c);
        }
    };
    for (const auto &[layerId, fields] :
        { std::pair<QString, QStringList>(QStringLiteral("counties"),
              { QStringLiteral("name"), QStringLiteral("prefecture_name") }),
            { QStringLiteral("sites"),
                { QStringLiteral("name"), QStringLiteral("township"), QStringLiteral("county_name"),
                    QStringLiteral("variety") } } }) {
        const auto layer = stack.layer(layerId);
        QVERIFY(layer);
        for (int f = 0; f < layer->featureCount(); ++f) {
            for (const QString &field : fields)
                add(layer->table().text(f, field));
        }
    }
    for (const dv::Indicator &i : dv::IndicatorCatalogue::builtIns()) {
        add(i.nameZh);
        add(i.unit);
        add(i.source);
    }
    const dv::RuleBook rules = dv::RuleBook::defaults(); // the loop must not outlive it
    for (const dv::AlertRule &rule : rules.rules())
        add(rule.name);
    add(QStringLiteral("第页共示意图审图号气土人口水山行方"));
    QVERIFY(wanted.size() > 300);
    QString all;
    for (const QChar c : wanted)
        all += c;
    std::sort(all.begin(), all.end());

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(96);
        QPainter p(&writer);
        p.setFont(dv::ReportFonts::font(14));
        const QRectF page(40, 40, writer.width() - 80, writer.height() - 80);
        p.drawText(page, Qt::TextWrapAnywhere, all);
    }
    int changed = 0;
    const QByteArray fixed = dv::ReportTextLayer::fixToUnicode(
        buffer.data(), dv::ReportFonts::radicalEquivalents(), &changed);
    QVERIFY(changed > 0); // Noto CJK maps some of these glyphs to radicals first
    QFile file(path(QStringLiteral("characters.pdf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(fixed);
    file.close();
    QString text = pdfText(file.fileName());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    QCOMPARE(radicalsIn(text), QString());
    QString missing;
    for (const QChar c : all) {
        if (!text.contains(c))
            missing += c;
    }
    QCOMPARE(missing, QString());
    QCOMPARE(text.size(), all.size());
}

void TestReport::countyBriefingChinese()
{
    const QString out = path(QStringLiteral("briefing.pdf"));
    const Run r = dvdash(briefing(out, QStringLiteral("zh_CN")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("briefing.pdf")), qPrintable(r.out));
    QCOMPARE(pageCount(out), 6);
    QVERIFY(QFileInfo(out).size() < 2 * 1024 * 1024);
    const QString text = pdfText(out);
    QCOMPARE(radicalsIn(text), QString());
    // pdftotext leaves out the spaces between Chinese and digits.
    QVERIFY(QString(text).remove(QLatin1Char(' ')).contains(QStringLiteral("第1页共6页")));
    for (const QString &expected : { QStringLiteral("湄潭县"), QStringLiteral("520328"),
             QStringLiteral("遵义市"), QStringLiteral("北京时间"), mDevice, mSiteId,
             QStringLiteral("霜冻风险"), QStringLiteral("示意图"), QStringLiteral("示例数据"),
             QStringLiteral("数字乡村发展指数"),
             QString::number(mInternet, 'f', 1) + QStringLiteral(" %") }) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    for (const dv::Indicator &i : dv::IndicatorCatalogue::builtIns())
        QVERIFY2(text.contains(i.nameZh), qPrintable(i.nameZh));
    // Every font embedded, as a subset (the tag Qt writes in the descriptor only is put on the
    // font's name, so pdffonts and viewers see the subsets as such).
    const QStringList fonts = tool(QStringLiteral("pdffonts"), { out })
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                  .mid(2);
    QVERIFY(!fonts.isEmpty());
    for (const QString &line : fonts) {
        const QStringList cols = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(cols.size() >= 5 && cols.at(cols.size() - 5) == QLatin1String("yes")
                && cols.at(cols.size() - 4) == QLatin1String("yes"),
            qPrintable(line));
    }
}

void TestReport::provinceAtlasEnglish()
{
    const QString out = path(QStringLiteral("atlas.pdf"));
    const Run r = dvdash({ QStringLiteral("report"), QStringLiteral("--province"),
        QStringLiteral("--out"), out, QStringLiteral("--from"), QStringLiteral("2026-11-20"),
        QStringLiteral("--to"), QStringLiteral("2026-11-22"), QStringLiteral("--store"), mSpec,
        QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--paper"),
        QStringLiteral("A3"), QStringLiteral("--landscape") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Cover, index, indicators, alerts, 9 prefectures, sources.
    QCOMPARE(pageCount(out), 14);
    const QString info = tool(QStringLiteral("pdfinfo"), { out });
    QVERIFY2(
        info.contains(QStringLiteral("1191 x 842 pts (A3)")), qPrintable(info)); // A3 landscape
    const QString text = pdfText(out);
    QCOMPARE(radicalsIn(text), QString());
    for (const QString &expected :
        { QStringLiteral("Page 1 of 14"), QStringLiteral("Index ranking"),
            QStringLiteral("湄潭县 520328"), QStringLiteral("遵义市"), QStringLiteral("UTC+8") }) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    QVERIFY(!text.contains(QStringLiteral("第 1 页")));
    // Each page has something on it.
    QVERIFY(QProcess::execute(QStringLiteral("pdftoppm"),
                { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("20"), out,
                    path(QStringLiteral("atlas")) })
        == 0);
    const QStringList pngs = QDir(mDir.path()).entryList({ QStringLiteral("atlas-*.png") });
    QCOMPARE(pngs.size(), 14);
    for (const QString &png : pngs) {
        const QImage image(path(png));
        int ink = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                ink += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
        }
        QVERIFY2(ink > image.width() * image.height() / 200, qPrintable(png));
    }
}

// Page 2 of the briefing is the county map: county fills, and the warning's orange ring on the
// station, which the same page of a period without the alert does not have.
void TestReport::mapPageShowsCountiesAndAlertRing()
{
    const QString with = path(QStringLiteral("with.pdf"));
    Run r = dvdash(briefing(with, QStringLiteral("en")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList args = briefing(path(QStringLiteral("without.pdf")), QStringLiteral("en"));
    args[args.indexOf(QStringLiteral("2026-11-22"))] = QStringLiteral("2026-11-20");
    r = dvdash(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    auto page2 = [&](const QString &pdf) {
        const QString prefix = pdf.chopped(4) + QStringLiteral("-map");
        QProcess::execute(QStringLiteral("pdftoppm"),
            { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("150"),
                QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"),
                QStringLiteral("2"), QStringLiteral("-singlefile"), pdf, prefix });
        return QImage(prefix + QStringLiteral(".png"));
    };
    const QImage a = page2(with), b = page2(path(QStringLiteral("without.pdf")));
    QVERIFY(!a.isNull() && !b.isNull());
    QVERIFY(pdfText(with).contains(mDevice));
    auto count = [](const QImage &image, auto test) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                n += test(image.pixelColor(x, y)) ? 1 : 0;
        }
        return n;
    };
    const int orangeWith = count(a, warningOrange), orangeWithout = count(b, warningOrange);
    qInfo("orange ring pixels: %d with the alert, %d without", orangeWith, orangeWithout);
    QVERIFY2(orangeWith > orangeWithout + 30,
        qPrintable(QStringLiteral("%1 vs %2").arg(orangeWith).arg(orangeWithout)));
    // The map's top half is county fill, neither white paper nor background.
    QHash<QRgb, int> colours;
    for (int y = a.height() / 8; y < a.height() / 2; ++y) {
        for (int x = a.width() / 8; x < a.width() * 7 / 8; ++x)
            ++colours[a.pixel(x, y) | 0xff000000];
    }
    QRgb common = 0;
    for (auto it = colours.constBegin(); it != colours.constEnd(); ++it) {
        if (!common || it.value() > colours.value(common))
            common = it.key();
    }
    QVERIFY2(qGray(common) < 250 && qGray(common) > 150, qPrintable(QColor(common).name()));
    const int share = colours.value(common) * 100 / (a.width() * 3 / 4 * (a.height() * 3 / 8));
    QVERIFY2(share > 20, qPrintable(QString::number(share)));
}

void TestReport::refusals()
{
    const QString out = path(QStringLiteral("refused.pdf"));
    Run r = dvdash({ QStringLiteral("report"), QStringLiteral("--county"), QStringLiteral("530102"),
        QStringLiteral("--out"), out, QStringLiteral("--store"), mSpec });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("530102")) && r.err.contains(QStringLiteral("88")),
        qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));

    QStringList empty = briefing(out, QStringLiteral("en"));
    empty[empty.indexOf(QStringLiteral("2026-11-20"))] = QStringLiteral("2026-10-01");
    empty[empty.indexOf(QStringLiteral("2026-11-22"))] = QStringLiteral("2026-10-07");
    r = dvdash(empty);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("no data in this period")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));
    // Asked for all the same, the report says so where the data would be.
    r = dvdash(empty << QStringLiteral("--allow-empty"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(pdfText(out).contains(QStringLiteral("No data in this period")));

    r = dvdash({ QStringLiteral("report"), QStringLiteral("--out"), out });
    QCOMPARE(r.exitCode, 2);
    r = dvdash({ QStringLiteral("report"), QStringLiteral("--province"), QStringLiteral("--out"),
        out, QStringLiteral("--paper"), QStringLiteral("B5") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--paper")), qPrintable(r.err));
}

// A folder the report cannot be written to: one line naming the file, exit 1, nothing left.
void TestReport::readOnlyTarget()
{
    const QString folder = path(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    QString target = folder + QStringLiteral("/report.pdf");
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    // root writes into read-only folders anyway: there the folder is a plain file instead.
    QFile probe(folder + QStringLiteral("/probe"));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.close();
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(QDir(folder).removeRecursively());
        QVERIFY(dvtest::writeBytes(folder, "not a folder"));
    }
    const Run r = dvdash(briefing(target, QStringLiteral("en")));
    QFile::setPermissions(
        folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(r.err.contains(QStringLiteral("report.pdf"))
            && r.err.contains(QStringLiteral("cannot write the report")),
        qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(target));
    if (QFileInfo(folder).isDir())
        QCOMPARE(QDir(folder).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

// The target is a folder (as root, a read-only folder does not stop a write; a folder in the
// file's place stops the report as a PDF viewer holding the file does on Windows): one line,
// exit 1, the folder untouched and nothing beside it.
void TestReport::folderTarget()
{
    const QString target = path(QStringLiteral("taken.pdf"));
    QVERIFY(QDir().mkpath(target));
    const Run r = dvdash(briefing(target, QStringLiteral("en")));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(
        r.err.contains(QStringLiteral("taken.pdf")) && r.err.contains(QStringLiteral("folder")),
        qPrintable(r.err));
    QVERIFY(QFileInfo(target).isDir());
    QCOMPARE(QDir(target).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    QCOMPARE(QDir(mDir.path()).entryList({ QStringLiteral("taken*") }),
        QStringList { QStringLiteral("taken.pdf") });
}

// --sections chooses the pages; the office name from the settings is on the cover; the key
// figures count the sows and their survival as the notes define it.
void TestReport::sectionsOfficeAndSows()
{
    const QString office = QStringLiteral("湄潭县农业农村局");
    {
        QSettings settings(settingsFile(), QSettings::IniFormat);
        settings.setValue(QStringLiteral("report/officeName"), office);
    }
    const QString out = path(QStringLiteral("sections.pdf"));
    Run r = dvdash(briefing(out, QStringLiteral("en"))
        << QStringLiteral("--sections") << QStringLiteral("cover,figures,alerts"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(pageCount(out), 3); // cover, key figures, one page of alerts
    QString text = pdfText(out);
    for (const QString &expected : { office, QStringLiteral("Sows monitored"),
             QStringLiteral("75.0 %"), QStringLiteral("Key figures"), mDevice }) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    for (const QString &absent : { QStringLiteral("County map"),
             QStringLiteral("County indicators"), QStringLiteral("Data sources") }) {
        QVERIFY2(!text.contains(absent), qPrintable(absent));
    }
    // The full briefing's notes say what survival means.
    r = dvdash(briefing(out, QStringLiteral("en")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    text = pdfText(out).simplified();
    QVERIFY2(text.contains(QStringLiteral("Sow survival: of the pig farms")), qPrintable(text));
    QVERIFY(text.contains(office));

    r = dvdash({ QStringLiteral("report"), QStringLiteral("--province"), QStringLiteral("--out"),
        out, QStringLiteral("--store"), mSpec, QStringLiteral("--from"),
        QStringLiteral("2026-11-20"), QStringLiteral("--to"), QStringLiteral("2026-11-22"),
        QStringLiteral("--sections"), QStringLiteral("map,sources") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(pageCount(out), 10); // 9 prefectures, sources

    r = dvdash(briefing(out, QStringLiteral("en"))
        << QStringLiteral("--sections") << QStringLiteral("cover,legend"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("legend")) && r.err.contains(QStringLiteral("charts")),
        qPrintable(r.err));
    QSettings(settingsFile(), QSettings::IniFormat).remove(QStringLiteral("report"));
}

// Sample sites are in a report only while the window shows them, and labelled 示例数据.
void TestReport::sampleSitesFollowTheSetting()
{
    const QString out = path(QStringLiteral("sample.pdf"));
    Run r = dvdash(briefing(out, QStringLiteral("en")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QString text = pdfText(out);
    QVERIFY(text.contains(QStringLiteral("示例数据 (sample data)")));
    QVERIFY(text.contains(mDevice));

    QSettings(settingsFile(), QSettings::IniFormat)
        .setValue(QStringLiteral("data/sampleShown"), false);
    r = dvdash(briefing(out, QStringLiteral("en")) << QStringLiteral("--allow-empty"));
    QSettings(settingsFile(), QSettings::IniFormat).remove(QStringLiteral("data/sampleShown"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    text = pdfText(out);
    QVERIFY(!text.contains(QStringLiteral("示例数据 (sample data)")));
    QVERIFY(!text.contains(mDevice)); // the sample station's alert is left out with it
    QVERIFY(text.contains(QStringLiteral("No alerts in this period")));
}

// Pages paint in parallel into recordings replayed into the PDF: a replayed page is the page
// painted directly, mixed Latin and Chinese text on its baseline (QPicture moves the Chinese
// runs of such text a few pixels down).
void TestReport::recordedPagesMatchDirectPainting()
{
    auto render = [](const QSize &size, const std::function<void(QPainter &)> &paint) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        paint(p);
        return image;
    };
    auto differing = [](const QImage &a, const QImage &b) {
        int n = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x)
                n += dvtest::channelDiff(a.pixel(x, y), b.pixel(x, y)) > 60 ? 1 : 0;
        }
        return n;
    };
    auto mixed = [](QPainter &p) {
        p.setFont(dv::ReportFonts::font(22));
        p.drawText(QPointF(10, 40), QStringLiteral("44.83 亿元 湄潭县 520328 第 1 页"));
        p.drawText(QRectF(10, 60, 560, 40), Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral("数字乡村 index 12.5 指数"));
    };
    const QSize strip(580, 110);
    dv::PageRecording recording(strip, 96);
    {
        QPainter p(&recording);
        mixed(p);
    }
    QVERIFY(recording.commandCount() > 0);
    const QImage direct = render(strip, mixed);
    const QImage replayed = render(strip, [&](QPainter &p) { recording.replay(p); });
    QCOMPARE(differing(direct, replayed), 0);

    QString error;
    dv::StoreSet stores(mSpec);
    dv::ReportOptions options;
    options.county = QStringLiteral("520328");
    options.from = kNov20;
    options.to = kNov20 + 3 * kDay;
    auto data = dv::ReportDataReader::read(stores, options, &error);
    QVERIFY2(data, qPrintable(error));
    const dv::ReportComposer composer(std::move(*data));
    const QSize page = composer.pageSize().toSize();
    for (int i = 0; i < composer.pageCount(); ++i) {
        dv::PageRecording pageRecording(page, 96);
        {
            QPainter p(&pageRecording);
            composer.paintPage(p, i);
        }
        const QImage a = render(page, [&](QPainter &p) { composer.paintPage(p, i); });
        const QImage b = render(page, [&](QPainter &p) { pageRecording.replay(p); });
        const int n = differing(a, b);
        QVERIFY2(n < page.width() * page.height() / 1000,
            qPrintable(QStringLiteral("page %1: %2 pixels differ").arg(i + 1).arg(n)));
    }
}

// An atlas county page fills its body -- map, alert counts, indicators with ranks -- down into
// the bottom third on A4 and A3, portrait and landscape, and paints nothing outside it: not
// over the header, the footer or the margins.
void TestReport::countyPageFillsItsBody()
{
    QString error;
    dv::StoreSet stores(mSpec);
    dv::ReportOptions options;
    options.kind = dv::ReportOptions::Kind::ProvinceAtlas;
    options.countyPages = true;
    options.language = QStringLiteral("en");
    options.from = kNov20;
    options.to = kNov20 + 3 * kDay;
    const auto read = dv::ReportDataReader::read(stores, options, &error);
    QVERIFY2(read, qPrintable(error));
    for (const QPageSize::PageSizeId paper : { QPageSize::A4, QPageSize::A3 }) {
        for (const QPageLayout::Orientation orientation :
            { QPageLayout::Portrait, QPageLayout::Landscape }) {
            dv::ReportData data = *read;
            data.options.paper = paper;
            data.options.orientation = orientation;
            const dv::ReportComposer composer(std::move(data));
            const QString what = QStringLiteral("%1 %2").arg(
                paper == QPageSize::A4 ? QStringLiteral("A4") : QStringLiteral("A3"),
                orientation == QPageLayout::Portrait ? QStringLiteral("portrait")
                                                     : QStringLiteral("landscape"));
            int index = -1;
            for (int i = 0; i < composer.pageCount(); ++i) {
                const dv::ReportComposer::Page &page = composer.pages().at(i);
                if (page.kind == dv::ReportComposer::Page::County
                    && page.code == QLatin1String("520328"))
                    index = i;
            }
            QVERIFY2(index >= 0, qPrintable(what));
            const QRectF body = composer.contentRect();
            QImage image(composer.pageSize().toSize(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            {
                QPainter p(&image);
                p.setRenderHint(QPainter::Antialiasing);
                dv::ReportPages::paint(p, composer.pages().at(index), composer.data(), body);
            }
            const QRect inside = body.toAlignedRect().adjusted(-1, -1, 1, 1);
            int outside = 0, inkBelow = 0, belowArea = 0;
            const int thirdTop = int(body.top() + body.height() * 2 / 3);
            for (int y = 0; y < image.height(); ++y) {
                const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
                for (int x = 0; x < image.width(); ++x) {
                    const bool painted = qAlpha(line[x]) > 0;
                    outside += painted && !inside.contains(x, y) ? 1 : 0;
                    if (y >= thirdTop && y < body.bottom() && x >= body.left()
                        && x < body.right()) {
                        ++belowArea;
                        // Ink: painted and not white (table bands are a pale grey-blue).
                        inkBelow += painted && qGray(line[x]) < 235 ? 1 : 0;
                    }
                }
            }
            QVERIFY2(outside == 0,
                qPrintable(QStringLiteral("%1: %2 pixels painted outside the page body")
                               .arg(what)
                               .arg(outside)));
            QVERIFY2(inkBelow > belowArea / 200,
                qPrintable(QStringLiteral("%1: the bottom third is blank (%2 ink pixels of %3)")
                               .arg(what)
                               .arg(inkBelow)
                               .arg(belowArea)));
        }
    }

    // What the page says: the county's alert and its indicator with ranks, in the PDF's text.
    const QString out = path(QStringLiteral("atlas-counties.pdf"));
    const Run r = dvdash({ QStringLiteral("report"), QStringLiteral("--province"),
        QStringLiteral("--counties"), QStringLiteral("--out"), out, QStringLiteral("--from"),
        QStringLiteral("2026-11-20"), QStringLiteral("--to"), QStringLiteral("2026-11-22"),
        QStringLiteral("--store"), mSpec, QStringLiteral("--lang"), QStringLiteral("en") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QString page;
    for (const QString &text : pdfText(out).split(QLatin1Char('\f'))) {
        if (text.contains(QStringLiteral("· 520328")))
            page = text;
    }
    QVERIFY2(!page.isEmpty(), "no county page for 520328");
    QVERIFY2(page.contains(QStringLiteral("Alerts in the period")), qPrintable(page));
    QVERIFY2(page.contains(QStringLiteral("Rank of 88")), qPrintable(page));
    QVERIFY2(page.contains(QStringLiteral("In prefecture")), qPrintable(page));
    const QString internet = QLocale(QLocale::English).toString(mInternet, 'f', 1);
    QVERIFY2(page.contains(QRegularExpression(QStringLiteral("Rural internet penetration\\s+")
                 + QRegularExpression::escape(internet))),
        qPrintable(page));
}

// The window in another language than the report: every text of an English report -- the
// legend's site types, the charts' metrics, the headings, the map's notes -- is English, though
// each tr() of the window answers otherwise (here a translator marking every string ZH:).
void TestReport::reportLanguageOverWindowLanguage()
{
    class MarkingTranslator : public QTranslator {
    public:
        bool isEmpty() const override { return false; }
        QString translate(const char *, const char *source, const char *, int) const override
        {
            return QStringLiteral("ZH:") + QString::fromUtf8(source);
        }
    };
    MarkingTranslator window; // removes itself when it goes
    QVERIFY(QCoreApplication::installTranslator(&window));
    dv::ReportLanguage::install(); // as TranslationLoader does once the program's are in
    QCOMPARE(QCoreApplication::translate("dv::FieldLabels", "Tea garden"),
        QStringLiteral("ZH:Tea garden")); // the window's own texts stay as they were

    QString error;
    dv::StoreSet stores(mSpec);
    dv::ReportOptions options;
    options.county = QStringLiteral("520328");
    options.language = QStringLiteral("en");
    options.from = kNov20;
    options.to = kNov20 + 3 * kDay;
    auto data = dv::ReportDataReader::read(stores, options, &error);
    QVERIFY2(data, qPrintable(error));
    const dv::ReportComposer composer(std::move(*data));
    const QString out = path(QStringLiteral("window-language.pdf"));
    QVERIFY2(composer.writePdf(out, &error), qPrintable(error));
    const QString title = composer.title();
    QCOMPARE(title, QStringLiteral("湄潭县 digital village briefing"));
    const QString text = pdfText(out);
    QVERIFY2(!text.contains(QStringLiteral("ZH:")),
        qPrintable(text.mid(text.indexOf(QStringLiteral("ZH:")) - 40, 120)));
    for (const QString &expected : { QStringLiteral("Tea garden"),
             QStringLiteral("Air temperature"), QStringLiteral("Key figures"),
             QStringLiteral("Page 2 of"), QStringLiteral("Schematic map"),
             QStringLiteral("10,000 yuan") }) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    // Units in the report's language too (issue 16): the store keeps 万元 and 亩.
    for (const QString &unit : { QStringLiteral("亿元"), QStringLiteral("万元"), QStringLiteral("亩") })
        QVERIFY2(!text.contains(unit), qPrintable(text.mid(text.indexOf(unit) - 60, 120)));
}

// The briefing's map page: the map grows down to the key figures, which end at the foot of the
// page body instead of leaving its last fifth empty.
void TestReport::briefingMapPageFillsItsBody()
{
    QString error;
    dv::StoreSet stores(mSpec);
    dv::ReportOptions options;
    options.county = QStringLiteral("520328");
    options.language = QStringLiteral("en");
    options.from = kNov20;
    options.to = kNov20 + 3 * kDay;
    auto data = dv::ReportDataReader::read(stores, options, &error);
    QVERIFY2(data, qPrintable(error));
    const dv::ReportComposer composer(std::move(*data));
    int index = -1;
    for (int i = 0; i < composer.pageCount(); ++i) {
        if (composer.pages().at(i).kind == dv::ReportComposer::Page::CountyMap)
            index = i;
    }
    QVERIFY(index >= 0);
    const QRectF body = composer.contentRect();
    QImage image(composer.pageSize().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        dv::ReportPages::paint(p, composer.pages().at(index), composer.data(), body);
    }
    // The lowest painted row, and nothing below the body.
    int lowest = -1;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(line[x]) > 0) {
                lowest = y;
                break;
            }
        }
    }
    QVERIFY(lowest > 0);
    const double emptyShare = (body.bottom() - lowest) / body.height();
    QVERIFY2(emptyShare >= -0.002 && emptyShare < 0.05,
        qPrintable(QStringLiteral("the page body's last %1 % is empty").arg(emptyShare * 100)));
}

// Without --lang the report takes the language of the settings, else Chinese, while the
// program's own messages follow the system's (English here): the whole report is Chinese all
// the same -- the map legend's site types and the charts' titles too.
void TestReport::reportLanguageWithoutLangOption()
{
    const QByteArray system = qgetenv("LC_ALL");
    qputenv("LC_ALL", "C.UTF-8");
    QStringList args = briefing(path(QStringLiteral("no-lang.pdf")), QString());
    args.removeLast();
    args.removeLast(); // no --lang
    const Run r = dvdash(args);
    qputenv("LC_ALL", system);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Report written")), qPrintable(r.out));
    const QString text = pdfText(path(QStringLiteral("no-lang.pdf")));
    for (const QString &expected : { QStringLiteral("关键数字"), QStringLiteral("茶园"),
             QStringLiteral("气温"), QStringLiteral("示意图") }) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    for (const QString &absent : { QStringLiteral("Tea garden"), QStringLiteral("Air temperature"),
             QStringLiteral("Page 1 of"), QStringLiteral("Schematic map") }) {
        QVERIFY2(!text.contains(absent), qPrintable(absent));
    }
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
