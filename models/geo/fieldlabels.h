// Human names for the bundled layers' fields and coded values, in the user's language.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace dv {

class FieldLabels {
    Q_DECLARE_TR_FUNCTIONS(dv::FieldLabels)
public:
    // "area_mu" -> "面积（亩）"; unknown fields keep their own name.
    static QString label(const QString &field);
    // Coded values shown as words: type, telemedicine, sample.
    static QString displayValue(const QString &field, const QVariant &value);
    static QStringList siteTypes();
    static QString siteTypeLabel(const QString &type);
};

} // namespace dv
