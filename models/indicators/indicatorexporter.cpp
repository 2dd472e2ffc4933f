// Writes county indicator tables as CSV (UTF-8 with BOM) or XLSX through GDAL.
#include "indicatorexporter.h"

#include "csvtext.h"
#include "indicatortablemodel.h"
#include "quietgdalerrors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QUuid>

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

namespace dv {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double rounded(double value, int decimals)
{
    const double f = std::pow(10.0, decimals);
    const double r = std::round(value * f) / f;
    return r == 0 ? 0.0 : r; // never "-0.0"
}

// A number cell's value, NaN for an empty one.
double numberOf(const QVariant &cell)
{
    if (!cell.isValid() || cell.isNull())
        return kNaN;
    bool ok = false;
    const double v = cell.toDouble(&ok);
    return ok ? v : kNaN;
}

bool writeCsv(const IndicatorExporter::Table &table, const QString &temp)
{
    QString text;
    QStringList fields;
    for (const auto &column : table.columns)
        fields << CsvText::field(column.title);
    text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const auto &row : table.rows) {
        fields.clear();
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const QVariant cell = c < row.size() ? row[c] : QVariant();
            const int decimals = table.columns[c].decimals;
            // Numbers are our own digits and cannot be formulas; text (names, codes, notes)
            // goes through CsvText so a cell never runs as a formula in a spreadsheet.
            fields << (decimals < 0 ? CsvText::field(cell.toString())
                                    : IndicatorExporter::numberText(numberOf(cell), decimals));
        }
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // Excel on Chinese Windows opens UTF-8 CSV correctly only with a BOM.
    const QByteArray bytes = QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    return file.write(bytes) == bytes.size() && file.flush();
}

// GDAL writes an XLSX number with 16 significant digits ("525.4400000000001" for 525.44): the
// same double, but noise to anyone who reads the sheet's XML or a tool that prints it. The
// sheets are rewritten with the shortest digits that give the same double (15 significant
// digits suffice for values rounded to at most 6 decimals, so any number written with 7 or
// more is such noise), the other parts of the workbook copied as they are.
bool tidyXlsxNumbers(const QString &source, const QString &target)
{
    const QByteArray in = QByteArrayLiteral("/vsizip/") + source.toUtf8() + '/';
    const QByteArray out = QByteArrayLiteral("/vsizip/") + target.toUtf8() + '/';
    // Every file of the archive, folders walked by hand: /vsizip/ lists one level at a time.
    QList<QByteArray> entries;
    QList<QByteArray> folders { QByteArray() };
    while (!folders.isEmpty()) {
        const QByteArray folder = folders.takeFirst();
        char **names = VSIReadDir((in + folder).constData());
        for (int i = 0; names && names[i]; ++i) {
            const QByteArray entry = folder + names[i];
            VSIStatBufL stat;
            if (VSIStatL((in + entry).constData(), &stat) == 0 && VSI_ISDIR(stat.st_mode))
                folders << entry + '/';
            else
                entries << entry;
        }
        CSLDestroy(names);
    }
    if (entries.isEmpty())
        return false;
    static const QRegularExpression number(QStringLiteral("<v>(-?[0-9]+\\.[0-9]{7,})</v>"));
    bool ok = true;
    for (const QByteArray &entry : entries) {
        if (!ok)
            break;
        QByteArray bytes;
        if (VSILFILE *f = VSIFOpenL((in + entry).constData(), "rb")) {
            char buffer[65536];
            size_t n;
            while ((n = VSIFReadL(buffer, 1, sizeof buffer, f)) > 0)
                bytes.append(buffer, qsizetype(n));
            VSIFCloseL(f);
        } else {
            ok = false;
            break;
        }
        if (entry.startsWith("xl/worksheets/")) {
            QString xml = QString::fromUtf8(bytes);
            QString tidy;
            qsizetype last = 0;
            for (auto it = number.globalMatch(xml); it.hasNext();) {
                const auto m = it.next();
                tidy += QStringView(xml).mid(last, m.capturedStart() - last);
                tidy += QStringLiteral("<v>%1</v>")
                            .arg(QString::number(m.captured(1).toDouble(), 'g', 15));
                last = m.capturedEnd();
            }
            tidy += QStringView(xml).mid(last);
            bytes = tidy.toUtf8();
        }
        VSILFILE *f = VSIFOpenL((out + entry).constData(), "wb");
        ok = f && VSIFWriteL(bytes.constData(), 1, size_t(bytes.size()), f) == size_t(bytes.size());
        if (f)
            ok = VSIFCloseL(f) == 0 && ok;
    }
    return ok;
}

} // namespace

