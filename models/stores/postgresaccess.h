// Who sees which counties on the shared server: group roles, areas, and the function policies use.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace dv {

class PostgresConnection;

// The access part of the schema. Row-level security on every county-scoped table asks
// dvdash_visible_counties() which county codes the signed-in role may see; that function reads
// dvdash_access (role -> county, prefecture or the province), which `dvdash admin grant` fills.
// The group roles carry the table privileges:
//   dvdash_official  - county, prefecture and province staff: read their area, write it where
//                      allowed (acknowledge alerts, import their county's indicators and sites);
//   dvdash_collector - inserts readings and registers devices, reads nothing;
//   dvdash_evaluator - the alert engine beside a collector: rules, its state, writes alerts.
class PostgresAccessSchema {
    Q_DECLARE_TR_FUNCTIONS(dv::PostgresAccessSchema)
public:
    enum class Scope { County, Prefecture, Province, Collector, Evaluator };

    // Creates the group roles (cluster-wide, if missing), the area table and the functions.
    // Every store's open() calls it before its own migration.
    static bool migrate(PostgresConnection &connection, QString *error);

    // Gives role (created with LOGIN if missing; the DBA sets its password) an area: code is a
    // county code (520102) or a prefecture's (520100), ignored for the province and the
    // collector/evaluator roles. Replaces the role's previous area. *done says what it did.
    static bool grant(PostgresConnection &connection, const QString &role, Scope scope,
        const QString &code, QString *done, QString *error);
    static QString scopeKey(Scope scope);
};

} // namespace dv
