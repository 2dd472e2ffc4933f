// The site registry on the shared PostgreSQL server: types, sites, revisions and devices.
#pragma once

#include "sitestore.h"

#include "postgresconnection.h"

#include <QCoreApplication>
#include <QString>

namespace dv {

// The same tables and behaviour as SqliteSiteStore, on a server many dashboards share (schema
// part "sites"). Sites carry a PostGIS point (geom, from lon/lat, NULL without a location; lon
// and lat stay as given) with a GiST index.
//
// Row-level security: an official sees the sites (with their devices, history and revisions) of
// the counties dvdash_visible_counties() names and may write only those; a save that touches
// another county's site is refused whole, naming the site. Site types are read by every
// official, added only by a province role (or the owner). The collector and the evaluator
// register devices through SECURITY DEFINER functions (site_note_device, site_note_metrics),
// so they never read the registry. Triggers raise the generation counter and announce every
// change on kNotifyChannel (payload: the changed sites' county codes, comma-separated) in the
// writing transaction, whoever wrote it.
class PostgresSiteStore : public SiteStore {
    Q_DECLARE_TR_FUNCTIONS(dv::PostgresSiteStore)
public:
    static constexpr int kSchemaVersion = 1;
    static const char *const kNotifyChannel; // "dvdash_sites"

    // spec: the libpq URI, optionally read-only (StoreSpec::readOnly): never migrated or written.
    explicit PostgresSiteStore(const QString &spec);
    ~PostgresSiteStore() override;
    PostgresSiteStore(const PostgresSiteStore &) = delete;
    PostgresSiteStore &operator=(const PostgresSiteStore &) = delete;

    bool open(QString *error) override;
    std::optional<std::vector<SiteType>> types(QString *error) override;
    bool addType(const SiteType &type, QString *error) override;
    std::optional<std::vector<Site>> sites(const SiteFilter &filter, QString *error) override;
    std::optional<std::optional<Site>> site(const QString &id, QString *error) override;
    std::optional<QHash<QString, QString>> siteTypes(QString *error) override;
    std::optional<qint64> generation(QString *error) override;
    std::optional<bool> hasRealSites(QString *error) override;
    std::optional<qint64> saveSites(const std::vector<Site> &sites, SiteRevision::Kind kind,
        const QString &source, QString *error) override;
    std::optional<std::vector<SiteRevision>> revisions(QString *error) override;
    std::optional<qint64> restoreRevision(qint64 id, QString *error) override;
    std::optional<bool> noteDevice(const QString &siteId, const QString &countyCode,
        const QString &deviceId, const QString &metric, QString *error) override;
    bool retireDevice(const QString &siteId, const QString &deviceId, QString *error) override;
    std::optional<int> noteMetrics(
        const std::vector<DeviceMetric> &metrics, QString *error) override;

    int schemaVersion() const { return mSchemaVersion; }

private:
    bool migrate(QString *error);
    // Sites matching where (on "s", the sites table) with their devices, by id.
    std::optional<std::vector<Site>> readSites(
        const QString &where, const QVariantList &params, QString *error);
    // Refuses, naming the first, sites of counties the signed-in role may not change (only
    // when row-level security applies to it).
    bool checkCounties(const std::vector<Site> &sites, QString *error);
    // Writes sites as one revision (history and current state) in one transaction.
    std::optional<qint64> writeRevision(SiteRevision::Kind kind, const QString &source,
        qint64 restoredFrom, const std::vector<Site> &sites, QString *error);
    // After writing a batch failed: finds the site the server refused, inside the transaction.
    QString refusedSite(qint64 revision, const std::vector<Site> &sites, const QString &failed);

    PostgresConnection mConnection;
    int mSchemaVersion = 0;
};

} // namespace dv