QString IndicatorExporter::codeTitle()
{
    return tr("Code");
}

QString IndicatorExporter::yearTitle()
{
    return tr("Year");
}

QString IndicatorExporter::noteTitle()
{
    return tr("Note");
}

QString IndicatorExporter::provinceCode()
{
    return QStringLiteral("520000");
}

QString IndicatorExporter::prefectureCode(const QString &code)
{
    const QString c = code.trimmed();
    return c.size() < 6 ? c.leftJustified(6, QLatin1Char('0')) : c;
}

QString IndicatorExporter::numberText(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(rounded(value, decimals), 'f', decimals)
                                : QString();
}

QString IndicatorExporter::filterNote(const QString &prefectureName)
{
    return tr("Prefecture filter: %1").arg(prefectureName);
}

IndicatorExporter::Table IndicatorExporter::tableOf(
    const IndicatorTableModel &model, const QString &prefectureFilter)
{
    Table table;
    if (model.rowCount() == 0)
        return table;
    const int year = model.year();
    table.sheet = QString::number(year);
    QString note; // what every row says in the note column: sample data, the filter
    if (model.isSample())
        note = tr("Sample data (示例数据)");
    if (!prefectureFilter.isEmpty()) {
        QString name = prefectureFilter;
        for (const auto &[code, prefecture] : model.prefectures()) {
            if (code == prefectureFilter)
                name = prefecture;
        }
        note = note.isEmpty() ? filterNote(name) : note + QStringLiteral("; ") + filterNote(name);
        // A sheet name holds at most 31 characters, none of them [ ] : * ? / or a backslash.
        static const QRegularExpression forbidden(QStringLiteral("[\\[\\]:*?/\\\\]"));
        table.sheet = (table.sheet + QLatin1Char(' ') + QString(name).remove(forbidden)).left(31);
    }
    auto title = [&model](int column) {
        return model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    };
    table.columns.push_back({ codeTitle(), -1 });
    table.columns.push_back({ title(IndicatorTableModel::CountyColumn), -1 });
    table.columns.push_back({ title(IndicatorTableModel::PrefectureColumn), -1 });
    table.columns.push_back({ yearTitle(), 0 });
    for (int c = IndicatorTableModel::IndexColumn; c < model.columnCount(); ++c) {
        const Indicator *indicator = model.indicatorAt(c);
        table.columns.push_back({ title(c), indicator ? indicator->decimals : 1 });
    }
    if (!note.isEmpty())
        table.columns.push_back({ noteTitle(), -1 });

    for (int r = 0; r < model.rowCount(); ++r) {
        std::vector<QVariant> row;
        const QModelIndex first = model.index(r, IndicatorTableModel::CountyColumn);
        const auto kind
            = IndicatorTableModel::RowKind(first.data(IndicatorTableModel::RowKindRole).toInt());
        // The table's prefecture filter: the province row stays, as it does on screen.
        if (!prefectureFilter.isEmpty() && kind != IndicatorTableModel::ProvinceRow
            && first.data(IndicatorTableModel::PrefectureCodeRole).toString() != prefectureFilter)
            continue;
        const QString code = first.data(IndicatorTableModel::CodeRole).toString();
        row.emplace_back(kind == IndicatorTableModel::CountyRow ? code
                : kind == IndicatorTableModel::PrefectureRow    ? prefectureCode(code)
                                                                : provinceCode());
        row.emplace_back(first.data(Qt::DisplayRole).toString());
        row.emplace_back(
            model.index(r, IndicatorTableModel::PrefectureColumn).data(Qt::DisplayRole).toString());
        row.emplace_back(double(year));
        for (int c = IndicatorTableModel::IndexColumn; c < model.columnCount(); ++c)
            row.emplace_back(model.index(r, c).data(IndicatorTableModel::SortRole).toDouble());
        if (!note.isEmpty())
            row.emplace_back(note);
        table.rows.push_back(std::move(row));
    }
    return table;
}

