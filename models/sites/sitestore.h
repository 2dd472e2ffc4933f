// Where the office's sites and their devices live, every import a revision: one interface.
#pragma once

#include "site.h"
#include "sitetype.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace dv {

struct SiteFilter {
    QString county; // code; empty: every county
    QString type; // SiteType::id; empty: every type
    bool includeRetired = false;
};

// One change to the registry: an import, an edit in the window or on the command line, or a
// restore of an earlier state.
struct SiteRevision {
    enum class Kind { Import, Edit, Restore };
    qint64 id = 0;
    QDateTime created; // UTC
    Kind kind = Kind::Import;
    QString source; // the imported file, what was edited, or what was restored
    qint64 restoredFrom = 0;
    int siteCount = 0; // sites the revision wrote

    static QString kindKey(Kind kind);
};

// Sites are never deleted: each change writes the sites it touches as a new revision, the
// current state is the newest version of each, and a restore brings an earlier state back as a
// new revision. Devices are not revised: they arrive from the feed and are retired, not removed.
class SiteStore {
public:
    virtual ~SiteStore() = default;

    virtual bool open(QString *error) = 0;

    // Built-in types, then the office's own.
    virtual std::optional<std::vector<SiteType>> types(QString *error) = 0;
    virtual bool addType(const SiteType &type, QString *error) = 0;

    // Current sites, by id, each with its devices.
    virtual std::optional<std::vector<Site>> sites(const SiteFilter &filter, QString *error) = 0;
    virtual std::optional<std::optional<Site>> site(const QString &id, QString *error) = 0;
    // Active sites' types by id: what the alert engine scopes rules by.
    virtual std::optional<QHash<QString, QString>> siteTypes(QString *error) = 0;
    // Grows with every change to sites or devices, so a reader can tell cheaply that it must
    // look again.
    virtual std::optional<qint64> generation(QString *error) = 0;
    // Whether the store holds any site that is not of unknown type (an office's real sites),
    // so the sample sites start hidden.
    virtual std::optional<bool> hasRealSites(QString *error) = 0;

    // Writes sites (new ids added, known ids updated; their devices untouched) as one revision
    // in one transaction and returns its id; refuses an invalid or repeated id, writing nothing.
    virtual std::optional<qint64> saveSites(const std::vector<Site> &sites, SiteRevision::Kind kind,
        const QString &source, QString *error)
        = 0;
    virtual std::optional<std::vector<SiteRevision>> revisions(QString *error) = 0;
    // The sites as they were right after revision id, as a new revision. Sites added since are
    // retired in it, not deleted.
    virtual std::optional<qint64> restoreRevision(qint64 id, QString *error) = 0;

    // A device reported for siteId: joins the site, or registers the site with unknown type when
    // it is not in the registry. Returns true when something changed.
    virtual std::optional<bool> noteDevice(const QString &siteId, const QString &countyCode,
        const QString &deviceId, const QString &metric, QString *error)
        = 0;
    virtual bool retireDevice(const QString &siteId, const QString &deviceId, QString *error) = 0;
    // Metrics devices already in the registry reported, in one transaction (the ingest path
    // notes every new device-metric pair of a batch at once); pairs already known or of devices
    // not registered are skipped. Returns how many were added.
    struct DeviceMetric {
        QString siteId;
        QString deviceId;
        QString metric;
    };
    virtual std::optional<int> noteMetrics(const std::vector<DeviceMetric> &metrics, QString *error)
        = 0;

    // Opens the store a spec names, through StoreRegistry (the same file as the sensor store).
    static std::unique_ptr<SiteStore> create(const QString &spec, QString *error);
};

} // namespace dv
