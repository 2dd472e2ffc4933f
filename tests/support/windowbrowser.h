// A scripted user of the real window: sites, chart ranges, the alert list, indicators, years.
#pragma once

#include "alertpanel.h"
#include "choroplethcontrols.h"
#include "countyprofile.h"
#include "indicatortableview.h"
#include "indicatorworkspace.h"
#include "layerstack.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "metriccatalogue.h"
#include "sensorsimulator.h"
#include "sitepanel.h"
#include "sqlitesensorstore.h"
#include "timeunits.h"
#include "vectorlayer.h"

#include <QDateTime>
#include <QDockWidget>
#include <QString>

#include <cmath>
#include <vector>

namespace dvtest {

// Header-only (it needs the application; the support library links only the models).
class WindowBrowser {
public:
    // Writes history for the first sitesPerType sites of each type into the SQLite file at
    // path (hourly for 30 days, every 10 minutes for the last 2), as the window would have
    // stored it; returns an empty string or the error.
    static QString seedHistory(const QString &path, const dv::VectorLayer &sites, int sitesPerType)
    {
        dv::SqliteSensorStore store(path);
        QString error;
        if (!store.open(&error))
            return error;
        const qint64 now = QDateTime::currentMSecsSinceEpoch() / dv::kMinuteMs * dv::kMinuteMs;
        QHash<QString, int> perType;
        QSet<QString> chosen; // county/site/
        QHash<QString, QString> typeOf;
        for (int f = 0; f < sites.featureCount(); ++f) {
            const QString type = sites.table().text(f, QStringLiteral("type"));
            if (perType[type]++ >= sitesPerType)
                continue;
            const QString prefix = sites.table().text(f, QStringLiteral("county_code"))
                + QLatin1Char('/') + sites.table().text(f, QStringLiteral("site_id"))
                + QLatin1Char('/');
            chosen.insert(prefix);
            typeOf.insert(prefix, type);
        }
        for (const dv::SimulatedDevice &d : dv::SensorSimulator::devicesForSites(sites)) {
            const QString prefix = d.key.section(QLatin1Char('/'), 0, 1) + QLatin1Char('/');
            if (!chosen.contains(prefix))
                continue;
            const auto id = store.deviceId(d.key, &error);
            if (!id)
                return error;
            std::vector<dv::Reading> readings;
            for (int metric : dv::MetricCatalogue::metricsForSiteType(typeOf.value(prefix))) {
                const auto step = [&](qint64 t) {
                    return t < now - 2 * dv::kDayMs ? dv::kHourMs : 10 * dv::kMinuteMs;
                };
                for (qint64 t = now - 30 * dv::kDayMs; t < now; t += step(t)) {
                    dv::Reading r;
                    r.device = *id;
                    r.metric = quint8(metric);
                    r.timestamp = t;
                    r.arrival = t + 1000;
                    r.value = 20 + 5 * std::sin(double(t) / dv::kDayMs * 6.283) + metric;
                    readings.push_back(r);
                }
            }
            if (!store.write(std::move(readings), &error))
                return error;
        }
        return {};
    }

    explicit WindowBrowser(dv::MainWindow &window)
        : mWindow(window)
    {
    }

    // One user action; call again and again (a few hundred ms apart) to browse.
    void step()
    {
        using Range = dv::SitePanel::Range;
        const int action = mStep++ % 8;
        static const char *names[]
            = { "site", "range", "range", "range", "alert list", "indicator", "year", "county" };
        mLastAction = QLatin1String(names[action]);
        auto sites = mWindow.layers()->layer(QStringLiteral("sites"));
        auto counties = mWindow.layers()->layer(QStringLiteral("counties"));
        auto *panel = mWindow.findChild<dv::SitePanel *>();
        dv::IndicatorWorkspace *indicators = mWindow.indicators();
        switch (action) {
        case 0: // a site on the map: a farm, a garden, a clinic in turn
            if (sites) {
                static const char *types[] = { "pig_farm", "tea_garden", "clinic" };
                const QString type = QLatin1String(types[mSite % 3]);
                int seen = 0;
                for (int f = 0; f < sites->featureCount(); ++f) {
                    if (sites->table().text(f, QStringLiteral("type")) == type
                        && seen++ == (mSite / 3) % 3) {
                        emit mWindow.canvas()->featureClicked(QStringLiteral("sites"), f);
                        break;
                    }
                }
                ++mSite;
            }
            break;
        case 1:
        case 2:
        case 3: // the chart's range buttons
            if (panel) {
                static const Range ranges[]
                    = { Range::Week, Range::Month, Range::Year, Range::Day, Range::Live };
                panel->setRange(ranges[mRange++ % 5]);
            }
            break;
        case 4: // the alert list, resolved ones too every other time
            if (auto *dock = mWindow.findChild<QDockWidget *>(QStringLiteral("alertsDock"))) {
                dock->show();
                dock->raise();
            }
            if (auto *alerts = mWindow.findChild<dv::AlertPanel *>())
                alerts->setShowResolved(mStep % 16 < 8);
            break;
        case 5: // another indicator on the map
            if (indicators && indicators->controls()) {
                static const char *ids[]
                    = { "internet_penetration", "de_value_added", "online_farm_sales_share" };
                indicators->controls()->setCurrentIndicator(QLatin1String(ids[mIndicator++ % 3]));
            }
            break;
        case 6: // another year
            if (indicators && indicators->controls()) {
                const QVector<int> years = indicators->controls()->years();
                if (!years.isEmpty())
                    indicators->controls()->setCurrentYear(years[mYear++ % years.size()]);
                if (indicators->table() && !years.isEmpty())
                    indicators->table()->setYear(years[mYear % years.size()]);
            }
            break;
        case 7: // a county on the map: its profile
            if (counties && counties->featureCount() > 0) {
                if (auto *dock = indicators ? indicators->tablesDock() : nullptr) {
                    dock->show();
                    dock->raise();
                }
                emit mWindow.canvas()->featureClicked(
                    QStringLiteral("counties"), (mCounty++ * 7) % counties->featureCount());
            }
            break;
        }
    }

    int steps() const { return mStep; }
    QString lastAction() const { return mLastAction; }

private:
    dv::MainWindow &mWindow;
    int mStep = 0;
    int mSite = 0;
    int mRange = 0;
    int mIndicator = 0;
    int mYear = 0;
    int mCounty = 0;
    QString mLastAction;
};

} // namespace dvtest
