// Writes one year's county indicator table as CSV (UTF-8 with BOM) or XLSX through GDAL.
#include "indicatorexporter.h"

#include "quietgdalerrors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QUuid>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>
#include <mutex>

namespace dv {

bool IndicatorExporter::write(const QString &path, int year,
    const std::vector<Indicator> &indicators, const std::vector<IndicatorValue> &values,
    const CountyDirectory &counties, bool sample, QString *error)
{
    const QFileInfo target(path);
    const QString suffix = target.suffix().toLower();
    const QString name = QDir::toNativeSeparators(path);
    const bool csv = suffix == QLatin1String("csv");
    if (!csv && suffix != QLatin1String("xlsx")) {
        *error = tr("%1: export to a .csv or .xlsx file").arg(name);
        return false;
    }
    if (!target.absoluteDir().exists()) {
        *error = tr("%1: the folder does not exist").arg(name);
        return false;
    }
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    QuietGdalErrors quiet;

    // Only indicators with a value this year, in catalogue order.
    QHash<QString, QHash<QString, double>> byCounty; // county -> indicator -> value
    QHash<QString, bool> used;
    for (const IndicatorValue &v : values) {
        byCounty[v.county].insert(v.indicator, v.value);
        used.insert(v.indicator, true);
    }
    std::vector<const Indicator *> columns;
    for (const Indicator &i : indicators) {
        if (used.contains(i.id))
            columns.push_back(&i);
    }

    const QString temp = target.absoluteDir().filePath(
        QStringLiteral(".dvdash-export-%1.%2")
            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), suffix));
    auto fail = [&](const QString &what) {
        const QString gdal = QuietGdalErrors::last();
        QFile::remove(temp);
        *error = gdal.isEmpty() ? tr("%1: %2").arg(name, what)
                                : tr("%1: %2 (%3)").arg(name, what, gdal);
        return false;
    };
    {
        GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(csv ? "CSV" : "XLSX");
        if (!driver)
            return fail(tr("GDAL lacks the %1 driver").arg(suffix.toUpper()));
        QuietGdalErrors::Dataset ds(
            driver->Create(temp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            return fail(tr("cannot create the file"));
        CPLStringList options;
        if (csv) {
            // Excel on Chinese Windows opens UTF-8 CSV correctly only with a BOM.
            options.AddNameValue("WRITE_BOM", "YES");
            options.AddNameValue("LINEFORMAT", "CRLF");
            options.AddNameValue("STRING_QUOTING", "IF_NEEDED");
        }
        OGRLayer *layer = ds->CreateLayer(
            QString::number(year).toUtf8().constData(), nullptr, wkbNone, options.List());
        if (!layer)
            return fail(tr("cannot create the table"));
        auto addField = [&](const QString &title, OGRFieldType type, int precision) {
            OGRFieldDefn field(title.toUtf8().constData(), type);
            if (type == OFTReal) {
                field.SetWidth(24);
                field.SetPrecision(precision);
            }
            return layer->CreateField(&field) == OGRERR_NONE;
        };
        bool ok = addField(QString::fromUtf8("区县代码"), OFTString, 0)
            && addField(QString::fromUtf8("区县名称"), OFTString, 0)
            && addField(QString::fromUtf8("市州"), OFTString, 0)
            && addField(QString::fromUtf8("年份"), OFTInteger, 0);
        for (const Indicator *i : columns)
            ok = ok && addField(i->labelZh(), OFTReal, i->decimals);
        if (sample)
            ok = ok && addField(QString::fromUtf8("数据说明"), OFTString, 0);
        if (!ok)
            return fail(tr("cannot create the columns"));
        for (const County &c : counties.counties()) {
            const auto it = byCounty.constFind(c.code);
            if (it == byCounty.constEnd())
                continue;
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField(0, c.code.toUtf8().constData());
            feature.SetField(1, c.name.toUtf8().constData());
            feature.SetField(2, c.prefectureName.toUtf8().constData());
            feature.SetField(3, year);
            int field = 4;
            for (const Indicator *i : columns) {
                const auto v = it->constFind(i->id);
                if (v != it->constEnd()) {
                    const double f = std::pow(10.0, i->decimals);
                    feature.SetField(field, std::round(*v * f) / f);
                }
                ++field;
            }
            if (sample)
                feature.SetField(field, "示例数据");
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                return fail(tr("cannot write a row"));
        }
        ds.reset(); // flushes; XLSX is zipped here
    }
    if (!QFileInfo::exists(temp))
        return fail(tr("cannot write the file"));
    QFile::remove(path);
    if (!QFile::rename(temp, path)) {
        QFile::remove(temp);
        *error = tr("%1: cannot replace the file").arg(name);
        return false;
    }
    return true;
}

bool IndicatorExporter::exportYear(IndicatorStore &store, const CountyDirectory &counties, int year,
    const QString &path, QString *error)
{
    const auto indicators = store.indicators(error);
    if (!indicators)
        return false;
    const auto values = store.table(year, error);
    if (!values)
        return false;
    if (values->empty()) {
        *error = tr("%1: the store has no values for %2")
                     .arg(QDir::toNativeSeparators(path))
                     .arg(year);
        return false;
    }
    const auto sample = store.hasSampleValues(year, error);
    if (!sample)
        return false;
    return write(path, year, *indicators, *values, counties, *sample, error);
}

} // namespace dv
