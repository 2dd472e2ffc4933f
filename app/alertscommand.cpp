// dvdash alerts: the store's alerts as CSV, for scripts and checks.
#include "alertscommand.h"

#include "appsettings.h"
#include "metriccatalogue.h"
#include "sqlitealertstore.h"
#include "storespec.h"

#include <QDateTime>
#include <QTimeZone>

namespace dv {

namespace {

QString chinaTime(qint64 ms)
{
    static const QTimeZone zone("Asia/Shanghai");
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate) : QString();
}

// RFC 4180: quote fields holding a comma, quote or line break.
QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

int AlertsCommand::run(const AlertsOptions &options, QTextStream &out, QTextStream &err)
{
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    if (StoreSpec::existingSqlitePath(spec, &error).isEmpty()) {
        err << error << Qt::endl;
        return 1;
    }
    SqliteAlertStore store(spec);
    if (!store.open(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    AlertFilter filter;
    filter.openOnly = options.activeOnly;
    filter.countyCode = options.county;
    const auto alerts = store.alerts(filter, &error);
    if (!alerts) {
        err << error << Qt::endl;
        return 1;
    }
    out << "episode,state,severity,rule,county,site,device,metric,value,raised,activated,"
           "resolved,acknowledged_by,acknowledged_at,note\n";
    for (const AlertRecord &a : *alerts) {
        const MetricInfo *metric = MetricCatalogue::byId(a.metric);
        out << a.episode << ',' << AlertRecord::stateName(a.state) << ','
            << (a.critical ? "critical" : "warning") << ',' << csvField(a.ruleId) << ','
            << a.countyCode() << ',' << csvField(a.siteId()) << ',' << csvField(a.deviceId()) << ','
            << (metric ? QLatin1String(metric->name) : QLatin1String("")) << ','
            << QString::number(a.value, 'g', 10) << ',' << chinaTime(a.raisedAt) << ','
            << chinaTime(a.activatedAt) << ',' << chinaTime(a.resolvedAt) << ','
            << csvField(a.acknowledgedBy) << ',' << chinaTime(a.acknowledgedAt) << ','
            << csvField(a.note) << '\n';
    }
    out.flush();
    return 0;
}

} // namespace dv
