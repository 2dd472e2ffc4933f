// The province at a glance on the desk: the overview's figures as tiles that open their lists.
#pragma once

#include "overviewfigures.h"

#include <QString>
#include <QWidget>

#include <array>

class QLabel;
class QToolButton;

namespace dv {

// Each figure is a flat button: its name, its value (a dash with the reason as tooltip when it
// cannot be computed) and the trend; clicking asks the window to open the list behind it.
class OverviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPanel(QWidget *parent = nullptr);

    // focusName: what the indicator figures are for ("贵州省", "湄潭县").
    void setFigures(const OverviewFigures &figures, const QString &focusName);
    // The place the indicators follow (the county or prefecture selected on the map) as soon
    // as it is chosen, before its figures come; province: no way back to offer.
    void setFocus(const QString &name, bool province);
    QLabel *indicatorHeading() const { return mIndicatorHeading; }
    QLabel *pendingLabel() const { return mFocus; }
    QToolButton *provinceButton() const { return mProvince; }
    QToolButton *tile(OverviewFigures::Key key) const { return mTiles[key]; }

signals:
    void figureActivated(dv::OverviewFigures::Key key);
    // Back to the province's figures.
    void provinceRequested();

private:
    std::array<QToolButton *, OverviewFigures::KeyCount> mTiles {};
    QLabel *mFocus; // "Reading the indicators of …" until they come
    QToolButton *mProvince;
    QString mFocusName; // asked for
    QString mFiguresFocusName; // shown
    QLabel *mIndicatorHeading;
    QLabel *mUpdated;
};

} // namespace dv
