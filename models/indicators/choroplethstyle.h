// One indicator for one year as a choropleth: classes, their colours, and the legend's rows.
#pragma once

#include "classbreaks.h"
#include "colorramp.h"

#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>
#include <vector>

namespace dv {

class VectorLayer;

// A value: the inputs (indicator, year, values by county code, method, classes, palette) and
// what follows from them, recomputed by every setter. Classifying 88 values takes microseconds,
// so a setter never has to be batched; painting then only looks colours up.
class ChoroplethStyle {
    Q_DECLARE_TR_FUNCTIONS(dv::ChoroplethStyle)
public:
    struct LegendRow {
        QColor colour; // invalid for the no-data row, which is drawn hatched
        QString text; // "12.5 – 30.0 %", or one number when the class holds one value
        int count = 0; // counties in the class
        bool noData = false;
    };

    ChoroplethStyle();

    // The indicator's display name, the legend's title.
    QString title() const { return mTitle; }
    void setTitle(const QString &title) { mTitle = title; }
    QString indicatorId() const { return mIndicatorId; }
    void setIndicatorId(const QString &id) { mIndicatorId = id; }
    QString unit() const { return mUnit; }
    void setUnit(const QString &unit);
    int decimals() const { return mDecimals; }
    void setDecimals(int decimals);
    int year() const { return mYear; }
    void setYear(int year) { mYear = year; }
    // Where the values come from, e.g. "Sample data" or a yearbook; the legend's last line.
    QString source() const { return mSource; }
    void setSource(const QString &source) { mSource = source; }

    // Values by county code; a county missing here, or with NaN, has no data.
    const QHash<QString, double> &values() const { return mValues; }
    void setValues(const QHash<QString, double> &values);
    // Every county on the map, so counties absent from values() count as "no data". Empty: only
    // the NaN values count. Codes in values() that are not in this list are ignored.
    const QStringList &countyCodes() const { return mCountyCodes; }
    void setCountyCodes(const QStringList &codes);

    // Classes computed over these values instead of this year's: every year's values of the
    // indicator, so that a colour means the same amount in every year and playing the years
    // shows the province rising rather than counties changing rank. span names them for the
    // legend ("2019–2025"). Empty values: classes over this year's values (the default).
    void setBreakValues(const std::vector<double> &values, const QString &span);
    bool hasBreakValues() const { return !mBreakValues.empty(); }
    QString breakSpan() const { return mBreakSpan; }

    ClassBreaks::Method method() const { return mMethod; }
    void setMethod(ClassBreaks::Method method);
    int requestedClasses() const { return mRequestedClasses; }
    void setClassCount(int classes);
    QString paletteId() const { return mPaletteId; }
    void setPaletteId(const QString &id);
    bool isReversed() const { return mReversed; }
    void setReversed(bool reversed);

    // The classification, or nullopt when no county has data (every county is then hatched).
    const std::optional<ClassBreaks> &breaks() const { return mBreaks; }
    // Why there is no classification, in the user's language; empty when there is one.
    QString error() const { return mError; }
    // One colour per class, lowest class first.
    const QVector<QColor> &classColours() const { return mColours; }
    // The class of a county, -1 when it has no data.
    int classOf(const QString &countyCode) const;
    // The fill of a county, invalid when it has no data.
    QColor colourFor(const QString &countyCode) const;
    int noDataCount() const { return mNoDataCount; }

    // Class rows lowest first, then a "No data (n counties)" row when any county lacks data.
    QVector<LegendRow> legendRows() const;
    // "2023 · Natural breaks (Jenks)": the legend's line under the title; with break values
    // "2023 · Natural breaks (Jenks) over 2019–2025".
    QString subtitle() const;
    // A value in the indicator's decimals, with the user's locale's digits and separators.
    QString formatValue(double value) const;

    // The attribute that joins values to map features: the counties layer's administrative code.
    static QString joinField();
    // The join codes of a layer's features, by feature index (empty when it lacks joinField()).
    static QStringList codesOf(const VectorLayer &layer);

    // How "no data" looks on maps and legends: a light fill under a mid-grey diagonal hatch.
    static QColor noDataFill();
    static QColor noDataHatch();

private:
    void classify();
    void colourClasses();

    QString mTitle;
    QString mIndicatorId;
    QString mUnit;
    int mDecimals = 1;
    int mYear = 0;
    QString mSource;
    QHash<QString, double> mValues;
    QStringList mCountyCodes;
    std::vector<double> mBreakValues;
    QString mBreakSpan;
    ClassBreaks::Method mMethod = ClassBreaks::Method::Quantile;
    int mRequestedClasses = 5;
    QString mPaletteId;
    bool mReversed = false;

    std::optional<ClassBreaks> mBreaks;
    QString mError;
    QVector<QColor> mColours;
    QHash<QString, int> mClassByCode; // counties with data only
    std::vector<double> mClassMin, mClassMax; // this year's values in each class
    std::vector<int> mClassCounts; // this year's counties in each class
    int mNoDataCount = 0;
};

} // namespace dv
