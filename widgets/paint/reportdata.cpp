// What a PDF report shows, read from the stores beforehand: the composer only paints this value.
#include "reportdata.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

QStringList ReportOptions::sectionNames()
{
    return { QStringLiteral("cover"), QStringLiteral("map"), QStringLiteral("figures"),
        QStringLiteral("indicators"), QStringLiteral("charts"), QStringLiteral("alerts"),
        QStringLiteral("sources") };
}

QString ReportOptions::mapNote() const
{
    if (chinese()) {
        return mapReviewNumber.isEmpty() ? QStringLiteral("示意图（非标准地图，无审图号）")
                                         : QStringLiteral("审图号：") + mapReviewNumber;
    }
    return mapReviewNumber.isEmpty()
        ? QCoreApplication::translate(
            "dv::ReportOptions", "Schematic map (示意图), not a standard map")
        : QCoreApplication::translate("dv::ReportOptions", "Map review number (审图号): %1")
              .arg(mapReviewNumber);
}

int ReportOptions::parseSections(const QString &list, QString *error)
{
    const QStringList names = sectionNames();
    int sections = 0;
    for (const QString &part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int i = names.indexOf(part.trimmed().toLower());
        if (i < 0) {
            *error = QCoreApplication::translate(
                "dv::ReportOptions", "--sections: no section %1; the sections are %2")
                         .arg(part.trimmed(), names.join(QLatin1Char(',')));
            return 0;
        }
        sections |= 1 << i;
    }
    if (!sections) {
        *error = QCoreApplication::translate(
            "dv::ReportOptions", "--sections needs at least one of %1")
                     .arg(names.join(QLatin1Char(',')));
    }
    return sections;
}

const County *ReportData::county(const QString &code) const
{
    for (const County &c : counties) {
        if (c.code == code)
            return &c;
    }
    return nullptr;
}

std::vector<const County *> ReportData::prefectureCounties(const QString &prefectureCode) const
{
    std::vector<const County *> result;
    for (const County &c : counties) {
        if (c.prefectureCode == prefectureCode)
            result.push_back(&c);
    }
    return result;
}

QVector<QPair<QString, QString>> ReportData::prefectures() const
{
    QVector<QPair<QString, QString>> result;
    QSet<QString> seen;
    for (const County &c : counties) {
        if (!seen.contains(c.prefectureCode)) {
            seen.insert(c.prefectureCode);
            result.append({ c.prefectureCode, c.prefectureName });
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

int ReportData::rank(const QHash<QString, double> &values, const QString &county,
    const QStringList &among, bool higherIsBetter)
{
    const auto own = values.constFind(county);
    if (own == values.constEnd())
        return 0;
    int better = 0;
    for (const QString &code : among) {
        const auto v = values.constFind(code);
        if (v != values.constEnd() && (higherIsBetter ? *v > *own : *v < *own))
            ++better;
    }
    return better + 1;
}

double ReportData::mean(const QHash<QString, double> &values, const QStringList &among)
{
    double sum = 0;
    int n = 0;
    for (const QString &code : among) {
        const auto v = values.constFind(code);
        if (v != values.constEnd()) {
            sum += *v;
            ++n;
        }
    }
    return n ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

QStringList ReportData::codes() const
{
    QStringList result;
    for (const County &c : counties)
        result << c.code;
    return result;
}

QStringList ReportData::codesOf(const QString &prefectureCode) const
{
    QStringList result;
    for (const County &c : counties) {
        if (c.prefectureCode == prefectureCode)
            result << c.code;
    }
    return result;
}

} // namespace dv
