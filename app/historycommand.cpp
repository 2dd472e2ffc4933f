// dvdash history: one sensor series as CSV, for scripts and checks.
#include "historycommand.h"

#include "appsettings.h"
#include "metriccatalogue.h"
#include "sensorstore.h"
#include "storespec.h"

#include <QDateTime>
#include <QTimeZone>

namespace dv {

namespace {

const QTimeZone &chinaTime()
{
    static const QTimeZone zone("Asia/Shanghai");
    return zone;
}

// ISO 8601; a time without offset is China time, as the user reading the dashboard means it.
bool parseTime(const QString &text, qint64 &ms)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return false;
        dt = QDateTime(date, QTime(0, 0), chinaTime());
    } else if (dt.timeSpec() == Qt::LocalTime) {
        dt = QDateTime(dt.date(), dt.time(), chinaTime());
    }
    ms = dt.toMSecsSinceEpoch();
    return true;
}

QString formatTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, chinaTime()).toString(Qt::ISODateWithMs);
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

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
    if (StoreSpec::existingSqlitePath(spec, &error).isEmpty()) {
        err << error << Qt::endl;
        return 1;
    }
    const auto store = SensorStore::create(spec, &error);
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
