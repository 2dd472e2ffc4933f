// Attribute values of a layer's features, one row per feature.
#pragma once

#include <QStringList>
#include <QVariant>

#include <vector>

namespace dv {

class FeatureTable {
public:
    explicit FeatureTable(QStringList fieldNames = {});

    const QStringList &fieldNames() const { return mFieldNames; }
    int fieldCount() const { return static_cast<int>(mFieldNames.size()); }
    int fieldIndex(const QString &name) const { return mFieldNames.indexOf(name); }
    int rowCount() const;

    // Appends a row; missing trailing values are null.
    void appendRow(const QVariant *values, int count);
    QVariant value(int row, int field) const;
    QVariant value(int row, const QString &fieldName) const;
    QString text(int row, const QString &fieldName) const;

private:
    QStringList mFieldNames;
    std::vector<QVariant> mValues;
};

} // namespace dv
