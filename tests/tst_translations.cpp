// Chinese first: the program's own strings and Qt's dialogs in Chinese, and no string left out.
#include "testsupport.h"

#include "metriccatalogue.h"
#include "translationloader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
};

// Reads a Qt Linguist .ts file; false and *error on a malformed file.
bool readTs(const QString &path, QVector<Message> &out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                m = Message { context, {}, {}, {}, {},
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes") };
                inMessage = true;
            } else if (inMessage && name == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                m.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!m.numerus)
                    m.translations << xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                m.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << m;
            inMessage = false;
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

QString key(const Message &m)
{
    return m.context + QLatin1Char('|') + m.source + QLatin1Char('|') + m.comment;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tsFileIsComplete();
    void tsFileCoversEverySourceString();
    void englishNeedsNoCatalogue();
    void chineseInstalled_data();
    void chineseInstalled();
    void metricLabelsFromTheTable();

private:
    QVector<Message> mMessages;
};

void TestTranslations::initTestCase()
{
    QString error;
    QVERIFY2(readTs(QStringLiteral(DVDASH_TS_FILE), mMessages, &error), qPrintable(error));
}

void TestTranslations::cleanupTestCase()
{
}

// Every entry of dvdash_zh_CN.ts is translated and finished: nothing shows up in English.
void TestTranslations::tsFileIsComplete()
{
    QVERIFY2(mMessages.size() >= 100,
        qPrintable(QStringLiteral("only %1 messages").arg(mMessages.size())));
    QStringList problems;
    for (const Message &m : mMessages) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            continue;
        if (m.type == QLatin1String("unfinished"))
            problems << QStringLiteral("unfinished: %1 / %2").arg(m.context, m.source);
        if (m.translations.isEmpty()
            || std::any_of(m.translations.begin(), m.translations.end(),
                [](const QString &t) { return t.trimmed().isEmpty(); }))
            problems << QStringLiteral("empty: %1 / %2").arg(m.context, m.source);
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 problems, e.g.\n").arg(problems.size())
            + problems.mid(0, 15).join(QLatin1Char('\n'))));
}

// lupdate run over the sources now finds no string that the committed .ts lacks, so a new
// tr() without a translation fails here rather than in front of a user.
void TestTranslations::tsFileCoversEverySourceString()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
    const QString src = QStringLiteral(DVDASH_SOURCE_DIR);
    QProcess lupdate;
    lupdate.start(QStringLiteral(DVDASH_LUPDATE),
        { QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("-extensions"), QStringLiteral("cpp,h"), src + QStringLiteral("/app"),
            src + QStringLiteral("/widgets"), src + QStringLiteral("/models"),
            QStringLiteral("-ts"), fresh });
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    QVector<Message> found;
    QString error;
    QVERIFY2(readTs(fresh, found, &error), qPrintable(error));
    QVERIFY2(found.size() >= 100, qPrintable(QString::number(found.size())));

    QSet<QString> committed;
    for (const Message &m : mMessages) {
        if (m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete"))
            committed.insert(key(m));
    }
    QStringList missing;
    for (const Message &m : found) {
        if (!committed.contains(key(m)))
            missing << QStringLiteral("%1 / %2").arg(m.context, m.source);
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("%1 strings missing from %2, e.g.\n")
                       .arg(missing.size())
                       .arg(QStringLiteral(DVDASH_TS_FILE))
            + missing.mid(0, 15).join(QLatin1Char('\n'))));
}

// English is the source language: choosing it loads nothing and translates nothing.
void TestTranslations::englishNeedsNoCatalogue()
{
    QVERIFY(dv::TranslationLoader::isSupported(QStringLiteral("en")));
    QVERIFY(dv::TranslationLoader::isSupported(QStringLiteral("zh_CN")));
    QVERIFY(!dv::TranslationLoader::isSupported(QStringLiteral("fr")));
    QCOMPARE(dv::TranslationLoader::resolve(QStringLiteral("en")), QStringLiteral("en"));
    QVERIFY(dv::TranslationLoader::install(*qApp, QStringLiteral("en")));
    QCOMPARE(
        QCoreApplication::translate("dv::FieldLabels", "Tea garden"), QStringLiteral("Tea garden"));
}

void TestTranslations::chineseInstalled_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("chinese");
    QTest::newRow("tea garden") << QStringLiteral("dv::FieldLabels") << QStringLiteral("Tea garden")
                                << QStringLiteral("茶园");
    QTest::newRow("village clinic")
        << QStringLiteral("dv::FieldLabels") << QStringLiteral("Village clinic")
        << QStringLiteral("村卫生室");
    QTest::newRow("pig farm") << QStringLiteral("dv::FieldLabels") << QStringLiteral("Pig farm")
                              << QStringLiteral("生猪养殖场");
    // Qt's own catalogue (qtbase_zh_CN.qm): buttons of Qt's dialogs and progress dialogs.
    QTest::newRow("qtbase OK") << QStringLiteral("QPlatformTheme") << QStringLiteral("OK")
                               << QStringLiteral("确定");
    QTest::newRow("qtbase Cancel")
        << QStringLiteral("QProgressDialog") << QStringLiteral("Cancel") << QStringLiteral("取消");
}

// The zh_CN choice installs our catalogue and Qt's, so the whole program speaks Chinese.
void TestTranslations::chineseInstalled()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, chinese);
    static const bool installed = dv::TranslationLoader::install(*qApp, QStringLiteral("zh_CN"));
    QVERIFY(installed);
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()),
        chinese);
}

// Charts and tables name metrics through the one metric table, in the user's language.
void TestTranslations::metricLabelsFromTheTable()
{
    QVERIFY(dv::TranslationLoader::install(*qApp, QStringLiteral("zh_CN")));
    QCOMPARE(dv::MetricCatalogue::label(
                 dv::MetricCatalogue::byName(QStringLiteral("body_temperature"))->id),
        QStringLiteral("体温"));
    QCOMPARE(dv::MetricCatalogue::label(
                 dv::MetricCatalogue::byName(QStringLiteral("soil_moisture"))->id),
        QStringLiteral("土壤含水量"));
    QCOMPARE(dv::MetricCatalogue::label(999), QStringLiteral("999"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
