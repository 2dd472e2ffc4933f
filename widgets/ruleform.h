// The form for one early-warning rule: every field, shown as the rule's kind needs it.
#pragma once

#include "alertrule.h"

#include <QHash>
#include <QString>
#include <QVector>
#include <QWidget>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimeEdit;

namespace dv {

// Text typed into a duration field that is not a duration, by JSON field name
// ("minimum_duration", "window"). The rule keeps its last good value meanwhile.
using RuleDrafts = QHash<QString, QString>;

class RuleForm : public QWidget {
    Q_OBJECT
public:
    explicit RuleForm(QWidget *parent = nullptr);

    // Shows a rule without emitting edited().
    void setRule(const AlertRule &rule, const RuleDrafts &drafts = {});
    const AlertRule &rule() const { return mRule; }
    const RuleDrafts &drafts() const { return mDrafts; }

    // Shows each problem under its field; fields are JSON names as in RuleIssue.
    void setIssues(const QVector<RuleIssue> &issues);
    // The problem shown under a field, empty when none.
    QString issueText(const QString &field) const;
    // Whether a field's row is shown for the current kind (also while the form is hidden).
    bool isFieldShown(const QString &field) const;

    // Problems of the typed text itself, e.g. "5x" in a duration field.
    static QVector<RuleIssue> draftIssues(const RuleDrafts &drafts);
    // "Recovery", "Site type": the label of a JSON field name, for problem lists.
    static QString fieldLabel(const QString &field);

signals:
    // The user changed a field; rule() and drafts() hold the new state.
    void edited();

private:
    QLabel *addField(QFormLayout *form, const QString &field, QWidget *editor);
    void updateKindFields();
    void updateUnit();
    void durationEdited(const QString &field, const QString &text);
    void activeHoursEdited();
    void activeMonthsEdited();
    void commit();

    AlertRule mRule;
    RuleDrafts mDrafts;
    bool mLoading = false;

    QLineEdit *mId;
    QLineEdit *mName;
    QComboBox *mKind;
    QComboBox *mMetric;
    QComboBox *mDirection;
    QComboBox *mSeverity;
    QDoubleSpinBox *mTrigger;
    QDoubleSpinBox *mRecovery;
    QLineEdit *mMinimumDuration;
    QLineEdit *mWindow;
    QDoubleSpinBox *mStaleFactor;
    QLineEdit *mCounty;
    QComboBox *mSiteType;
    QLineEdit *mSite;
    QLineEdit *mDevice;
    QCheckBox *mActiveHours;
    QTimeEdit *mActiveFrom;
    QTimeEdit *mActiveTo;
    QVector<QAbstractButton *> mMonths; // January to December; none checked: all year
    QLabel *mMonthsNote;
    QPlainTextEdit *mSource;

    struct Field {
        QFormLayout *form;
        QWidget *editor;
        QLabel *problem;
        bool used = true;
    };
    QHash<QString, Field> mFields;
};

} // namespace dv
