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
    // Value: the reading that raised the alert; Peak: the furthest one in the episode; Latest:
    // the series' newest reading. Three numbers, because the value at activation may lie
    // below the limit the rule names and the latest says nothing of how bad it was.
    enum Column {
        Severity,
        State,
        Raised,
        County,
        Site,
        Device,
        Rule,
        Value,
        Peak,
        Latest,
        ColumnCount
    };
    // Qt::UserRole: the raw value to sort by (time in ms, severity as a number...).
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int EpisodeRole = Qt::UserRole + 1;

    explicit AlertTableModel(QObject *parent = nullptr);

    // Names for codes and ids, from the map's layers: officials read 湄潭县, not 520328.
    void setNames(QHash<QString, QString> countyNames, QHash<QString, QString> siteNames);
    void setAlerts(std::vector<AlertRecord> alerts);
    // Each open alert's newest reading of its series, by episode (read with the list).
    void setLatestValues(QHash<quint64, double> latest);
    const std::vector<AlertRecord> &alerts() const { return mAlerts; }
    const AlertRecord *alertAt(int row) const;
    int openCount(bool criticalOnly = false) const;
    // Open alerts nobody has acknowledged yet: the ones still waiting for someone.
    int unacknowledgedCount() const;
    // "湄潭县 · 永兴养殖场 · tag-0005": where the alert is, as officials name it (codes where
    // no name is known).
    QString placeText(const AlertRecord &alert) const;
    static QString stateText(AlertRecord::State state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString formatted(const AlertRecord &alert, double value) const;

    std::vector<AlertRecord> mAlerts;
    QHash<quint64, double> mLatest;
    QHash<QString, QString> mCountyNames;
    QHash<QString, QString> mSiteNames;
};

} // namespace dv
