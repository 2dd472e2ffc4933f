// The county indicator table: year and prefecture choosers, sortable table, copy to clipboard.
#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace dv {

class IndicatorTableModel;
class StoreReader;

// Sorting keeps the province and prefecture rows on top (the province first) and counties
// without a value at the bottom, whichever way a column is sorted.
class IndicatorTableView : public QWidget {
    Q_OBJECT
public:
    // The model stays the caller's; the view fills it with what it asks the reader for (not
    // owned; nullptr: the caller fills the model itself).
    IndicatorTableView(IndicatorTableModel *model, StoreReader *reader, QWidget *parent = nullptr);

    // Asks the store again for the year shown (after an import or a restore); the table and the
    // year chooser change when the answer comes.
    void reload();
    // Asks for another year; the table shows the current one until it comes.
    void setYear(int year);
    // Whether the year asked for has not come yet.
    bool isLoading() const { return mLoading; }
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
    // The user chose a year in the year chooser (not emitted for setYear()), for the map to
    // follow.
    void yearChosen(int year);

private:
    void fillYears();
    void modelReset();
    void request(int year);

    IndicatorTableModel *mModel;
    QPointer<StoreReader> mReader;
    bool mLoading = false;
    QSortFilterProxyModel *mProxy;
    QTableView *mView;
    QComboBox *mYear;
    QComboBox *mPrefecture;
    QLabel *mNote;
};

} // namespace dv
