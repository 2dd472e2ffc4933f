// The choropleth's panel: indicator, classification, palette, and a year slider that can play.
#pragma once

#include "choroplethstyle.h"

#include <QHash>
#include <QString>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace dv {

// Never reads data itself: its owner lists the indicators and years and gives a function that
// returns one year's values by county code, or nullopt while they are being fetched (the owner
// then calls refresh() when they are at hand; the map keeps the previous style meanwhile). Every
// change emits the whole style, ready for MapCanvas::setChoropleth(); "None" emits cleared().
class ChoroplethControls : public QWidget {
    Q_OBJECT
public:
    struct Indicator {
        QString id;
        QString name; // in the user's language
        QString unit;
        int decimals = 1;
        bool higherIsBetter = true;
        QString source; // e.g. "Sample data"; shown under the legend
    };
    using DataFunction = std::function<std::optional<QHash<QString, double>>(
        const QString &indicatorId, int year)>;

    explicit ChoroplethControls(QWidget *parent = nullptr);

    // Replaces the list; keeps the current indicator when it is still there.
    void setIndicators(const QVector<Indicator> &indicators);
    // The years with data, in any order; the slider steps through them ascending.
    void setYears(QVector<int> years);
    void setDataFunction(DataFunction function);

    // Empty when "None" is chosen.
    QString currentIndicatorId() const;
    void setCurrentIndicator(const QString &id);
    int currentYear() const;
    void setCurrentYear(int year);
    QVector<int> years() const { return mYears; }
    ClassBreaks::Method method() const;
    void setMethod(ClassBreaks::Method method);
    int classCount() const;
    void setClassCount(int classes);
    QString paletteId() const;
    void setPaletteId(const QString &id);
    bool isReversed() const;
    void setReversed(bool reversed);
    // Classes computed over every year's values (ChoroplethStyle::setBreakValues), so colours
    // mean the same amounts in every year. Off by default; Play turns it on unless the user has
    // set it by hand, so playing shows the province rising rather than ranks shuffling.
    bool classesOverAllYears() const;
    void setClassesOverAllYears(bool on);

    bool isPlaying() const { return mPlayTimer.isActive(); }
    // Time per year while playing; one second by default.
    int playInterval() const { return mPlayTimer.interval(); }
    void setPlayInterval(int milliseconds) { mPlayTimer.setInterval(milliseconds); }

    // The style for the current choices, or nullopt when no indicator is chosen (without
    // values while the data function has none yet).
    std::optional<ChoroplethStyle> currentStyle() const;

public slots:
    // Emits the current style again: the values the data function lacked have come.
    void refresh();
    // Steps a year at a time and stops at the last year; from the last year it starts at the
    // first.
    void play();
    void pause();
    void togglePlay();
    // Moves to the next or previous year; false at either end.
    bool stepYear(int delta);

signals:
    void choroplethChanged(const dv::ChoroplethStyle &style);
    void cleared();
    void playingChanged(bool playing);
    // The year shown changed: by the slider, Play or setCurrentYear().
    void yearChanged(int year);

private:
    void rebuildIndicatorCombo(const QString &keep);
    void onIndicatorChanged();
    void onYearIndexChanged(int index);
    void updatePlayButton();
    void publish();
    // Whether the data function has every value the current style needs (this year's, and
    // every year's for classes over all years).
    bool valuesReady() const;

    QVector<Indicator> mIndicators;
    QVector<int> mYears;
    DataFunction mData;
    QTimer mPlayTimer;

    QComboBox *mIndicatorCombo;
    QComboBox *mMethodCombo;
    QSpinBox *mClassesSpin;
    QComboBox *mPaletteCombo;
    QCheckBox *mReversedCheck;
    QCheckBox *mAllYearsCheck;
    bool mAllYearsChosen = false; // the user set classes over all years by hand
    QToolButton *mPlayButton;
    QSlider *mYearSlider;
    QLabel *mYearLabel;
};

} // namespace dv
