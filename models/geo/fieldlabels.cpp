// Human names for the bundled layers' fields and coded values, in the user's language.
#include "fieldlabels.h"

namespace dv {

QString FieldLabels::label(const QString &field)
{
    static const struct {
        const char *field;
        const char *label;
    } labels[] = {
        { "code", QT_TR_NOOP("Division code") },
        { "name", QT_TR_NOOP("Name") },
        { "former_name", QT_TR_NOOP("Former name") },
        { "prefecture_code", QT_TR_NOOP("Prefecture code") },
        { "prefecture_name", QT_TR_NOOP("Prefecture") },
        { "label_lon", QT_TR_NOOP("Label longitude") },
        { "label_lat", QT_TR_NOOP("Label latitude") },
        { "site_id", QT_TR_NOOP("Site ID") },
        { "type", QT_TR_NOOP("Type") },
        { "county_code", QT_TR_NOOP("County code") },
        { "county_name", QT_TR_NOOP("County") },
        { "township", QT_TR_NOOP("Township") },
        { "area_mu", QT_TR_NOOP("Area (mu)") },
        { "variety", QT_TR_NOOP("Tea variety") },
        { "sow_count", QT_TR_NOOP("Sows") },
        { "doctors", QT_TR_NOOP("Doctors") },
        { "telemedicine", QT_TR_NOOP("Telemedicine terminal") },
        { "sample", QT_TR_NOOP("Sample data") },
        { "contact", QT_TR_NOOP("Contact") },
    };
    for (const auto &l : labels) {
        if (field == QLatin1String(l.field))
            return tr(l.label);
    }
    return field;
}

QString FieldLabels::displayValue(const QString &field, const QVariant &value)
{
    if (value.isNull())
        return QString();
    if (field == QLatin1String("type"))
        return siteTypeLabel(value.toString());
    if (field == QLatin1String("telemedicine") || field == QLatin1String("sample"))
        return value.toInt() ? tr("Yes") : tr("No");
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 10);
    return value.toString();
}

QStringList FieldLabels::siteTypes()
{
    return { QStringLiteral("tea_garden"), QStringLiteral("pig_farm"), QStringLiteral("clinic") };
}

QString FieldLabels::siteTypeLabel(const QString &type)
{
    if (type == QLatin1String("tea_garden"))
        return tr("Tea garden");
    if (type == QLatin1String("pig_farm"))
        return tr("Pig farm");
    if (type == QLatin1String("clinic"))
        return tr("Village clinic");
    return type;
}

} // namespace dv
