// The early-warning rule editor: the list of rules, a form for one, problems shown as you type.
#pragma once

#include "alertrule.h"
#include "rulebook.h"
#include "ruleform.h"

#include <QDialog>
#include <QString>
#include <QStringList>
#include <QVector>

class QListWidget;
class QPushButton;
class QTreeWidget;

namespace dv {

// Edits a copy of a RuleBook; the caller saves rules() (AlertStore::saveRules) after
// exec() returns Accepted. OK is enabled only while the whole book validates.
class RuleEditorDialog : public QDialog {
    Q_OBJECT
public:
    explicit RuleEditorDialog(const RuleBook &rules, QWidget *parent = nullptr);

    // The edited book.
    RuleBook rules() const;

    int currentRow() const;
    void selectRule(int row);
    RuleForm *form() const { return mForm; }
    QPushButton *okButton() const { return mOk; }
    // Every problem of the book as shown at the bottom: "“name” · Recovery: must be …".
    QStringList problems() const;
    // The problems of one rule, with JSON field names.
    QVector<RuleIssue> issuesOf(int row) const;

    void addRule();
    void duplicateRule();
    void removeRule();
    void restoreDefaults();
    // Replaces every rule with those of a rule file; on failure changes nothing and returns
    // false with every problem, one per line, each naming its field.
    bool importFile(const QString &path, QString *error);
    bool exportFile(const QString &path, QString *error) const;

private:
    struct Entry {
        AlertRule rule;
        RuleDrafts drafts; // duration text that does not parse yet
    };

    void setEntries(QVector<Entry> entries, int select);
    void showCurrent();
    void formEdited();
    void revalidate();
    void updateItem(int row);
    QString uniqueId(const QString &base) const;
    QString uniqueName(const QString &base) const;
    void chooseImport();
    void chooseExport();

    QVector<Entry> mEntries;
    QVector<QVector<RuleIssue>> mIssues; // per row, from the last revalidate()

    QTreeWidget *mList;
    RuleForm *mForm;
    QListWidget *mProblems;
    QPushButton *mOk;
    QPushButton *mDuplicate;
    QPushButton *mRemove;
    QPushButton *mExport;
};

} // namespace dv
