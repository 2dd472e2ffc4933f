// The rule editor: validation as you type, fields by kind, add and edit, JSON import and export.
#include "rulebook.h"
#include "ruleeditordialog.h"
#include "ruleform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace dv;

namespace {

template <typename T> T *field(const RuleEditorDialog &dialog, const char *name)
{
    T *w = dialog.form()->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no form field %s", name);
    return w;
}

// Types like a user: replaces the text key by key, so every keystroke is validated.
void type(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void setKind(const RuleEditorDialog &dialog, AlertRule::Kind kind)
{
    auto *combo = field<QComboBox>(dialog, "kind");
    combo->setCurrentIndex(combo->findData(kind));
}

bool hasIssue(const QVector<RuleIssue> &issues, const QString &field)
{
    return std::any_of(
        issues.begin(), issues.end(), [&](const RuleIssue &i) { return i.field == field; });
}

} // namespace

class TestRuleEditorDialog : public QObject {
    Q_OBJECT

private slots:
    void defaultsLoadAndOkIsEnabled();
    void recoveryOnTheWrongSideIsShownAtOnce();
    void duplicateNameIsReported();
    void badDurationsAreReported();
    void switchingKindHidesFieldsItDoesNotUse();
    void addedRuleIsReturned();
    void exportThenImportRoundTrips();
    void invalidImportChangesNothing();
    void removeAndRestoreDefaults();
    void rendersWithAProblem();
    void activeMonthsShownAndEdited();
};

void TestRuleEditorDialog::defaultsLoadAndOkIsEnabled()
{
    const RuleBook defaults = RuleBook::defaults();
    RuleEditorDialog dialog(defaults);
    QCOMPARE(dialog.rules().size(), defaults.size());
    QCOMPARE(dialog.rules().toJson(), defaults.toJson());
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.currentRow(), 0);
    QCOMPARE(field<QLineEdit>(dialog, "id")->text(), defaults.at(0).id);
    for (int i = 0; i < defaults.size(); ++i) {
        QVERIFY2(dialog.issuesOf(i).isEmpty(), qPrintable(defaults.at(i).id));
        dialog.selectRule(i);
    }
    QVERIFY(dialog.problems().isEmpty());
    // Showing a rule in the form never changes it (no rounding, no defaults filled in).
    QCOMPARE(dialog.rules().toJson(), defaults.toJson());
}

void TestRuleEditorDialog::recoveryOnTheWrongSideIsShownAtOnce()
{
    const RuleBook defaults = RuleBook::defaults();
    RuleEditorDialog dialog(defaults);
    const int row = defaults.indexOf(QStringLiteral("tea_frost_warning")); // below, 4 / 5 °C
    dialog.selectRule(row);
    auto *recovery = field<QDoubleSpinBox>(dialog, "recovery");
    QCOMPARE(recovery->value(), 5.0);
    QCOMPARE(recovery->suffix(), QStringLiteral(" °C"));

    recovery->setValue(3);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(hasIssue(dialog.issuesOf(row), QStringLiteral("recovery")));
    QVERIFY2(
        dialog.form()->issueText(QStringLiteral("recovery")).startsWith(QLatin1String("Recovery")),
        qPrintable(dialog.form()->issueText(QStringLiteral("recovery"))));
    const QStringList problems = dialog.problems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(defaults.at(row).name)
            && problems.first().contains(QLatin1String("Recovery must be above the trigger")),
        qPrintable(problems.first()));
    QCOMPARE(dialog.rules().at(row).recovery, 3.0);

    recovery->setValue(4.5);
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.form()->issueText(QStringLiteral("recovery")).isEmpty());
    QVERIFY(dialog.issuesOf(row).isEmpty());
}

