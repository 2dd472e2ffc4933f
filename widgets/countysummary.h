// The selected county as an official asks about it: sites, open warnings, key indicators.
#pragma once

#include "countydirectory.h"
#include "countyprofile.h"
#include "sitevisibility.h"

#include <QMap>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;

namespace dv {

class StoreReader;
class VectorLayer;

// Its sites by type with counts (from the sites layer), its open warnings (critical and
// unacknowledged apart) and its digital-village index with rank and a few key indicators (both
// read through StoreReaders on their workers, never on the GUI thread), each with a link to
// the list behind it: the sites on the map, the alert list filtered to the county, the county
// profile among the county indicators.
class CountySummary : public QWidget {
    Q_OBJECT
public:
    // The open warnings of a county as read from the alert store.
    struct Warnings {
        int open = 0;
        int critical = 0;
        int unacknowledged = 0;
    };
    // How many indicators the summary lists under the index: the first ones of the catalogue.
    static constexpr int kKeyIndicators = 4;

    explicit CountySummary(QWidget *parent = nullptr);

    // Where open alerts are read (the sensor store's reader, once it runs); null: not shown.
    void setAlertReader(StoreReader *reader);
    // Where the county indicators are read, with the counties they rank.
    void setIndicatorReader(StoreReader *reader, const CountyDirectory &counties);
    // Which sites' warnings count (Settings › Sample data): hidden sample sites' do not. The
    // site counts follow the sites layer showCounty is given. Reads the warnings again.
    void setSiteVisibility(const SiteVisibility &visibility);

    // Shows a feature of the counties layer; sites may be null (no site counts then).
    void showCounty(const VectorLayer &counties, int feature, const VectorLayer *sites);
    void clear();

    QString countyCode() const { return mCode; }
    QString countyName() const { return mName; }
    // Site type ("tea_garden") -> sites of the county.
    const QMap<QString, int> &sitesByType() const { return mSites; }
    // nullopt until the answers come (or without a reader).
    const std::optional<Warnings> &warnings() const { return mWarnings; }
    const std::optional<std::vector<CountyProfile::Row>> &indicators() const { return mIndicators; }
    // Whether an answer asked for has not come yet.
    bool isLoading() const { return mAlertsPending || mIndicatorsPending; }
    // What the summary shows, as rich text with its links (tests read it).
    QString text() const;
    // Follows a link as a click would: "sites", "alerts" or "indicators".
    void activateLink(const QString &link);

signals:
    // The links: the county's sites on the map, the alert list filtered to the county, the
    // county's profile among the county indicators.
    void sitesRequested(const QString &countyCode);
    void alertsRequested(const QString &countyCode, const QString &countyName);
    void indicatorsRequested(const QString &countyCode);

private:
    void requestAlerts();
    void requestIndicators();
    void render();

    QPointer<StoreReader> mAlertReader;
    QPointer<StoreReader> mIndicatorReader;
    CountyDirectory mCounties;
    SiteVisibility mVisibility;
    QString mCode;
    QString mName;
    QMap<QString, int> mSites;
    std::optional<Warnings> mWarnings;
    std::optional<std::vector<CountyProfile::Row>> mIndicators;
    QString mAlertError;
    QString mIndicatorError;
    bool mAlertsPending = false;
    bool mIndicatorsPending = false;
    QLabel *mLabel;
};

} // namespace dv
