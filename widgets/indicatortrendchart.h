// One indicator over the years for a few chosen counties, as lines or grouped bars.
#pragma once

#include "countydirectory.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QPushButton;
class QToolButton;

namespace dv {

class IndicatorStore;

class IndicatorTrendChart : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Lines, Bars };
    // More lines than this are hard to tell apart; addCounty() refuses the next one.
    static constexpr int kMaxCounties = 8;

    IndicatorTrendChart(IndicatorStore *store, CountyDirectory counties, QWidget *parent = nullptr);
    ~IndicatorTrendChart() override;

    // Re-reads the indicator list and values, e.g. after an import.
    void reload();
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
    void fillIndicators();
    void updateAddButton();
    void exportAsked();

    IndicatorStore *mStore;
    CountyDirectory mCounties;
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