void TestRuleEditorDialog::duplicateNameIsReported()
{
    const RuleBook defaults = RuleBook::defaults();
    RuleEditorDialog dialog(defaults);
    dialog.selectRule(0);
    dialog.duplicateRule();
    QCOMPARE(dialog.rules().size(), defaults.size() + 1);
    QCOMPARE(dialog.currentRow(), 1);
    QVERIFY(dialog.okButton()->isEnabled()); // the copy gets a name and id of its own

    type(field<QLineEdit>(dialog, "name"), defaults.at(0).name);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(hasIssue(dialog.issuesOf(1), QStringLiteral("name")));
    QVERIFY(
        dialog.form()->issueText(QStringLiteral("name")).contains(QLatin1String("earlier rule")));

    type(field<QLineEdit>(dialog, "id"), defaults.at(0).id);
    QVERIFY(hasIssue(dialog.issuesOf(1), QStringLiteral("id")));
}

void TestRuleEditorDialog::badDurationsAreReported()
{
    const RuleBook defaults = RuleBook::defaults();
    RuleEditorDialog dialog(defaults);
    const int row = defaults.indexOf(QStringLiteral("battery_low"));
    dialog.selectRule(row);
    auto *minimum = field<QLineEdit>(dialog, "minimum_duration");
    QCOMPARE(minimum->text(), QStringLiteral("30m"));

    type(minimum, QStringLiteral("-5m"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(hasIssue(dialog.issuesOf(row), QStringLiteral("minimum_duration")));
    QVERIFY(!dialog.form()->issueText(QStringLiteral("minimum_duration")).isEmpty());
    // The rule keeps a usable value until the text is a duration again.
    QVERIFY(dialog.rules().at(row).minimumDurationMs >= 0);

    type(minimum, QStringLiteral("2h"));
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.rules().at(row).minimumDurationMs, qint64(2) * 60 * 60 * 1000);

    // A rate rule's window must be positive.
    setKind(dialog, AlertRule::RateOfChange);
    field<QDoubleSpinBox>(dialog, "trigger")->setValue(-5);
    field<QDoubleSpinBox>(dialog, "recovery")->setValue(-3);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));
    type(field<QLineEdit>(dialog, "window"), QStringLiteral("0m"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.form()->issueText(QStringLiteral("window")).contains(QLatin1String("positive")));

    // A problem stays with its rule while another rule is shown.
    dialog.selectRule(0);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.form()->issueText(QStringLiteral("window")).isEmpty());
    dialog.selectRule(row);
    QVERIFY(!dialog.form()->issueText(QStringLiteral("window")).isEmpty());
}

void TestRuleEditorDialog::switchingKindHidesFieldsItDoesNotUse()
{
    RuleEditorDialog dialog(RuleBook::defaults());
    dialog.selectRule(0);
    auto shown = [&dialog](const char *name) {
        return dialog.form()->isFieldShown(QLatin1String(name))
            && field<QWidget>(dialog, name)->isVisibleTo(&dialog);
    };
    setKind(dialog, AlertRule::Threshold);
    QVERIFY(shown("trigger") && shown("recovery") && shown("direction"));
    QVERIFY(!shown("window") && !shown("stale_factor"));

    setKind(dialog, AlertRule::RateOfChange);
    QVERIFY(shown("window") && shown("trigger"));
    QVERIFY(!shown("stale_factor"));

    setKind(dialog, AlertRule::Stale);
    QVERIFY(shown("stale_factor") && shown("minimum_duration"));
    QVERIFY(!shown("trigger") && !shown("recovery") && !shown("direction") && !shown("window"));
    QCOMPARE(dialog.rules().at(0).staleFactor, 6.0);

    setKind(dialog, AlertRule::SensorFault);
    QVERIFY(!shown("trigger") && !shown("stale_factor") && !shown("window"));
    // "Any metric" only for stale and sensor fault rules.
    auto *metric = field<QComboBox>(dialog, "metric");
    metric->setCurrentIndex(metric->findData(QString()));
    QVERIFY(dialog.issuesOf(0).isEmpty());
    setKind(dialog, AlertRule::Threshold);
    QVERIFY(hasIssue(dialog.issuesOf(0), QStringLiteral("metric")));
}

