// The office's registered sites as a table for the Sites… manager, with its filters.
#include "sitetablemodel.h"

#include <QColor>
#include <QLocale>

namespace dv {

SiteTableModel::SiteTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SiteTableModel::setSites(const std::vector<Site> &sites, const std::vector<SiteType> &types,
    const QHash<QString, QString> &countyNames)
{
    beginResetModel();
    mSites = sites;
    mTypes = types;
    mCountyNames = countyNames;
    mRows.clear();
    for (int i = 0; i < static_cast<int>(mSites.size()); ++i) {
        if (passes(mSites[i]))
            mRows.push_back(i);
    }
    endResetModel();
}

void SiteTableModel::setCountyFilter(const QString &code)
{
    mCounty = code;
    refilter();
}

void SiteTableModel::setTypeFilter(const QString &typeId)
{
    mType = typeId;
    refilter();
}

void SiteTableModel::setStatusFilter(StatusFilter status)
{
    mStatus = status;
    refilter();
}

void SiteTableModel::setTextFilter(const QString &text)
{
    mText = text.trimmed();
    refilter();
}

void SiteTableModel::refilter()
{
    beginResetModel();
    mRows.clear();
    for (int i = 0; i < static_cast<int>(mSites.size()); ++i) {
        if (passes(mSites[i]))
            mRows.push_back(i);
    }
    endResetModel();
}

bool SiteTableModel::passes(const Site &s) const
{
    if (!mCounty.isEmpty() && s.county != mCounty)
        return false;
    if (!mType.isEmpty() && s.type != mType)
        return false;
    if ((mStatus == StatusFilter::Active && !s.isActive())
        || (mStatus == StatusFilter::Retired && s.isActive()))
        return false;
    if (mText.isEmpty())
        return true;
    for (const QString &field : { s.id, s.name, s.township, s.contact }) {
        if (field.contains(mText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

const Site *SiteTableModel::siteAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(mRows.size()))
        return nullptr;
    return &mSites[static_cast<std::size_t>(mRows[static_cast<std::size_t>(row)])];
}

int SiteTableModel::rowOf(const QString &id) const
{
    for (int r = 0; r < static_cast<int>(mRows.size()); ++r) {
        if (siteAt(r)->id == id)
            return r;
    }
    return -1;
}

QString SiteTableModel::typeName(const QString &typeId) const
{
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (const SiteType &t : mTypes) {
        if (t.id == typeId)
            return chinese ? t.nameZh : t.nameEn;
    }
    return typeId;
}

int SiteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mRows.size());
}

int SiteTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SiteTableModel::data(const QModelIndex &index, int role) const
{
    const Site *s = siteAt(index.row());
    if (!s)
        return {};
    if (role == Qt::ForegroundRole && !s->isActive())
        return QColor(Qt::gray);
    if (role == Qt::TextAlignmentRole && index.column() == Devices)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Id:
        return s->id;
    case Name:
        return s->name;
    case Type:
        return typeName(s->type);
    case County:
        return mCountyNames.value(s->county, s->county);
    case Township:
        return s->township;
    case Contact:
        return s->contact;
    case Status:
        return s->isActive() ? tr("Active") : tr("Retired");
    case Source:
        switch (s->source) {
        case Site::Source::Sample:
            return tr("Sample data");
        case Site::Source::Imported:
            return tr("Imported");
        case Site::Source::Entered:
            return tr("Entered");
        }
        return {};
    case Devices: {
        int inService = 0;
        for (const SiteDevice &d : s->devices)
            inService += d.isRetired() ? 0 : 1;
        return inService;
    }
    default:
        return {};
    }
}

QVariant SiteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case County:
        return tr("County");
    case Township:
        return tr("Township");
    case Contact:
        return tr("Contact");
    case Status:
        return tr("Status");
    case Source:
        return tr("Source");
    case Devices:
        return tr("Devices");
    default:
        return {};
    }
}

} // namespace dv
