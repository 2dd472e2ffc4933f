// The county indicator table: year and prefecture choosers, sortable table, copy to clipboard.
#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace dv {

class IndicatorTableModel;

// Sorting keeps the province and prefecture rows on top (the province first) and counties
// without a value at the bottom, whichever way a column is sorted.
class IndicatorTableView : public QWidget {
    Q_OBJECT
public:
    // The model stays the caller's; the view calls its setYear() and reload().
    explicit IndicatorTableView(IndicatorTableModel *model, QWidget *parent = nullptr);

    // Re-reads the store (after an import or a restore) and refills the year chooser.
    void reload();
    void setYear(int year);
    // Empty: every prefecture. Otherwise the province row, the prefecture's row and its counties.
    void setPrefectureFilter(const QString &prefectureCode);
    QString prefectureFilter() const;

    // The selection, or the whole table as shown when nothing is selected, as TSV.
    QString selectionAsTsv() const;
    // Puts selectionAsTsv() on the clipboard (Ctrl+C and the Copy button).
    void copy();

    QTableView *view() const { return mView; }
    QSortFilterProxyModel *proxy() const { return mProxy; }

signals:
    // Double-click on a county row.
    void countyActivated(const QString &countyCode);

private:
    void fillYears();
    void modelReset();

    IndicatorTableModel *mModel;
    QSortFilterProxyModel *mProxy;
    QTableView *mView;
    QComboBox *mYear;
    QComboBox *mPrefecture;
    QLabel *mNote;
};

} // namespace dv
