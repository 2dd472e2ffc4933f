// The province at a glance: the figures an official asks first, read from the four stores.
#pragma once

#include "sitevisibility.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <array>
#include <cmath>
#include <optional>

namespace dv {

class AlertStore;
class IndicatorStore;
class SensorStore;
class SiteStore;
class StoreSet;

// A value class: each figure now and what it was to compare with (the same time yesterday for
// live figures, the year before for indicators). A figure that cannot be computed (its store
// cannot be opened, no data for the focus) is unavailable with a reason, never a 0.
//
// Live figures: a device is online when it reported within onlineWindowMs before `now` (any of
// its metrics); a site is online when one of its devices is. Sites and devices are the active
// ones in the site registry. Sows are the pig farms' ear tags (body temperature) online;
// fevers are the distinct ear tags with a body-temperature alert raised since China-time
// midnight; tea gardens under frost (air temperature, a "below" rule) or drought (soil
// moisture, "below") count sites with such an alert open; clinic terminals are online when
// their newest terminal_online reading within the window is 1.
//
// Indicators for a focus: "52" the province, a four-digit prefecture code, or a county code.
// Value added is summed over the focus's counties; growth is a county's own figure, or for a
// prefecture or the province the growth of the summed value added (counties with both years);
// the digital-village index is a county's CompositeIndex score, or the mean over the focus's
// counties; its rank is among the 88 counties, or among the prefectures (none for the province).
class OverviewFigures {
    Q_DECLARE_TR_FUNCTIONS(dv::OverviewFigures)
public:
    enum Key {
        SitesOnline,
        SitesSilent,
        DevicesOnline,
        DevicesSilent,
        ReadingsLastHour,
        CriticalWarnings,
        Warnings, // open alerts of warning severity
        SowsMonitored,
        FeversToday,
        TeaGardensFrost,
        TeaGardensDrought,
        ClinicTerminalsOnline,
        ValueAdded, // 亿元
        ValueAddedGrowth, // %
        DigitalVillageIndex, // 0-100
        DigitalVillageRank, // 1 = best
        KeyCount
    };

    struct Figure {
        bool available = false;
        double value = std::nan("");
        std::optional<double> previous; // yesterday / last year; nullopt when unknown
        QString reason; // why unavailable, translated
        int decimals = 0;
        QString unit;
        // +1 up, -1 down, 0 level or unknown.
        int trend() const;
    };

    struct Request {
        qint64 now = 0; // ms UTC
        QString focus = QStringLiteral("52");
        qint64 onlineWindowMs = 15 * 60 * 1000;
        // Site id -> type for sites the registry does not hold (the bundled sample's, as the
        // map's sites layer has them).
        QHash<QString, QString> knownSiteTypes;
        // The sites counted: the sample sites' devices and alerts are left out while sample
        // data is hidden (Settings › Sample data, --sample off), as on the map.
        SiteVisibility visibility;
    };

    // Every figure unavailable (the state before the first read).
    OverviewFigures();

    // Reads what the stores hold; any store may be null (its figures are then unavailable with
    // storeProblem as the reason).
    static OverviewFigures compute(SensorStore *sensors, AlertStore *alerts,
        IndicatorStore *indicators, SiteStore *sites, const Request &request,
        const QString &storeProblem = QString());
    // Opens the stores of a set (on the calling thread, as StoreReader queries do).
    static OverviewFigures compute(StoreSet &stores, const Request &request);

    const Figure &figure(Key key) const { return mFigures[key]; }
    Figure &figure(Key key) { return mFigures[key]; }
    qint64 computedAt() const { return mComputedAt; }
    QString focus() const { return mFocus; }
    int indicatorYear() const { return mIndicatorYear; } // 0 when none
    // Newest reading stored anywhere (ms UTC, 0 when none): what the freshness sign shows.
    qint64 newestReading() const { return mNewestReading; }

    // "Sites online", "数字乡村指数"...: the figure's name in the user's language.
    static QString label(Key key);
    // "1 234", "12.5 %", "—" when unavailable, in the user's locale.
    QString valueText(Key key) const;
    // "▲ 3 vs yesterday", "▼ 1.2 vs 2024", empty when there is nothing to compare.
    QString trendText(Key key) const;
    static bool isIndicator(Key key) { return key >= ValueAdded; }

private:
    void computeLive(SensorStore *sensors, SiteStore *sites, const Request &request);
    void computeAlerts(AlertStore *alerts, SiteStore *sites, const Request &request);
    void computeIndicators(IndicatorStore *store, const Request &request);
    void setUnavailable(std::initializer_list<Key> keys, const QString &reason);
    void set(Key key, double value, std::optional<double> previous, int decimals = 0,
        const QString &unit = QString());

    std::array<Figure, KeyCount> mFigures;
    qint64 mComputedAt = 0;
    QString mFocus;
    int mIndicatorYear = 0;
    qint64 mNewestReading = 0;
};

} // namespace dv
