// Counties × indicators for one year as a table: values, ranks, change, classes, aggregates.
#pragma once

#include "countydirectory.h"
#include "indicator.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QList>
#include <QModelIndexList>
#include <QString>

#include <vector>

namespace dv {

class CompositeIndex;
class IndicatorStore;

// One year of the table as read from the store: what IndicatorTableModel shows, fetched where
// the store may be slow (a StoreReader's worker) and handed to the model on the GUI thread.
struct IndicatorTableData {
    std::vector<Indicator> indicators;
    QList<int> years; // with values, ascending
    int year = 0;
    bool sample = false;
    // Value columns (the composite index, then each indicator) by county code: the year and the
    // year before, for the change.
    std::vector<QHash<QString, double>> now, before;
    QString indexWeights; // the index column's header tooltip
    QString error; // the store's error; nothing else is set then
};

// Rows: the province, then its prefectures (by code), then the counties (by code). Columns:
// county, prefecture, the composite index, then one per indicator. The model holds no store:
// read() fetches a year (five store queries) wherever the store may be waited on, setTableData()
// computes ranks, classes and aggregates on the model's thread, so data() only looks values up.
//
// Aggregate rows: an amount (亿元, 万元, 亩 … see isAmount()) is summed over the counties that
// have a value; any other unit (%, 元/人, an index) is the unweighted mean of those counties,
// i.e. the typical county rather than a population-weighted provincial rate, which would need
// denominators the store does not hold. Aggregates are neither ranked nor classed.
class IndicatorTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CountyColumn, PrefectureColumn, IndexColumn, FirstIndicatorColumn };
    enum RowKind { CountyRow, PrefectureRow, ProvinceRow };
    enum Role {
        SortRole = Qt::UserRole, // raw number (NaN when missing), or the name for text columns
        RankRole, // int, 1 = best among the counties with a value; 0 for none and aggregates
        ChangeRole, // double, value minus last year's (percentage points for %); NaN when none
        RowKindRole, // RowKind
        CodeRole, // county code, prefecture code, or empty for the province
        PrefectureCodeRole, // the prefecture of a county or prefecture row
        ExportRole, // the value for a spreadsheet: plain digits, '.' decimal point, no grouping
        SampleRole, // bool: the year's values include the bundled sample
        // QColor of the county's class (quantiles, 5 classes, YlGnBu, dark = better), as the
        // map would fill it; Qt::BackgroundRole is a lighter tint of it. Invalid for no data.
        ClassColourRole,
    };

    explicit IndicatorTableModel(CountyDirectory counties, QObject *parent = nullptr);

    // Reads a year (0: the latest with values) and the year before; any thread, store nullptr
    // gives an error. Thread-safe for a store object used by one thread.
    static IndicatorTableData read(IndicatorStore *store, int year);
    // Shows what read() returned (an error empties the table and keeps the years).
    void setTableData(IndicatorTableData data);
    int year() const { return mYear; }
    // Years with values, ascending; the owner fills its year chooser from it.
    QList<int> years() const { return mYears; }
    bool isSample() const { return mSample; }
    // The store's error of the last setTableData(), empty when it worked.
    QString error() const { return mError; }
    // Prefecture code → name, in code order.
    const std::vector<std::pair<QString, QString>> &prefectures() const { return mPrefectures; }
    const CountyDirectory &counties() const { return mCounties; }
    const std::vector<Indicator> &indicators() const { return mIndicators; }
    // The indicator of a column, nullptr for the name and index columns.
    const Indicator *indicatorAt(int column) const;

    // Tab-separated text with a header row, what spreadsheets paste into cells. The rows and
    // columns of indexes (of this model or a proxy over it), in their order; all of this model
    // when indexes is empty. Numbers are written plainly (ExportRole).
    static QString toTsv(const QModelIndexList &indexes);
    QString toTsv() const;

    // True for units that add up across counties (money, area, counts): aggregates sum them.
    static bool isAmount(const QString &unit);
    // Ranks of values by county, 1 = best; ties share the better rank; NaN values unranked.
    static QHash<QString, int> ranks(const QHash<QString, double> &values, bool higherIsBetter);
    // The sum or mean (see isAmount) of the given counties' finite values; NaN when none.
    static double aggregate(
        const QHash<QString, double> &values, const QStringList &counties, bool sum);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // The index column's header tooltip: the formula and this year's weights.
    static QString indexWeightsText(
        const CompositeIndex &index, const std::vector<Indicator> &indicators);

private:
    struct Cell {
        double value;
        double previous;
        int rank = 0;
        int ranked = 0; // counties ranked in this column
        QColor fill;
    };
    struct Row {
        RowKind kind = CountyRow;
        QString code;
        QString name;
        QString prefectureCode;
        QString prefectureName;
        int counties = 0; // aggregates: counties in the row
        std::vector<Cell> cells; // one per value column (index, then indicators)
    };

    void buildRows(const std::vector<QHash<QString, double>> &now,
        const std::vector<QHash<QString, double>> &before);
    QString format(int valueColumn, double value) const;
    QString changeText(int valueColumn, double change) const;
    QString tooltip(const Row &row, int column) const;
    int decimals(int valueColumn) const;
    QString unit(int valueColumn) const;
    bool higherIsBetter(int valueColumn) const;

    CountyDirectory mCounties;
    std::vector<std::pair<QString, QString>> mPrefectures;
    std::vector<Indicator> mIndicators;
    QList<int> mYears;
    int mYear = 0;
    bool mSample = false;
    QString mError;
    std::vector<Row> mRows;
    QString mIndexWeights;
};

} // namespace dv
