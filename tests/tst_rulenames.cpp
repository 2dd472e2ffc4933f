// Shipped alert rules are named in the user's language whatever language the store was first
// started in; the office's own rules and renamed ones keep their names.
#include "testsupport.h"

#include "alertrecord.h"
#include "alerttablemodel.h"
#include "rulebook.h"
#include "ruleeditordialog.h"
#include "rulenames.h"

#include <QCoreApplication>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using namespace dv;

namespace {

const QString kCeilingId = QStringLiteral("sow_fever_ceiling");
const QString kCeilingEn = QStringLiteral("Sow fever (absolute ceiling)");
const QString kCeilingZh = QStringLiteral("母猪发热（绝对上限）");

AlertRecord alertOf(quint64 episode, const QString &ruleId, const QString &storedName)
{
    AlertRecord a;
    a.episode = episode;
    a.ruleId = ruleId;
    a.ruleName = storedName;
    a.deviceKey = QStringLiteral("520330/P0033/tag-0005");
    a.state = AlertRecord::Active;
    a.raisedAt = a.activatedAt = 1764547200000 + qint64(episode) * 60000;
    return a;
}

QStringList ruleColumn(const std::vector<AlertRecord> &alerts)
{
    AlertTableModel model;
    model.setAlerts(alerts);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, AlertTableModel::Rule).data().toString();
    names.sort();
    return names;
}

} // namespace

class TestRuleNames : public QObject {
    Q_OBJECT
private slots:
    void init() { QCoreApplication::removeTranslator(&mChinese); }
    void cleanupTestCase() { QCoreApplication::removeTranslator(&mChinese); }
    void shippedNamesFollowTheLanguage();
    void officeNamesStay();
    void alertListFollowsTheLanguage();
    void ruleEditorFollowsTheLanguage();

private:
    void installChinese()
    {
        QVERIFY(mChinese.load(QStringLiteral(":/i18n/dvdash_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&mChinese));
    }
    QTranslator mChinese;
};

void TestRuleNames::shippedNamesFollowTheLanguage()
{
    // A store first started in Chinese holds the Chinese name; English shows English.
    QCOMPARE(RuleNames::display(kCeilingId, kCeilingZh), kCeilingEn);
    QCOMPARE(RuleNames::display(kCeilingId, kCeilingEn), kCeilingEn);
    QVERIFY(RuleNames::isShippedName(kCeilingId, kCeilingZh));
    // Every shipped rule has its name by id, and the defaults carry it.
    const RuleBook english = RuleBook::defaults();
    for (const AlertRule &rule : english.rules()) {
        QVERIFY2(RuleNames::isShipped(rule.id), qPrintable(rule.id));
        QCOMPARE(rule.name, RuleNames::shippedName(rule.id));
    }
    QCOMPARE(english.at(english.indexOf(kCeilingId)).name, kCeilingEn);
    // A report in Chinese from an English window.
    QCOMPARE(RuleNames::display(kCeilingId, kCeilingEn, QStringLiteral("zh_CN")), kCeilingZh);

    installChinese();
    QCOMPARE(RuleNames::display(kCeilingId, kCeilingEn), kCeilingZh);
    QCOMPARE(RuleNames::display(kCeilingId, kCeilingZh), kCeilingZh);
    // A report in English from a Chinese window.
    QCOMPARE(RuleNames::display(kCeilingId, kCeilingZh, QStringLiteral("en")), kCeilingEn);
    const RuleBook chinese = RuleBook::defaults();
    QCOMPARE(chinese.at(chinese.indexOf(kCeilingId)).name, kCeilingZh);
    QCOMPARE(RuleNames::display(chinese.at(chinese.indexOf(QStringLiteral("battery_low")))),
        QStringLiteral("电量低"));
}

void TestRuleNames::officeNamesStay()
{
    // A rule the office made, and a shipped rule it renamed, keep their names in any language.
    const QString own = QStringLiteral("七号场夜间高温");
    const QString renamed = QStringLiteral("Sow fever at farm 7");
    QVERIFY(!RuleNames::isShipped(QStringLiteral("office_night_heat")));
    QCOMPARE(RuleNames::display(QStringLiteral("office_night_heat"), own), own);
    QCOMPARE(RuleNames::display(kCeilingId, renamed), renamed);
    installChinese();
    QCOMPARE(RuleNames::display(QStringLiteral("office_night_heat"), own), own);
    QCOMPARE(RuleNames::display(kCeilingId, renamed), renamed);
    // Without a stored name, the id rather than nothing.
    QCOMPARE(RuleNames::display(QStringLiteral("office_rule"), QString()),
        QStringLiteral("office_rule"));
}

void TestRuleNames::alertListFollowsTheLanguage()
{
    const std::vector<AlertRecord> alerts = { alertOf(1, kCeilingId, kCeilingZh),
        alertOf(2, QStringLiteral("battery_low"), QStringLiteral("Battery low")),
        alertOf(3, QStringLiteral("office_night_heat"), QStringLiteral("七号场夜间高温")),
        alertOf(4, QStringLiteral("tea_drought"), QStringLiteral("Dry soil, upper terrace")) };
    QStringList english = { kCeilingEn, QStringLiteral("Battery low"),
        QStringLiteral("七号场夜间高温"), QStringLiteral("Dry soil, upper terrace") };
    english.sort();
    QCOMPARE(ruleColumn(alerts), english);
    installChinese();
    QStringList chinese = { kCeilingZh, QStringLiteral("电量低"), QStringLiteral("七号场夜间高温"),
        QStringLiteral("Dry soil, upper terrace") };
    chinese.sort();
    QCOMPARE(ruleColumn(alerts), chinese);
}

void TestRuleNames::ruleEditorFollowsTheLanguage()
{
    // The book a Chinese first start stored, opened in English.
    installChinese();
    RuleBook stored = RuleBook::defaults();
    QCoreApplication::removeTranslator(&mChinese);
    QVector<AlertRule> rules = stored.rules();
    AlertRule own = rules.first();
    own.id = QStringLiteral("office_night_heat");
    own.name = QStringLiteral("七号场夜间高温");
    rules.append(own);
    RuleEditorDialog dialog { RuleBook(rules) };
    const auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("ruleList"));
    QVERIFY(list);
    QStringList shown;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        shown << list->topLevelItem(i)->text(0);
    QVERIFY2(shown.contains(kCeilingEn), qPrintable(shown.join(QLatin1Char('|'))));
    QVERIFY(!shown.contains(kCeilingZh));
    QVERIFY(shown.contains(QStringLiteral("七号场夜间高温")));
    // Saved as edited, the shipped rule is still recognised as unrenamed.
    const RuleBook saved = dialog.rules();
    QVERIFY(RuleNames::isShippedName(kCeilingId, saved.at(saved.indexOf(kCeilingId)).name));
}

QTEST_MAIN(TestRuleNames)
#include "tst_rulenames.moc"