void TestRuleEditorDialog::addedRuleIsReturned()
{
    const RuleBook defaults = RuleBook::defaults();
    RuleEditorDialog dialog(defaults);
    dialog.addRule();
    const int row = defaults.size();
    QCOMPARE(dialog.currentRow(), row);
    type(field<QLineEdit>(dialog, "id"), QStringLiteral("tea_ph_crash"));
    type(field<QLineEdit>(dialog, "name"), QStringLiteral("Soil pH crash"));
    auto *metric = field<QComboBox>(dialog, "metric");
    metric->setCurrentIndex(metric->findData(QStringLiteral("soil_ph")));
    QCOMPARE(field<QDoubleSpinBox>(dialog, "trigger")->suffix(), QStringLiteral(" pH"));
    auto *direction = field<QComboBox>(dialog, "direction");
    direction->setCurrentIndex(direction->findData(AlertRule::Below));
    field<QDoubleSpinBox>(dialog, "trigger")->setValue(4.0);
    field<QDoubleSpinBox>(dialog, "recovery")->setValue(4.2);
    type(field<QLineEdit>(dialog, "minimum_duration"), QStringLiteral("2d"));
    type(field<QLineEdit>(dialog, "scope.county"), QStringLiteral("520328"));
    auto *siteType = field<QComboBox>(dialog, "scope.site_type");
    siteType->setCurrentIndex(siteType->findData(QStringLiteral("tea_garden")));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));

    const RuleBook book = dialog.rules();
    QCOMPARE(book.size(), defaults.size() + 1);
    const AlertRule &rule = book.at(row);
    QCOMPARE(rule.id, QStringLiteral("tea_ph_crash"));
    QCOMPARE(rule.name, QStringLiteral("Soil pH crash"));
    QCOMPARE(rule.kind, AlertRule::Threshold);
    QCOMPARE(rule.metric, QStringLiteral("soil_ph"));
    QCOMPARE(rule.direction, AlertRule::Below);
    QCOMPARE(rule.trigger, 4.0);
    QCOMPARE(rule.recovery, 4.2);
    QCOMPARE(rule.minimumDurationMs, qint64(2) * 24 * 60 * 60 * 1000);
    QCOMPARE(rule.scope.countyCode, QStringLiteral("520328"));
    QCOMPARE(rule.scope.siteType, QStringLiteral("tea_garden"));
    QVERIFY(book.validate().isEmpty());
}

void TestRuleEditorDialog::exportThenImportRoundTrips()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    RuleEditorDialog dialog(RuleBook::defaults());
    dialog.selectRule(0);
    // QTest types Latin-1 only; an input method delivers the whole text at once, like this.
    field<QLineEdit>(dialog, "name")->setText(QStringLiteral("母猪发热 (own normal)"));
    auto *hours = dialog.form()->findChild<QCheckBox *>(QStringLiteral("active_hours.enabled"));
    QVERIFY(hours);
    hours->setChecked(true);
    QCOMPARE(RuleBook::activeHoursText(dialog.rules().at(0)), QStringLiteral("08:00-18:00"));
    QString error;
    QVERIFY2(dialog.exportFile(path, &error), qPrintable(error));

    RuleEditorDialog other { RuleBook() };
    QCOMPARE(other.rules().size(), 0);
    QVERIFY2(other.importFile(path, &error), qPrintable(error));
    QCOMPARE(other.rules().toJson(), dialog.rules().toJson());
    QCOMPARE(other.rules().at(0).name, QStringLiteral("母猪发热 (own normal)"));
    QVERIFY(other.okButton()->isEnabled());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("母猪发热")); // UTF-8, not escaped
}

