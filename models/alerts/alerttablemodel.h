// The alert list as a table: severity, state, time, county, site, device, rule, value.
#pragma once

#include "alertrecord.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace dv {

class AlertTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Severity, State, Raised, County, Site, Device, Rule, Value, ColumnCount };
    // Qt::UserRole: the raw value to sort by (time in ms, severity as a number...).
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int EpisodeRole = Qt::UserRole + 1;

    explicit AlertTableModel(QObject *parent = nullptr);

    // Names for codes and ids, from the map's layers: officials read 湄潭县, not 520328.
    void setNames(QHash<QString, QString> countyNames, QHash<QString, QString> siteNames);
    void setAlerts(std::vector<AlertRecord> alerts);
    const std::vector<AlertRecord> &alerts() const { return mAlerts; }
    const AlertRecord *alertAt(int row) const;
    int openCount(bool criticalOnly = false) const;
    static QString stateText(AlertRecord::State state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<AlertRecord> mAlerts;
    QHash<QString, QString> mCountyNames;
    QHash<QString, QString> mSiteNames;
};

} // namespace dv
