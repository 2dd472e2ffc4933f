// A pig farm's sows as a table: ear tag, latest temperature, trend, status, battery, last day.
#include "sowtablemodel.h"

#include "devicekey.h"
#include "metriccatalogue.h"
#include "rulenames.h"
#include "timeunits.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return qQNaN();
    const auto mid = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2)
        return *mid;
    return (*mid + *std::max_element(values.begin(), mid)) / 2;
}

} // namespace

SowTableModel::SowTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

bool SowTableModel::load(
    SensorStore &store, const std::vector<DeviceEntry> &tags, qint64 now, QString *error)
{
    const int body = MetricCatalogue::byName(QStringLiteral("body_temperature"))->id;
    const int battery = MetricCatalogue::byName(QStringLiteral("battery"))->id;
    std::vector<Sow> sows;
    for (const DeviceEntry &tag : tags) {
        Sow sow;
        sow.device = tag;
        sow.earTag = DeviceKey::device(tag.key);
        const auto recent = store.readings(tag.id, body, now - 2 * kHourMs, now + kHourMs, error);
        if (!recent)
            return false;
        if (!recent->empty()) {
            sow.latest = recent->back().value;
            sow.latestTime = recent->back().timestamp;
            sow.latestFault = recent->back().sensorFault;
            // The trend compares with the reading nearest an hour before the latest.
            const qint64 target = sow.latestTime - kHourMs;
            auto nearest = std::min_element(
                recent->begin(), recent->end(), [target](const Reading &a, const Reading &b) {
                    return std::llabs(a.timestamp - target) < std::llabs(b.timestamp - target);
                });
            if (std::llabs(nearest->timestamp - target) < kHourMs / 2)
                sow.hourAgo = nearest->value;
        }
        const auto week = store.history(tag.id, body, now - 7 * 24 * kHourMs, now, 7 * 24, error);
        if (!week)
            return false;
        std::vector<double> hourly;
        for (const HistoryBucket &b : *week)
            hourly.push_back(b.mean);
        sow.baseline = median(hourly);
        for (const HistoryBucket &b : *week) {
            if (b.start >= now - 24 * kHourMs)
                sow.lastDay << b.mean;
        }
        const auto charge
            = store.readings(tag.id, battery, now - 24 * kHourMs, now + kHourMs, error);
        if (!charge)
            return false;
        if (!charge->empty())
            sow.battery = charge->back().value;
        sow.judged = sow.status = judge(sow, now);
        sows.push_back(std::move(sow));
    }
    beginResetModel();
    mSows = std::move(sows);
    endResetModel();
    return true;
}

void SowTableModel::setOpenAlerts(const std::vector<AlertRecord> &alerts)
{
    const int body = MetricCatalogue::byName(QStringLiteral("body_temperature"))->id;
    for (Sow &sow : mSows) {
        sow.alertRule.clear();
        sow.alertCritical = false;
        for (const AlertRecord &a : alerts) {
            if (!a.isOpen() || a.metric != body || a.deviceKey != sow.device.key)
                continue;
            if (sow.alertRule.isEmpty() || (a.critical && !sow.alertCritical)) {
                sow.alertRule = RuleNames::display(a);
                sow.alertCritical = a.critical;
            }
        }
        sow.status = sow.judged;
        // A fault or silence is what the reading says now; the alert is what it said before.
        if (!sow.alertRule.isEmpty() && sow.judged != SensorFault && sow.judged != NoData)
            sow.status = std::max(sow.judged, sow.alertCritical ? Fever : Raised);
    }
    if (!mSows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SowTableModel::clear()
{
    beginResetModel();
    mSows.clear();
    endResetModel();
}

SowTableModel::SowStatus SowTableModel::judge(const Sow &sow, qint64 now)
{
    if (std::isnan(sow.latest) || now - sow.latestTime > kSilentAfterMs)
        return NoData;
    if (sow.latestFault)
        return SensorFault;
    if (std::isnan(sow.baseline))
        return Normal;
    const double above = sow.latest - sow.baseline;
    if (above >= 2 * kRaisedDelta)
        return Fever;
    if (above >= kRaisedDelta)
        return Raised;
    return Normal;
}

QString SowTableModel::statusText(SowStatus status)
{
    switch (status) {
    case Normal:
        return tr("Normal");
    case Raised:
        return tr("Raised");
    case Fever:
        return tr("Fever");
    case SensorFault:
        return tr("Sensor fault");
    case NoData:
        return tr("No data");
    }
    return QString();
}

int SowTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mSows.size());
}

int SowTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SowTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Sow &sow = mSows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case SparklineRole:
        return QVariant::fromValue(sow.lastDay);
    case DeviceRole:
        return sow.device.id;
    case BaselineRole:
        return sow.baseline;
    case StatusRole:
        return sow.status;
    case Qt::TextAlignmentRole:
        return index.column() == EarTag || index.column() == Status
            ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == Status || index.column() == Latest) {
            if (sow.status == Fever)
                return QColor(0xc6, 0x28, 0x28);
            if (sow.status == Raised)
                return QColor(0xe6, 0x51, 0x00);
            if (sow.status == SensorFault || sow.status == NoData)
                return QColor(0x75, 0x75, 0x75);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Status && !sow.alertRule.isEmpty())
            return tr("Open alert: %1").arg(sow.alertRule);
        if (index.column() == Status && !std::isnan(sow.baseline))
            return tr("Her own normal: %1 °C (median of the last 7 days)")
                .arg(QLocale().toString(sow.baseline, 'f', 2));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case EarTag:
        return sow.earTag;
    case Latest:
        return std::isnan(sow.latest) ? QStringLiteral("—")
                                      : locale.toString(sow.latest, 'f', 2) + QStringLiteral(" °C");
    case Trend: {
        if (std::isnan(sow.latest) || std::isnan(sow.hourAgo))
            return QString();
        // Rounded first, so a change of -0.02 reads "0.0", not "-0.0".
        const double change = std::round((sow.latest - sow.hourAgo) * 10) / 10 + 0.0;
        // Arrows for a change larger than the tags' own noise over an hour.
        const QString arrow = change > 0.2 ? QStringLiteral("↑")
            : change < -0.2                ? QStringLiteral("↓")
                                           : QStringLiteral("→");
        return QStringLiteral("%1 %2").arg(arrow, locale.toString(change, 'f', 1));
    }
    case Status:
        return sow.alertRule.isEmpty() ? statusText(sow.status)
                                       : tr("%1 · alert open").arg(statusText(sow.status));
    case Battery:
        return std::isnan(sow.battery)
            ? QStringLiteral("—")
            : locale.toString(sow.battery, 'f', 0) + QStringLiteral(" %");
    case LastDay:
        return QString();
    }
    return {};
}

QVariant SowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EarTag:
        return tr("Ear tag");
    case Latest:
        return tr("Latest");
    case Trend:
        return tr("Trend (1 h)");
    case Status:
        return tr("Status");
    case Battery:
        return tr("Battery");
    case LastDay:
        return tr("Last 24 h");
    }
    return {};
}

} // namespace dv