IndicatorExporter::Table IndicatorExporter::countyTable(int year,
    const std::vector<Indicator> &indicators, const std::vector<IndicatorValue> &values,
    const CountyDirectory &counties, bool sample)
{
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
    Table table;
    table.sheet = QString::number(year);
    table.columns = { { QString::fromUtf8("区县代码"), -1 }, { QString::fromUtf8("区县名称"), -1 },
        { QString::fromUtf8("市州"), -1 }, { QString::fromUtf8("年份"), 0 } };
    for (const Indicator *i : columns)
        table.columns.push_back({ i->labelZh(), i->decimals });
    if (sample)
        table.columns.push_back({ QString::fromUtf8("数据说明"), -1 });
    for (const County &c : counties.counties()) {
        const auto it = byCounty.constFind(c.code);
        if (it == byCounty.constEnd())
            continue;
        std::vector<QVariant> row { c.code, c.name, c.prefectureName, double(year) };
        for (const Indicator *i : columns)
            row.emplace_back(it->value(i->id, kNaN));
        if (sample)
            row.emplace_back(QString::fromUtf8("示例数据"));
        table.rows.push_back(std::move(row));
    }
    return table;
}

bool IndicatorExporter::write(const Table &table, const QString &path, QString *error)
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
    if (table.columns.empty()) {
        *error = tr("%1: the table is empty").arg(name);
        return false;
    }

    const QString temp = target.absoluteDir().filePath(
        QStringLiteral(".dvdash-export-%1.%2")
            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), suffix));
    auto fail = [&](const QString &what) {
        const QString gdal = csv ? QString() : QuietGdalErrors::last();
        QFile::remove(temp);
        *error = gdal.isEmpty() ? tr("%1: %2").arg(name, what)
                                : tr("%1: %2 (%3)").arg(name, what, gdal);
        return false;
    };
    if (csv) {
        if (!writeCsv(table, temp))
            return fail(tr("cannot write the file"));
    } else {
        static std::once_flag registered;
        std::call_once(registered, [] { GDALAllRegister(); });
        QuietGdalErrors quiet;
        GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("XLSX");
        if (!driver)
            return fail(tr("GDAL lacks the %1 driver").arg(suffix.toUpper()));
        QuietGdalErrors::Dataset ds(
            driver->Create(temp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            return fail(tr("cannot create the file"));
        OGRLayer *layer
            = ds->CreateLayer(table.sheet.toUtf8().constData(), nullptr, wkbNone, nullptr);
        if (!layer)
            return fail(tr("cannot create the table"));
        for (const auto &column : table.columns) {
            // Text stays text (a code such as 520102 must not become a number); whole numbers
            // are integers; the rest reals.
            const OGRFieldType type = column.decimals < 0 ? OFTString
                : column.decimals == 0                    ? OFTInteger64
                                                          : OFTReal;
            OGRFieldDefn field(column.title.toUtf8().constData(), type);
            if (type == OFTReal) {
                field.SetWidth(24);
                field.SetPrecision(column.decimals);
            }
            if (layer->CreateField(&field) != OGRERR_NONE)
                return fail(tr("cannot create the columns"));
        }
        for (const auto &row : table.rows) {
            OGRFeature feature(layer->GetLayerDefn());
            for (std::size_t c = 0; c < table.columns.size() && c < row.size(); ++c) {
                const int decimals = table.columns[c].decimals;
                const int field = int(c);
                if (decimals < 0) {
                    const QString text = row[c].toString();
                    if (!text.isEmpty())
                        feature.SetField(field, text.toUtf8().constData());
                    continue;
                }
                const double v = numberOf(row[c]);
                if (!std::isfinite(v))
                    continue;
                if (decimals == 0)
                    feature.SetField(field, GIntBig(std::llround(v)));
                else
                    feature.SetField(field, rounded(v, decimals));
            }
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                return fail(tr("cannot write a row"));
        }
        ds.reset(); // flushes; XLSX is zipped here
        // A plain .zip name: /vsizip/ finds the archive by its extension.
        QString tidy = temp;
        tidy.replace(QStringLiteral(".xlsx"), QStringLiteral("-tidy.zip"));
        const bool tidied = tidyXlsxNumbers(temp, tidy);
        if (!tidied) {
            QFile::remove(tidy);
            return fail(tr("cannot write the file"));
        }
        QFile::remove(temp);
        if (!QFile::rename(tidy, temp)) {
            QFile::remove(tidy);
            return fail(tr("cannot write the file"));
        }
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

bool IndicatorExporter::write(const QString &path, int year,
    const std::vector<Indicator> &indicators, const std::vector<IndicatorValue> &values,
    const CountyDirectory &counties, bool sample, QString *error)
{
    return write(countyTable(year, indicators, values, counties, sample), path, error);
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
