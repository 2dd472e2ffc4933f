// One county at a glance: every indicator's latest value, change, rank and trend.
#pragma once

#include "countydirectory.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <limits>
#include <vector>

class QLabel;
class QTableWidget;

namespace dv {

class IndicatorStore;
class StoreReader;

// A table with one row for the composite index and one per indicator: the county's value in the
// latest year it has one, the change on the year before, its rank among the counties with a
// value, and a small chart of the county against its prefecture and the province over the years.
// The trend's prefecture and province lines are the mean of their counties for every indicator,
// amounts too (unlike IndicatorTableModel's sums), so that a county is compared with a county.
class CountyProfile : public QWidget {
    Q_OBJECT
public:
    struct Row {
        QString indicatorId; // empty for the composite index
        QString name; // in the user's language
        QString unit;
        int decimals = 1;
        int year = 0; // the latest year with the county's value; 0 when it has none
        double value = std::numeric_limits<double>::quiet_NaN();
        double change = std::numeric_limits<double>::quiet_NaN(); // on year - 1
        int rank = 0; // 1 = best; 0 when unranked
        int ranked = 0; // counties with a value that year
        QList<int> years; // the store's years, ascending
        QList<double> county, prefecture, province; // per year (means); NaN where missing
    };

    // Reads through reader (not owned), on its worker: the profile never waits for the store.
    CountyProfile(StoreReader *reader, CountyDirectory counties, QWidget *parent = nullptr);

    // Shows a county by code (when its figures come); an unknown code empties the profile.
    void setCounty(const QString &countyCode);
    QString county() const { return mCounty; }
    // Asks the store again, e.g. after an import.
    void reload();
    // Whether the county's figures asked for have not come yet.
    bool isLoading() const { return mLoading; }
    // The store's error of the last answer, empty when it worked.
    QString error() const { return mError; }

    // A county's rows (index first, then each indicator) as read from the store; any thread.
    static std::vector<Row> readRows(IndicatorStore &store, const CountyDirectory &counties,
        const QString &countyCode, QString *error);

    const std::vector<Row> &rows() const { return mRows; }
    QTableWidget *table() const { return mTable; }

signals:
    // Double-click on a row: e.g. show that indicator in the trend chart. Empty id: the index.
    void indicatorActivated(const QString &indicatorId);

private:
    void fillTable();

    QPointer<StoreReader> mReader;
    CountyDirectory mCounties;
    QString mCounty;
    bool mLoading = false;
    QString mError;
    std::vector<Row> mRows;
    QLabel *mTitle;
    QLabel *mSubtitle;
    QTableWidget *mTable;
};

} // namespace dv
