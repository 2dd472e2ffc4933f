// dvdash admin: a data centre sets up the shared PostgreSQL store and gives roles their areas.
#include "admincommand.h"

#include "alertstore.h"
#include "indicatorstore.h"
#include "postgresaccess.h"
#include "postgresconnection.h"
#include "postgresschema.h"
#include "sensorstore.h"
#include "sitestore.h"
#include "storeregistry.h"

#include <QCommandLineParser>

namespace dv {

namespace {

// Each part of the shared store, in the order they are set up (access first: the others'
// policies call its function).
struct Part {
    const char *key;
    const char *what;
};
const Part kParts[] = {
    { "access", QT_TRANSLATE_NOOP("dv::AdminCommand", "access rules and roles") },
    { "readings", QT_TRANSLATE_NOOP("dv::AdminCommand", "sensor readings") },
    { "alerts", QT_TRANSLATE_NOOP("dv::AdminCommand", "alerts") },
    { "indicators", QT_TRANSLATE_NOOP("dv::AdminCommand", "county indicators") },
    { "sites", QT_TRANSLATE_NOOP("dv::AdminCommand", "site registry") },
};

bool isPostgres(const QString &spec)
{
    return StoreRegistry::schemeOf(spec) == QLatin1String("postgresql");
}

} // namespace

QString AdminCommand::name() const
{
    return QStringLiteral("admin");
}

QString AdminCommand::summary() const
{
    return tr("Set up a shared PostgreSQL store and give roles their counties.");
}

void AdminCommand::describe(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"),
        tr("init-postgres: create or upgrade the schema, roles and policies; grant ROLE: give a "
           "role its area."),
        QStringLiteral("init-postgres|grant"));
    parser.addPositionalArgument(
        QStringLiteral("role"), tr("grant: the role to give an area to."), QStringLiteral("[ROLE]"));
    parser.addOption(QCommandLineOption(QStringLiteral("store"),
        tr("The shared store, postgresql://USER@HOST:PORT/DATABASE, signed in as its owner."),
        QStringLiteral("uri")));
    parser.addOption(QCommandLineOption(QStringLiteral("county"),
        tr("grant: the role sees and edits this county (520102)."), QStringLiteral("code")));
    parser.addOption(QCommandLineOption(QStringLiteral("prefecture"),
        tr("grant: the role sees this prefecture's counties (520100)."), QStringLiteral("code")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("province"), tr("grant: the role sees every county.")));
    parser.addOption(QCommandLineOption(QStringLiteral("collector"),
        tr("grant: the role may insert readings and register devices, and read nothing.")));
    parser.addOption(QCommandLineOption(QStringLiteral("evaluator"),
        tr("grant: the role runs the alert engine beside a collector.")));
}

int AdminCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const QString spec = parser.value(QStringLiteral("store"));
    if (action != QLatin1String("init-postgres") && action != QLatin1String("grant")) {
        err << tr("unknown action %1; use init-postgres or grant").arg(action) << Qt::endl;
        return 2;
    }
    if (!isPostgres(spec)) {
        err << tr("admin %1 needs --store postgresql://USER@HOST:PORT/DATABASE").arg(action)
            << Qt::endl;
        return 2;
    }
    if (action == QLatin1String("init-postgres")) {
        if (args.size() > 1) {
            err << tr("admin init-postgres takes no arguments") << Qt::endl;
            return 2;
        }
        return initPostgres(spec, out, err);
    }
    if (args.size() != 2) {
        err << tr("admin grant needs one ROLE") << Qt::endl;
        return 2;
    }
    struct Choice {
        const char *option;
        PostgresAccessSchema::Scope scope;
    };
    const Choice choices[] = {
        { "county", PostgresAccessSchema::Scope::County },
        { "prefecture", PostgresAccessSchema::Scope::Prefecture },
        { "province", PostgresAccessSchema::Scope::Province },
        { "collector", PostgresAccessSchema::Scope::Collector },
        { "evaluator", PostgresAccessSchema::Scope::Evaluator },
    };
    std::optional<PostgresAccessSchema::Scope> scope;
    QString code;
    for (const Choice &c : choices) {
        if (!parser.isSet(QString::fromLatin1(c.option)))
            continue;
        if (scope) {
            err << tr("admin grant takes one of --county, --prefecture, --province, --collector, "
                      "--evaluator")
                << Qt::endl;
            return 2;
        }
        scope = c.scope;
        code = parser.value(QString::fromLatin1(c.option));
    }
    if (!scope) {
        err << tr("admin grant needs --county CODE, --prefecture CODE, --province, --collector "
                  "or --evaluator")
            << Qt::endl;
        return 2;
    }
    PostgresConnection connection(spec);
    QString error;
    QString done;
    if (!connection.open(&error) || !PostgresAccessSchema::migrate(connection, &error)
        || !PostgresAccessSchema::grant(connection, args.at(1), *scope, code, &done, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << done << Qt::endl;
    return 0;
}

int AdminCommand::initPostgres(const QString &spec, QTextStream &out, QTextStream &err)
{
    PostgresConnection connection(spec);
    QString error;
    if (!connection.open(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    std::vector<int> before;
    for (const Part &part : kParts) {
        int version = 0;
        if (!PostgresSchema::storedVersion(
                connection, QString::fromLatin1(part.key), &version, &error)) {
            err << error << Qt::endl;
            return 1;
        }
        before.push_back(version);
    }
    // Opening each store sets up its part (and the access part first) as the owner may.
    bool ok = PostgresAccessSchema::migrate(connection, &error);
    StoreRegistry &stores = StoreRegistry::instance();
    ok = ok && stores.openSensorStore(spec, &error) && stores.openAlertStore(spec, &error)
        && stores.openIndicatorStore(spec, &error) && stores.openSiteStore(spec, &error);
    if (!ok) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("%1, signed in as %2:").arg(connection.displayName(), connection.role()) << Qt::endl;
    for (std::size_t i = 0; i < std::size(kParts); ++i) {
        int after = 0;
        if (!PostgresSchema::storedVersion(
                connection, QString::fromLatin1(kParts[i].key), &after, &error)) {
            err << error << Qt::endl;
            return 1;
        }
        const QString what = tr(kParts[i].what);
        if (before[i] == after)
            out << tr("  %1: already at schema %2").arg(what).arg(after) << Qt::endl;
        else if (before[i] == 0)
            out << tr("  %1: created (schema %2)").arg(what).arg(after) << Qt::endl;
        else
            out << tr("  %1: upgraded from schema %2 to %3").arg(what).arg(before[i]).arg(after)
                << Qt::endl;
    }
    const auto counties = connection.exec(QStringLiteral("SELECT count(*) FROM dvdash_counties"),
        &error);
    const auto areas = counties
        ? connection.exec(QStringLiteral("SELECT count(*) FROM dvdash_access"), &error)
        : std::nullopt;
    if (!areas) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("  counties with boundaries: %1; roles with an area: %2")
               .arg(counties->int64(0, 0))
               .arg(areas->int64(0, 0))
        << Qt::endl
        << tr("  group roles: dvdash_official (county, prefecture and province staff), "
              "dvdash_collector (inserts readings), dvdash_evaluator (alert engine)")
        << Qt::endl
        << tr("Next: dvdash admin grant ROLE --county CODE --store URI for each official.")
        << Qt::endl;
    return 0;
}

} // namespace dv
