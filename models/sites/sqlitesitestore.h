// The embedded site registry: types, sites, their revisions and devices in the dvdash SQLite file.
#pragma once

#include "sitestore.h"

#include "storespec.h"

#include <QCoreApplication>
#include <QVariantList>

namespace dv {

// Shares the file with the other stores but has its own schema version (site_schema_version).
//
// Tables: site_types (an office's own types); site_revisions; site_history (every version of
// every site a revision wrote, as JSON, never updated or deleted); sites (the current version
// of each, a cache of site_history rebuilt in the same transaction); site_devices;
// site_generation (one counter, raised by every write).
class SqliteSiteStore : public SiteStore {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteSiteStore)
public:
    static constexpr int kSchemaVersion = 1;

    // ReadOnly: the file is read as it is, never migrated or written (read commands).
    explicit SqliteSiteStore(const QString &path, StoreAccess access = StoreAccess::ReadWrite);
    ~SqliteSiteStore() override;

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
    QString failure(const QString &what, const QString &detail) const;
    // Writes versions (nullopt data never happens: a withdrawn site is written retired) as one
    // revision and updates the sites cache; in a transaction.
    std::optional<qint64> writeRevision(SiteRevision::Kind kind, const QString &source,
        qint64 restoredFrom, const std::vector<Site> &sites, QString *error);
    bool bumpGeneration(QString *error);
    // The sites matching an SQL condition on table sites (values bound in order), with their
    // devices, by id.
    std::optional<std::vector<Site>> readSites(
        const QString &where, const QVariantList &values, QString *error);

    QString mPath;
    StoreAccess mAccess;
    QString mConnection;
    int mSchemaVersion = 0;
};

} // namespace dv