void TestRuleEditorDialog::invalidImportChangesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "dvdash-alert-rules", "version": 1, "rules": [
        {"id": "hot", "name": "Hot", "kind": "threshold", "metric": "air_temperature",
         "direction": "above", "trigger": 30, "recovery": 31}]})");
    file.close();

    RuleEditorDialog dialog(RuleBook::defaults());
    const QByteArray before = dialog.rules().toJson();
    QString error;
    QVERIFY(!dialog.importFile(path, &error));
    QVERIFY2(error.contains(QLatin1String("rules[0].recovery")), qPrintable(error));
    QCOMPARE(dialog.rules().toJson(), before);

    QVERIFY(!dialog.importFile(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QLatin1String("missing.json")));
    QCOMPARE(dialog.rules().toJson(), before);
}

void TestRuleEditorDialog::removeAndRestoreDefaults()
{
    const RuleBook defaults = RuleBook::defaults();
    RuleEditorDialog dialog(defaults);
    dialog.selectRule(2);
    dialog.removeRule();
    QCOMPARE(dialog.rules().size(), defaults.size() - 1);
    QCOMPARE(dialog.rules().indexOf(defaults.at(2).id), -1);
    QCOMPARE(dialog.currentRow(), 2);
    QCOMPARE(field<QLineEdit>(dialog, "id")->text(), defaults.at(3).id);
    dialog.restoreDefaults();
    QCOMPARE(dialog.rules().toJson(), defaults.toJson());
}

void TestRuleEditorDialog::rendersWithAProblem()
{
    const RuleBook defaults = RuleBook::defaults();
    RuleEditorDialog dialog(defaults);
    const int row = defaults.indexOf(QStringLiteral("tea_frost_warning"));
    dialog.selectRule(row);
    field<QDoubleSpinBox>(dialog, "recovery")->setValue(3);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QImage image = dialog.grab().toImage();
    QVERIFY(!image.isNull());
    image.save(QDir(QStringLiteral(DVDASH_TEST_OUTPUT_DIR))
                   .filePath(QStringLiteral("ruleeditordialog.png")));
    QVERIFY(field<QWidget>(dialog, "problem:recovery")->isVisible());
}

// The spring-bud frost rule shows its season (February to April) in the list and in the form;
// unticking April and ticking January changes the rule and nothing else.
void TestRuleEditorDialog::activeMonthsShownAndEdited()
{
    const RuleBook defaults = RuleBook::defaults();
    const int row = defaults.indexOf(QStringLiteral("tea_frost_warning"));
    QVERIFY(row >= 0);
    RuleEditorDialog dialog(defaults);
    auto *list = dialog.findChild<QTreeWidget *>();
    QVERIFY(list);
    QCOMPARE(list->topLevelItem(row)->text(3),
        QLocale().monthName(2, QLocale::ShortFormat) + QChar(0x2013)
            + QLocale().monthName(4, QLocale::ShortFormat));
    QCOMPARE(list->topLevelItem(defaults.indexOf(QStringLiteral("battery_low")))->text(3),
        QStringLiteral("All year"));
    dialog.selectRule(row);
    for (int m = 1; m <= 12; ++m) {
        auto *month
            = field<QToolButton>(dialog, qPrintable(QStringLiteral("active_months.%1").arg(m)));
        QCOMPARE(month->isChecked(), m >= 2 && m <= 4);
    }
    field<QToolButton>(dialog, "active_months.4")->click();
    field<QToolButton>(dialog, "active_months.1")->click();
    const AlertRule edited = dialog.rules().at(row);
    QVERIFY(edited.isActiveInMonth(1) && edited.isActiveInMonth(3));
    QVERIFY(!edited.isActiveInMonth(4) && !edited.isActiveInMonth(12));
    QCOMPARE(edited.trigger, defaults.at(row).trigger);
    // And the file keeps it.
    QString error;
    const auto back = RuleBook::fromJson(dialog.rules().toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->at(row).activeMonths, edited.activeMonths);
}

QTEST_MAIN(TestRuleEditorDialog)
#include "tst_ruleeditordialog.moc"
