// The alert list as a table: severity, state, time, county, site, device, rule, values.
#include "alerttablemodel.h"

#include "chinatime.h"
#include "metriccatalogue.h"
#include "rulenames.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

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

void AlertTableModel::setLatestValues(QHash<quint64, double> latest)
{
    mLatest = std::move(latest);
    if (rowCount() > 0)
        emit dataChanged(index(0, Latest), index(rowCount() - 1, Latest));
}

QString AlertTableModel::formatted(const AlertRecord &alert, double value) const
{
    const MetricInfo *metric = MetricCatalogue::byId(alert.metric);
    if (!metric) // a stale alert: minutes without data
        return tr("%n min", "", qRound(value));
    return QStringLiteral("%1 %2").arg(
        QLocale().toString(value, 'f', metric->decimals), QString::fromUtf8(metric->unit));
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

int AlertTableModel::unacknowledgedCount() const
{
    return int(std::count_if(mAlerts.begin(), mAlerts.end(),
        [](const AlertRecord &a) { return a.state == AlertRecord::Active; }));
}

QString AlertTableModel::placeText(const AlertRecord &alert) const
{
    return QStringList({ mCountyNames.value(alert.countyCode(), alert.countyCode()),
                           mSiteNames.value(alert.siteId(), alert.siteId()), alert.deviceId() })
        .join(QStringLiteral(" · "));
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
    if (role == Qt::TextAlignmentRole && index.column() >= Value)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
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
        return RuleNames::display(*a);
    case Value:
        return role == SortRole ? QVariant(a->triggerValue) : formatted(*a, a->triggerValue);
    case Peak:
        return role == SortRole ? QVariant(a->peak) : formatted(*a, a->peak);
    case Latest: {
        const auto latest = mLatest.constFind(a->episode);
        if (a->metric == 0 || latest == mLatest.cend())
            return role == SortRole ? QVariant(qQNaN()) : QVariant(QStringLiteral("—"));
        return role == SortRole ? QVariant(*latest) : formatted(*a, *latest);
    }
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
        return tr("Triggered at");
    case Peak:
        return tr("Peak");
    case Latest:
        return tr("Latest");
    }
    return {};
}

} // namespace dv
