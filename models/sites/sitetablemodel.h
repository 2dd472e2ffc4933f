// The office's registered sites as a table for the Sites… manager, with its filters.
#pragma once

#include "site.h"
#include "sitetype.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace dv {

// Holds every registered site (retired ones too) and shows the rows the filters let through:
// county, type, status and a text found in the id, name, township or contact.
class SiteTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Type, County, Township, Contact, Status, Source, Devices, ColumnCount };
    enum class StatusFilter { All, Active, Retired };

    explicit SiteTableModel(QObject *parent = nullptr);

    // countyNames: code -> name, for the County column.
    void setSites(const std::vector<Site> &sites, const std::vector<SiteType> &types,
        const QHash<QString, QString> &countyNames);
    const std::vector<Site> &allSites() const { return mSites; }
    const std::vector<SiteType> &types() const { return mTypes; }
    const QHash<QString, QString> &countyNames() const { return mCountyNames; }

    void setCountyFilter(const QString &code);
    void setTypeFilter(const QString &typeId);
    void setStatusFilter(StatusFilter status);
    void setTextFilter(const QString &text);

    // The site a visible row shows; nullptr outside the rows.
    const Site *siteAt(int row) const;
    // The visible row of a site id, -1 when filtered out or unknown.
    int rowOf(const QString &id) const;
    QString typeName(const QString &typeId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void refilter();
    bool passes(const Site &site) const;

    std::vector<Site> mSites;
    std::vector<SiteType> mTypes;
    QHash<QString, QString> mCountyNames;
    std::vector<int> mRows; // indexes into mSites
    QString mCounty;
    QString mType;
    StatusFilter mStatus = StatusFilter::Active;
    QString mText;
};

} // namespace dv
