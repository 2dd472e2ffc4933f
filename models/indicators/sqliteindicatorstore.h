// The embedded indicator store: definitions, revisions and values in the dvdash SQLite file.
#pragma once

#include "indicatorstore.h"

#include "storespec.h"

#include <QCoreApplication>

namespace dv {

// Shares the file with SqliteSensorStore but not its tables or schema version: the indicator
// tables carry their own version (indicator_schema_version), so either side migrates alone.
//
// Tables: indicator_definitions; indicator_revisions; indicator_values (every value of every
// revision, never updated or deleted; NULL value = withdrawn by a restore); indicator_current
// (the newest value per cell, a cache of indicator_values rebuilt in the same transaction).
class SqliteIndicatorStore : public IndicatorStore {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteIndicatorStore)
public:
    static constexpr int kSchemaVersion = 1;

    // ReadOnly: the file is read as it is, never migrated or written (read commands).
    explicit SqliteIndicatorStore(const QString &path, StoreAccess access = StoreAccess::ReadWrite);
    ~SqliteIndicatorStore() override;

    bool open(QString *error) override;
    std::optional<std::vector<Indicator>> indicators(QString *error) override;
    bool addIndicator(const Indicator &indicator, QString *error) override;
    std::optional<QList<int>> years(QString *error) override;
    std::optional<QHash<QString, double>> values(
        const QString &indicatorId, int year, QString *error) override;
    std::optional<QMap<int, double>> series(
        const QString &countyCode, const QString &indicatorId, QString *error) override;
    std::optional<std::vector<IndicatorValue>> table(int year, QString *error) override;
    std::optional<bool> hasSampleValues(int year, QString *error) override;
    std::optional<qint64> importValues(
        const std::vector<IndicatorValue> &values, const QString &source, QString *error) override;
    std::optional<std::vector<IndicatorRevision>> revisions(QString *error) override;
    std::optional<qint64> restoreRevision(qint64 id, QString *error) override;
    std::optional<bool> ensureSampleData(QString *error) override;

    // Writes values as a Sample revision when the store has none yet (ensureSampleData() with
    // the bundled sample; tests give their own).
    std::optional<bool> ensureSampleData(const std::vector<IndicatorValue> &sample, QString *error);
    int schemaVersion() const { return mSchemaVersion; }

private:
    struct Cell {
        QString county;
        QString indicator;
        int year = 0;
        std::optional<double> value; // nullopt: withdrawn
        bool sample = false;
    };

    bool migrate(QString *error);
    bool seedBuiltIns(QString *error);
    QString failure(const QString &what, const QString &detail) const;
    // Writes cells as a new revision and updates indicator_current; in a transaction. Returns
    // the revision's id, or 0 for a Sample when the store already holds a revision.
    std::optional<qint64> writeRevision(IndicatorRevision::Kind kind, const QString &source,
        qint64 restoredFrom, const std::vector<Cell> &cells, QString *error);

    QString mPath;
    StoreAccess mAccess;
    QString mConnection;
    int mSchemaVersion = 0;
};

} // namespace dv
