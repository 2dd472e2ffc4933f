// One indicator over the years for a few chosen counties, as lines or grouped bars.
#pragma once

#include "countydirectory.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QPushButton;
class QToolButton;

namespace dv {

class StoreReader;

// Reads through a StoreReader: each county's series is asked for once per indicator and kept,
// so switching lines and bars or removing a county redraws at once; until a new county's values
// come the chart keeps what it shows.
class IndicatorTrendChart : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Lines, Bars };
    // More lines than this are hard to tell apart; addCounty() refuses the next one.
    static constexpr int kMaxCounties = 8;

    IndicatorTrendChart(StoreReader *reader, CountyDirectory counties, QWidget *parent = nullptr);
    ~IndicatorTrendChart() override;

    // Asks again for the indicator list, the years and the values, e.g. after an import.
    void reload();
    // Whether what the chart should show waits for the store.
    bool isLoading() const { return mListPending || mSeriesPending; }
    void setIndicator(const QString &indicatorId);
    QString indicator() const { return mIndicator; }
    // False when the code is unknown, already shown, or kMaxCounties are shown.
    bool addCounty(const QString &countyCode);
    void removeCounty(const QString &countyCode);
    void setCounties(const QStringList &countyCodes);
    QStringList counties() const { return mShown; }
    void setMode(Mode mode);
    Mode mode() const { return mMode; }
    // The store's error of the last reload, empty when it worked.
    QString error() const { return mError; }

    // The chart as shown, as a PNG (QWidget::grab of the chart view). Qt Charts lays changes out
    // from the event loop: let it run once after a setter before exporting.
    bool exportPng(const QString &path, QString *error) const;

    // What is drawn, for tests: one series (line) or bar set (bars) per county.
    int seriesCount() const;
    // Points (line) or bars with a value (bars) of a series.
    int pointCount(int series) const;
    QString axisTitle() const;
    // Okabe–Ito colours, one per line in the order counties were added.
    static QColor seriesColour(int index);

private:
    struct Plot; // the Qt Charts objects

    void rebuild();
    // Asks for the shown counties' series of the indicator not yet at hand; false if none is.
    bool requestMissing();
    void fillIndicators();
    void updateAddButton();
    void exportAsked();

    QPointer<StoreReader> mReader;
    CountyDirectory mCounties;
    QList<int> mYears;
    // indicator id -> county code -> value by year, as read
    QHash<QString, QHash<QString, QMap<int, double>>> mSeries;
    bool mListPending = false;
    bool mSeriesPending = false;
    QString mIndicator;
    QStringList mShown;
    Mode mMode = Mode::Lines;
    QString mError;
    std::unique_ptr<Plot> mPlot;
    QComboBox *mIndicatorBox;
    QComboBox *mCountyBox;
    QPushButton *mAdd;
    QToolButton *mLines;
    QToolButton *mBars;
};

} // namespace dv
