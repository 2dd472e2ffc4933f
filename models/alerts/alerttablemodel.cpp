// The alert list as a table: severity, state, time, county, site, device, rule, value.
#include "alerttablemodel.h"

#include "chinatime.h"
#include "metriccatalogue.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace dv {

AlertTableModel::AlertTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AlertTableModel::setNames(
    QHash<QString, QString> countyNames, QHash<QString, QString> siteNames)
{
    beginResetModel();
    mCountyNames = std::move(countyNames);
    mSiteNames = std::move(siteNames);
    endResetModel();
}

void AlertTableModel::setAlerts(std::vector<AlertRecord> alerts)
{
    beginResetModel();
    mAlerts = std::move(alerts);
    endResetModel();
}

const AlertRecord *AlertTableModel::alertAt(int row) const
{
    return row >= 0 && row < rowCount() ? &mAlerts[std::size_t(row)] : nullptr;
}

int AlertTableModel::openCount(bool criticalOnly) const
{
    return int(std::count_if(mAlerts.begin(), mAlerts.end(), [criticalOnly](const AlertRecord &a) {
        return a.isOpen() && (!criticalOnly || a.critical);
    }));
}

QString AlertTableModel::stateText(AlertRecord::State state)
{
    switch (state) {
    case AlertRecord::Pending:
        return tr("Pending");
    case AlertRecord::Active:
        return tr("Active");
    case AlertRecord::Acknowledged:
        return tr("Acknowledged");
    case AlertRecord::Resolved:
        return tr("Resolved");
    case AlertRecord::Cancelled:
        return tr("Cancelled");
    }
    return QString();
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mAlerts.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    const AlertRecord *a = alertAt(index.row());
    if (!a)
        return {};
    if (role == EpisodeRole)
        return a->episode;
    if (role == Qt::ForegroundRole) {
        if (!a->isOpen())
            return QColor(0x75, 0x75, 0x75);
        if (index.column() == Severity || index.column() == State)
            return a->critical ? QColor(0xc6, 0x28, 0x28) : QColor(0xe6, 0x51, 0x00);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == State && !a->acknowledgedBy.isEmpty())
        return tr("Acknowledged by %1: %2").arg(a->acknowledgedBy, a->note);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const MetricInfo *metric = MetricCatalogue::byId(a->metric);
    switch (index.column()) {
    case Severity:
        if (role == SortRole)
            return a->critical ? 1 : 0;
        return a->critical ? tr("Critical") : tr("Warning");
    case State:
        if (role == SortRole)
            return int(a->isOpen() ? 0 : 1) * 10 + int(a->state);
        return stateText(a->state);
    case Raised:
        if (role == SortRole)
            return a->raisedAt;
        return ChinaTime::dateTime(a->raisedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case County:
        return mCountyNames.value(a->countyCode(), a->countyCode());
    case Site:
        return mSiteNames.value(a->siteId(), a->siteId());
    case Device:
        return a->deviceId();
    case Rule:
        return a->ruleName;
    case Value:
        if (role == SortRole)
            return a->value;
        if (!metric)
            return QLocale().toString(a->value, 'f', 0);
        return QStringLiteral("%1 %2").arg(
            QLocale().toString(a->value, 'f', metric->decimals), QString::fromUtf8(metric->unit));
    }
    return {};
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Severity");
    case State:
        return tr("State");
    case Raised:
        return tr("Since");
    case County:
        return tr("County");
    case Site:
        return tr("Site");
    case Device:
        return tr("Device");
    case Rule:
        return tr("Rule");
    case Value:
        return tr("Value");
    }
    return {};
}

} // namespace dv
