// The shared indicator store: definitions, revisions and values on a PostgreSQL server.
#pragma once

#include "indicatorstore.h"

#include "postgresconnection.h"

#include <QCoreApplication>
#include <QSet>

namespace dv {

// The same tables and behaviour as SqliteIndicatorStore (indicator_definitions,
// indicator_revisions, indicator_values: every value of every revision, never updated or
// deleted, NULL = withdrawn by a restore; indicator_current: the newest value per cell, kept in
// the same transaction), with the access rules of a server many offices share:
// - every official (dvdash_official) reads every county's values and every revision, since
//   officials compare themselves with their neighbours and rank among the 88;
// - a county or prefecture role writes only its own counties' values: row-level security on
//   indicator_values and indicator_current checks county_code against dvdash_visible_counties(),
//   and the store checks an import first so the refusal names the first row it may not write;
// - a restore by such a role brings back only its own counties' cells (the others keep their
//   current values; the revision's source says whose counties it restored);
// - only the province role and the owner define indicators and write the bundled sample (it
//   covers all 88 counties; a county role on an empty server gets no sample, not part of one);
// - each revision records who made it (made_by, the session's role).
// Writers take one advisory lock, so revisions are numbered in the order they commit and the
// sample is written once when several dashboards meet an empty server. Every change is
// announced on the channel dvdash_indicators ("revision:ID" or "indicator:ID") on commit.
class PostgresIndicatorStore : public IndicatorStore {
    Q_DECLARE_TR_FUNCTIONS(dv::PostgresIndicatorStore)
public:
    static constexpr int kSchemaVersion = 1;

    // spec: the libpq URI, optionally read-only (StoreSpec::readOnly): then never migrated or
    // written.
    explicit PostgresIndicatorStore(const QString &spec);
    ~PostgresIndicatorStore() override;

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
    // The counties whose values the signed-in role may write: all for the owner (row-level
    // security does not apply to it) and the province, else its area's.
    struct WriteScope {
        bool all = false;
        QSet<QString> counties;
        bool allows(const QString &county) const { return all || counties.contains(county); }
    };

    bool migrate(QString *error);
    bool seedBuiltIns(QString *error);
    QString failure(const QString &what, const QString &detail) const;
    std::optional<WriteScope> writeScope(QString *error);
    // Whether the role may define indicators: the owner and the province role.
    std::optional<bool> mayDefine(QString *error);
    bool refuseReadOnly(const QString &what, QString *error) const;
    // Opens the connection if need be; whether any revision is stored (the sample goes only
    // into a store that holds none).
    std::optional<bool> hasRevisions(QString *error);
    // BEGIN and the writers' lock: revisions are numbered in commit order.
    bool beginWrite(PostgresTransaction &transaction, QString *error);
    // Writes cells as a new revision and updates indicator_current inside the open write
    // transaction; returns the revision's id.
    std::optional<qint64> insertRevision(IndicatorRevision::Kind kind, const QString &source,
        qint64 restoredFrom, const std::vector<Cell> &cells, QString *error);
    // The message for a statement row-level security refused: which role may not write what.
    QString writeRefusal(const QString &what, const QString &error) const;
    // A connection error without the store's name in front, to nest in another message.
    QString serverSaid(const QString &error) const;

    PostgresConnection mConnection;
    int mSchemaVersion = 0;
};

} // namespace dv
