// dvdash alerts: the store's alerts as CSV, for scripts and checks.
#include "alertscommand.h"

#include "appsettings.h"
#include "csvtext.h"
#include "metriccatalogue.h"
#include "alertstore.h"
#include "sampledataoption.h"
#include "storespec.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <algorithm>

namespace dv {

QString AlertsCommand::name() const
{
    return QStringLiteral("alerts");
}

QString AlertsCommand::summary() const
{
    return tr("Print the store's early-warning alerts as CSV and exit.");
}

void AlertsCommand::describe(QCommandLineParser &parser) const
{
    parser.addOption(storeOption());
    parser.addOption(QCommandLineOption(
        QStringLiteral("active"), tr("Only open alerts (active or acknowledged).")));
    parser.addOption(QCommandLineOption(QStringLiteral("county"),
        tr("Only alerts of this county (six-digit division code)."), QStringLiteral("code")));
    parser.addOption(SampleDataOption::option());
}

int AlertsCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    AlertsOptions options { parser.value(QStringLiteral("store")),
        parser.isSet(QStringLiteral("active")), parser.value(QStringLiteral("county")), {} };
    QString error;
    if (!SampleDataOption::parse(parser, &options.sample, &error)) {
        err << error << Qt::endl;
        return 2;
    }
    if (!options.county.isEmpty()
        && (options.county.size() != 6
            || !std::all_of(options.county.begin(), options.county.end(),
                [](QChar c) { return c.isDigit(); }))) {
        err << tr("--county must be a six-digit division code, not %1").arg(options.county)
            << Qt::endl;
        return 2;
    }
    return run(options, out, err);
}

int AlertsCommand::run(const AlertsOptions &options, QTextStream &out, QTextStream &err)
{
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    if (!StoreSpec::exists(spec, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    const std::unique_ptr<AlertStore> store = AlertStore::create(StoreSpec::readOnly(spec), &error);
    if (!store) {
        err << error << Qt::endl;
        return 1;
    }
    // Alerts of the sample sites go and come with the sample data.
    const auto visibility = SampleDataOption::visibility(options.sample, spec, &error);
    if (!visibility) {
        err << error << Qt::endl;
        return 1;
    }
    AlertFilter filter;
    filter.openOnly = options.activeOnly;
    filter.countyCode = options.county;
    const auto alerts = store->alerts(filter, &error);
    if (!alerts) {
        err << error << Qt::endl;
        return 1;
    }
    out << "episode,state,severity,rule,county,site,device,metric,value,raised,activated,"
           "resolved,acknowledged_by,acknowledged_at,note,resolved_reason,sample\n";
    for (const AlertRecord &a : *alerts) {
        if (!visibility->showsDeviceKey(a.deviceKey))
            continue;
        const MetricInfo *metric = MetricCatalogue::byId(a.metric);
        out << a.episode << ',' << AlertRecord::stateName(a.state) << ','
            << (a.critical ? "critical" : "warning") << ',' << CsvText::field(a.ruleId) << ','
            << CsvText::field(a.countyCode()) << ',' << CsvText::field(a.siteId()) << ','
            << CsvText::field(a.deviceId()) << ','
            << (metric ? QLatin1String(metric->name) : QLatin1String("")) << ','
            << QString::number(a.value, 'g', 10) << ',' << CsvText::chinaTime(a.raisedAt) << ','
            << CsvText::chinaTime(a.activatedAt) << ',' << CsvText::chinaTime(a.resolvedAt) << ','
            << CsvText::field(a.acknowledgedBy) << ',' << CsvText::chinaTime(a.acknowledgedAt)
            << ',' << CsvText::field(a.note) << ',' << CsvText::field(a.resolvedReason) << ','
            << visibility->labelOf(a.siteId()) << '\n';
    }
    out.flush();
    return 0;
}

} // namespace dv
