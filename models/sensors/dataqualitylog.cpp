// What went wrong with incoming data: problems counted by kind, the latest ones listed.
#include "dataqualitylog.h"

#include "devicekey.h"

#include <numeric>

namespace dv {

DataQualityLog::DataQualityLog(QObject *parent)
    : QObject(parent)
{
}

void DataQualityLog::record(const QString &source, const PayloadIssue &issue, qint64 time)
{
    ++mCounts.at(static_cast<std::size_t>(issue.kind));
    mRecent.push_front({ time, source, issue });
    if (mRecent.size() > kMaxListed)
        mRecent.pop_back();
    emit changed();
}

void DataQualityLog::recordBroker(const QString &message, qint64 time)
{
    record(tr("MQTT broker"), { PayloadIssue::Kind(BrokerProblem), QString(), message }, time);
}

void DataQualityLog::recordStore(const QString &message, qint64 time)
{
    record(tr("Sensor store"), { PayloadIssue::Kind(StoreProblem), QString(), message }, time);
}

void DataQualityLog::recordUnregisteredSite(const QString &deviceKey, qint64 time)
{
    const QString site = DeviceKey::site(deviceKey);
    record(deviceKey,
        { PayloadIssue::Kind(SiteNotRegistered), QString(),
            tr("site %1 is not registered: no rule for a site type applies to its devices until "
               "it is (Sites…, or dvdash sites import)")
                .arg(site) },
        time);
}

qint64 DataQualityLog::total() const
{
    return std::accumulate(mCounts.begin(), mCounts.end(), qint64(0));
}

QString DataQualityLog::kindLabel(int kind)
{
    switch (kind) {
    case PayloadIssue::BadTopic:
        return tr("Topic not in the dvdash/v1 scheme");
    case PayloadIssue::Oversize:
        return tr("Payload over 64 KB");
    case PayloadIssue::InvalidJson:
        return tr("Invalid JSON");
    case PayloadIssue::WrongType:
        return tr("Wrong type");
    case PayloadIssue::MissingTimestamp:
        return tr("Missing or bad timestamp");
    case PayloadIssue::MissingReadings:
        return tr("Missing readings or not a number");
    case PayloadIssue::UnknownMetric:
        return tr("Unknown metric");
    case PayloadIssue::SensorFault:
        return tr("Sensor fault (impossible value, kept)");
    case PayloadIssue::FutureTimestamp:
        return tr("Timestamp in the future");
    case PayloadIssue::TooOld:
        return tr("Timestamp too old");
    case BrokerProblem:
        return tr("Broker connection");
    case StoreProblem:
        return tr("Store write");
    case SiteNotRegistered:
        return tr("Site not registered");
    }
    return QString();
}

} // namespace dv
