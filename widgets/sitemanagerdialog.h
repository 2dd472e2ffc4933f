// Sites…: the office's registered sites in a table with filters, to edit and retire.
#pragma once

#include "site.h"
#include "sitetype.h"

#include <QDialog>
#include <QHash>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace dv {

class SiteTableModel;

// Shows; the workspace that opened it saves (saveRequested, retireRequested) and reports back
// (showMessage, showError). Sample sites are not listed: they are not the office's to edit.
class SiteManagerDialog : public QDialog {
    Q_OBJECT
public:
    explicit SiteManagerDialog(QWidget *parent = nullptr);

    void setSites(const std::vector<Site> &sites, const std::vector<SiteType> &types,
        const QHash<QString, QString> &countyNames);

    SiteTableModel *model() const { return mModel; }
    QTableView *table() const { return mTable; }
    QComboBox *countyFilter() const { return mCounty; }
    QComboBox *typeFilter() const { return mType; }
    QComboBox *statusFilter() const { return mStatus; }
    QLineEdit *textFilter() const { return mText; }
    QPushButton *editButton() const { return mEdit; }
    QPushButton *retireButton() const { return mRetire; }
    QLabel *messageLabel() const { return mMessage; }
    // The selected site's id; empty when none.
    QString currentId() const;
    void selectSite(const QString &id);

public slots:
    void showMessage(const QString &message);
    void showError(const QString &error);
    // Opens the edit dialog for the selected site.
    void editCurrent();
    // Asks, then retires the selected site.
    void retireCurrent();

signals:
    void saveRequested(const Site &site);
    void retireRequested(const QString &siteId);

private:
    void fillFilters();
    void updateButtons();

    SiteTableModel *mModel;
    QTableView *mTable;
    QComboBox *mCounty;
    QComboBox *mType;
    QComboBox *mStatus;
    QLineEdit *mText;
    QPushButton *mEdit;
    QPushButton *mRetire;
    QLabel *mMessage;
    QLabel *mCount;
};

} // namespace dv
