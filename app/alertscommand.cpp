// dvdash alerts: the store's alerts as CSV, for scripts and checks.
#include "alertscommand.h"

#include "appsettings.h"
#include "csvtext.h"
#include "metriccatalogue.h"
#include "sqlitealertstore.h"
#include "storespec.h"

#include <QDateTime>

namespace dv {

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
            << (a.critical ? "critical" : "warning") << ',' << CsvText::field(a.ruleId) << ','
            << a.countyCode() << ',' << CsvText::field(a.siteId()) << ','
            << CsvText::field(a.deviceId()) << ','
            << (metric ? QLatin1String(metric->name) : QLatin1String("")) << ','
            << QString::number(a.value, 'g', 10) << ',' << CsvText::chinaTime(a.raisedAt) << ','
            << CsvText::chinaTime(a.activatedAt) << ',' << CsvText::chinaTime(a.resolvedAt) << ','
            << CsvText::field(a.acknowledgedBy) << ',' << CsvText::chinaTime(a.acknowledgedAt)
            << ',' << CsvText::field(a.note) << '\n';
    }
    out.flush();
    return 0;
}

} // namespace dv
