// The alert list: open alerts first, sorted and filtered; acknowledge with a name and a note.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace dv {

class AlertTableModel;
struct AlertRecord;

class AlertPanel : public QWidget {
    Q_OBJECT
public:
    explicit AlertPanel(AlertTableModel *model, QWidget *parent = nullptr);

    // Open alerts only (the default), or the history too.
    void setShowResolved(bool on);
    void setSeverityFilter(int index); // 0 all, 1 critical, 2 warning
    void setTextFilter(const QString &text);
    int visibleRows() const;
    QTableView *view() const { return mView; }
    // The alert on a visible row, in the order shown.
    const AlertRecord *alertAtRow(int row) const;
    // Asks who and why (prefilled with the system user), then emits acknowledgeRequested.
    void acknowledgeSelected();

signals:
    void acknowledgeRequested(quint64 episode, const QString &who, const QString &note);
    // Double-click: show the site and its chart.
    void alertActivated(const QString &deviceKey, qint64 time);
    // The user changed what is listed: the owner reloads with or without resolved alerts.
    void showResolvedChanged(bool on);

private:
    void updateButtons();

    AlertTableModel *mModel;
    QSortFilterProxyModel *mProxy;
    QTableView *mView;
    QCheckBox *mShowResolved;
    QComboBox *mSeverity;
    QLineEdit *mFilter;
    QPushButton *mAcknowledge;
};

} // namespace dv
