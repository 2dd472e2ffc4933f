// Attribute values of a layer's features, one row per feature.
#include "featuretable.h"

namespace dv {

FeatureTable::FeatureTable(QStringList fieldNames)
    : mFieldNames(std::move(fieldNames))
{
}

int FeatureTable::rowCount() const
{
    return mFieldNames.isEmpty() ? 0 : static_cast<int>(mValues.size() / mFieldNames.size());
}

void FeatureTable::appendRow(const QVariant *values, int count)
{
    for (int i = 0; i < fieldCount(); ++i)
        mValues.push_back(i < count ? values[i] : QVariant());
}

QVariant FeatureTable::value(int row, int field) const
{
    if (row < 0 || field < 0 || field >= fieldCount() || row >= rowCount())
        return {};
    return mValues[static_cast<std::size_t>(row) * mFieldNames.size() + field];
}

QVariant FeatureTable::value(int row, const QString &fieldName) const
{
    return value(row, fieldIndex(fieldName));
}

QString FeatureTable::text(int row, const QString &fieldName) const
{
    return value(row, fieldName).toString();
}

} // namespace dv
