// dvdash history: one sensor series as CSV, for scripts and checks.
#include "historycommand.h"

#include "appsettings.h"
#include "chinatime.h"
#include "metriccatalogue.h"
#include "sensorstore.h"
#include "storespec.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace dv {

namespace {

// ISO 8601; a time without offset is China time, as the user reading the dashboard means it.
bool parseTime(const QString &text, qint64 &ms)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return false;
        dt = QDateTime(date, QTime(0, 0), ChinaTime::zone());
    } else if (dt.timeSpec() == Qt::LocalTime) {
        dt = QDateTime(dt.date(), dt.time(), ChinaTime::zone());
    }
    ms = dt.toMSecsSinceEpoch();
    return true;
}

QString formatTime(qint64 ms)
{
    return ChinaTime::dateTime(ms).toString(Qt::ISODateWithMs);
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

QString HistoryCommand::name() const
{
    return QStringLiteral("history");
}

QString HistoryCommand::summary() const
{
    return tr("Print one sensor series as CSV and exit.");
}

void HistoryCommand::describe(QCommandLineParser &parser) const
{
    parser.addOption(storeOption());
    parser.addOption(QCommandLineOption(QStringLiteral("device"),
        tr("Device: county/site/device, or the device ID alone if unique."), QStringLiteral("id")));
    parser.addOption(QCommandLineOption(QStringLiteral("metric"),
        tr("Metric name, e.g. body_temperature."), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(QStringLiteral("from"),
        tr("Start, ISO 8601 (China time when no offset is given)."), QStringLiteral("time")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("to"), tr("End (exclusive), ISO 8601."), QStringLiteral("time")));
    parser.addOption(QCommandLineOption(QStringLiteral("buckets"),
        tr("Fold into N buckets (min, max, mean); without it, every reading."),
        QStringLiteral("N")));
}

int HistoryCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    for (const char *name : { "device", "metric", "from", "to" }) {
        if (parser.value(QLatin1String(name)).isEmpty()) {
            err << tr("history needs %1").arg(QStringLiteral("--") + QLatin1String(name))
                << Qt::endl;
            return 2;
        }
    }
    HistoryOptions options { parser.value(QStringLiteral("store")),
        parser.value(QStringLiteral("device")), parser.value(QStringLiteral("metric")),
        parser.value(QStringLiteral("from")), parser.value(QStringLiteral("to")), 0 };
    if (parser.isSet(QStringLiteral("buckets"))) {
        const QString buckets = parser.value(QStringLiteral("buckets"));
        bool ok = false;
        options.buckets = buckets.toInt(&ok);
        if (!ok || options.buckets < 1 || options.buckets > 100000) {
            err << tr("--buckets must be a whole number from 1 to 100000, not %1").arg(buckets)
                << Qt::endl;
            return 2;
        }
    }
    return run(options, out, err);
}

int HistoryCommand::run(const HistoryOptions &options, QTextStream &out, QTextStream &err)
{
    const MetricInfo *metric = MetricCatalogue::byName(options.metric);
    if (!metric) {
        QStringList names;
        for (const MetricInfo &m : MetricCatalogue::all())
            names << QString::fromLatin1(m.name);
        err << tr("unknown metric %1; known: %2")
                   .arg(options.metric, names.join(QStringLiteral(", ")))
            << Qt::endl;
        return 2;
    }
    qint64 from = 0, to = 0;
    if (!parseTime(options.from, from) || !parseTime(options.to, to)) {
        err << tr("--from and --to must be ISO 8601 times, e.g. 2026-11-22T08:00:00+08:00")
            << Qt::endl;
        return 2;
    }
    if (to <= from) {
        err << tr("--to must be after --from") << Qt::endl;
        return 2;
    }
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    if (!StoreSpec::exists(spec, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    const auto store = SensorStore::create(StoreSpec::readOnly(spec), &error);
    if (!store) {
        err << error << Qt::endl;
        return 1;
    }
    const auto device = store->findDevice(options.device, &error);
    if (!device) {
        err << error << Qt::endl;
        return 1;
    }
    if (options.buckets > 0) {
        const auto buckets = store->history(*device, metric->id, from, to, options.buckets, &error);
        if (!buckets) {
            err << error << Qt::endl;
            return 1;
        }
        out << "ts,min,max,mean,count\n";
        for (const HistoryBucket &b : *buckets)
            out << formatTime(b.start) << ',' << number(b.min) << ',' << number(b.max) << ','
                << number(b.mean) << ',' << b.count << '\n';
    } else {
        const auto readings = store->readings(*device, metric->id, from, to, &error);
        if (!readings) {
            err << error << Qt::endl;
            return 1;
        }
        out << "ts,value,sensor_fault\n";
        for (const Reading &r : *readings)
            out << formatTime(r.timestamp) << ',' << number(r.value) << ','
                << (r.sensorFault ? 1 : 0) << '\n';
    }
    out.flush();
    return 0;
}

} // namespace dv
