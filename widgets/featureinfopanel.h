// The selected county's or site's attributes, with field names in the user's language.
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace dv {

class CountySummary;
class VectorLayer;

class FeatureInfoPanel : public QWidget {
    Q_OBJECT
public:
    explicit FeatureInfoPanel(QWidget *parent = nullptr);

    void showFeature(const VectorLayer &layer, int feature);
    void clear();
    // The attribute rows shown, as (label, value): what tests and copy-to-clipboard read.
    QList<QPair<QString, QString>> rows() const;
    // Above the attributes when a county is selected: its sites, warnings and indicators. The
    // window fills it (showCounty) and follows its links.
    CountySummary *summary() const { return mSummary; }

private:
    QLabel *mTitle;
    QLabel *mSubtitle;
    CountySummary *mSummary;
    QTableWidget *mTable;
};

} // namespace dv
