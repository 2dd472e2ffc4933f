// Reads county indicator tables (CSV, XLSX, ODS through GDAL) into a preview, then commits it.
#include "indicatorimporter.h"

#include "indicatorexporter.h"
#include "indicatorstore.h"
#include "indicatortablemodel.h"
#include "tablereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <memory>

namespace dv {

namespace {

// Full-width digits and signs (from Chinese input methods) to ASCII.
QString halfWidth(const QString &text)
{
    QString s = text;
    for (QChar &c : s) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            c = QChar(char16_t(u - 0xFEE0));
        else if (u == 0x3000)
            c = QLatin1Char(' ');
    }
    return s;
}

// A header or name as it is compared: half-width, lower case, no spaces, no unit in brackets.
QString key(const QString &text)
{
    static const QRegularExpression unit(QStringLiteral("\\([^()]*\\)$"));
    static const QRegularExpression space(QStringLiteral("\\s"));
    QString s = halfWidth(text).toLower();
    s.remove(QChar(0xFEFF));
    s.remove(space);
    const QString stripped = QString(s).remove(unit);
    return stripped.isEmpty() ? s : stripped;
}

enum class Role {
    Ignored,
    CountyCode,
    CountyName,
    County,
    Year,
    IndicatorName,
    Value,
    IndicatorColumn,
    Unknown
};

Role roleOf(const QString &k)
{
    static const QHash<QString, Role> roles = [] {
        QHash<QString, Role> r;
        auto add = [&r](Role role, std::initializer_list<const char *> names) {
            for (const char *n : names)
                r.insert(key(QString::fromUtf8(n)), role);
        };
        add(Role::CountyCode,
            { "county_code", "code", "countycode", "区县代码", "县代码", "行政区划代码", "区划代码",
                "代码", "县级代码" });
        add(Role::CountyName,
            { "county_name", "name", "countyname", "区县名称", "县名称", "区县名", "县名",
                "名称" });
        add(Role::County, { "county", "区县", "县", "县区", "县市区", "县(市区)", "县(市、区)" });
        add(Role::Year, { "year", "年份", "年度", "年" });
        add(Role::IndicatorName,
            { "indicator", "indicator_id", "indicatorid", "指标", "指标代码", "指标名称",
                "指标id" });
        add(Role::Value, { "value", "数值", "值", "指标值" });
        add(Role::Ignored,
            { "prefecture", "prefecture_code", "prefecture_name", "市州", "市", "所属市州", "地区",
                "市州名称", "市州代码", "unit", "单位", "note", "notes", "备注", "说明", "数据说明",
                "序号", "no", "no.", "#", "sample" });
        // The table's composite index is computed from the other columns, never imported.
        add(Role::Ignored,
            { "digital-village index", "digital village index", "index", "数字乡村指数",
                "数字乡村发展指数", "综合指数" });
        return r;
    }();
    const Role known = roles.value(k, Role::Unknown);
    if (known != Role::Unknown)
        return known;
    // The titles of an export from the window, in the language it was made in (this one).
    const std::pair<QString, Role> exported[] = {
        { IndicatorExporter::codeTitle(), Role::CountyCode },
        { IndicatorExporter::yearTitle(), Role::Year },
        { IndicatorExporter::noteTitle(), Role::Ignored },
        { IndicatorTableModel::tr("County"), Role::County },
        { IndicatorTableModel::tr("Prefecture"), Role::Ignored },
        { IndicatorTableModel::tr("Digital-village index"), Role::Ignored },
    };
    for (const auto &[title, role] : exported) {
        if (key(title) == k)
            return role;
    }
    return Role::Unknown;
}

bool isNoData(const QString &text)
{
    const QString s = text.trimmed();
    return s.isEmpty() || s == QLatin1String("-") || s == QChar(0x2014) || s == QChar(0x2013)
        || s == QLatin1String("/") || s.compare(QLatin1String("NA"), Qt::CaseInsensitive) == 0
        || s.compare(QLatin1String("N/A"), Qt::CaseInsensitive) == 0;
}

std::optional<double> parseNumber(const QString &text, bool percent)
{
    QString s = halfWidth(text).trimmed();
    if (percent && s.endsWith(QLatin1Char('%')))
        s.chop(1);
    static const QRegularExpression thousands(
        QStringLiteral("^[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$"));
    if (thousands.match(s).hasMatch())
        s.remove(QLatin1Char(','));
    bool ok = false;
    const double v = QLocale::c().toDouble(s, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<int> parseYear(const QString &text)
{
    QString s = halfWidth(text).trimmed();
    if (s.endsWith(QChar(0x5E74))) // 年
        s.chop(1);
    if (s.endsWith(QLatin1String(".0")))
        s.chop(2);
    bool ok = false;
    const int y = s.toInt(&ok);
    if (!ok || y < 1900 || y > 2100)
        return std::nullopt;
    return y;
}

QString cellKey(const QString &county, const QString &indicator, int year)
{
    return county + QLatin1Char('\x1f') + indicator + QLatin1Char('\x1f') + QString::number(year);
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

IndicatorImporter::IndicatorImporter(CountyDirectory counties, std::vector<Indicator> indicators)
    : mCounties(std::move(counties))
    , mIndicators(std::move(indicators))
{
    // The rows of the province and its prefectures in an export of the window's table.
    for (const QString &name :
        { QStringLiteral("520000"), QStringLiteral("52"), QStringLiteral("贵州省"),
            QStringLiteral("贵州"), QStringLiteral("全省"), QStringLiteral("guizhou"),
            QStringLiteral("guizhouprovince"), key(IndicatorTableModel::tr("Guizhou province")) })
        mAggregateKeys.insert(key(name));
    for (const County &c : mCounties.counties()) {
        mAggregateKeys.insert(key(c.prefectureName));
        mAggregateKeys.insert(c.prefectureCode);
        mAggregateKeys.insert(IndicatorExporter::prefectureCode(c.prefectureCode));
    }
    // English names first, so an id or Chinese name always wins over them.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < int(mIndicators.size()); ++i) {
            const Indicator &d = mIndicators[std::size_t(i)];
            // The name in the user's language too: the window's table and its export title a
            // column by it ("通 5G 的行政村比例（%）").
            if (pass == 0 && !d.nameEn.isEmpty())
                mByKey.insert(key(d.nameEn), i);
            if (pass == 0)
                mByKey.insert(key(d.displayName()), i);
            if (pass == 1) {
                mByKey.insert(key(d.nameZh), i);
                mByKey.insert(d.id, i);
            }
        }
    }
}

const Indicator *IndicatorImporter::matchIndicator(const QString &text) const
{
    // Long tables repeat the same few names thousands of times: try the text as it is first.
    auto it = mByKey.constFind(text);
    if (it == mByKey.constEnd())
        it = mByKey.constFind(key(text));
    return it == mByKey.constEnd() ? nullptr : &mIndicators[std::size_t(*it)];
}

IndicatorImporter::Table IndicatorImporter::readTable(const QString &path) const
{
    return TableReader::read(path, TableReader::Formats::Spreadsheets);
}

ImportPreview IndicatorImporter::preview(const QString &path, int year) const
{
    ImportPreview p;
    p.file = path;
    const Table table = readTable(path);
    p.encoding = table.encoding;
    auto problem = [&p](ImportProblem::Kind kind, int row, int column, const QString &columnName,
                       const QString &cell, const QString &detail) {
        p.problems.push_back({ kind, row, column, columnName, cell, detail });
    };
    if (!table.error.isEmpty()) {
        problem(ImportProblem::Kind::Unreadable, 0, 0, {}, {}, table.error);
        return p;
    }

    // What each column is.
    std::vector<Role> roles;
    std::vector<const Indicator *> columnIndicator;
    int codeColumn = -1, nameColumn = -1, yearColumn = -1, indicatorColumn = -1, valueColumn = -1;
    for (int c = 0; c < table.header.size(); ++c) {
        const QString k = key(table.header[c]);
        Role role = roleOf(k);
        const Indicator *indicator = nullptr;
        if (role == Role::Unknown) {
            indicator = matchIndicator(table.header[c]);
            if (indicator)
                role = Role::IndicatorColumn;
        }
        // Spreadsheets often carry trailing columns with a stray header and no values.
        if (role == Role::Unknown
            && std::none_of(table.rows.begin(), table.rows.end(),
                [c](const auto &row) { return !row.second.value(c).trimmed().isEmpty(); })
            && (k.isEmpty() || k.startsWith(QLatin1String("field_"))))
            role = Role::Ignored;
        roles.push_back(role);
        columnIndicator.push_back(indicator);
        auto first = [c](int &column) {
            if (column < 0)
                column = c;
        };
        switch (role) {
        case Role::CountyCode:
            first(codeColumn);
            break;
        case Role::CountyName:
        case Role::County:
            first(nameColumn);
            break;
        case Role::Year:
            first(yearColumn);
            break;
        case Role::IndicatorName:
            first(indicatorColumn);
            break;
        case Role::Value:
            first(valueColumn);
            break;
        default:
            break;
        }
    }
    const bool isLong = indicatorColumn >= 0 && valueColumn >= 0;
    p.layout = isLong ? ImportPreview::Layout::Long : ImportPreview::Layout::Wide;
    QSet<const Indicator *> wideIndicators;
    for (int c = 0; c < int(roles.size()); ++c) {
        // In the long layout a column named after an indicator is an unknown column too.
        if (roles[c] == Role::Unknown || (isLong && roles[c] == Role::IndicatorColumn))
            problem(ImportProblem::Kind::UnknownColumn, 1, c + 1, table.header[c], {},
                tr("not a county, year or known indicator column"));
        else if (roles[c] == Role::IndicatorColumn) {
            if (wideIndicators.contains(columnIndicator[c]))
                problem(ImportProblem::Kind::UnknownColumn, 1, c + 1, table.header[c], {},
                    tr("indicator %1 has two columns").arg(columnIndicator[c]->id));
            wideIndicators.insert(columnIndicator[c]);
            p.indicators << columnIndicator[c]->id;
        }
    }
    if (codeColumn < 0 && nameColumn < 0)
        problem(ImportProblem::Kind::MissingColumn, 1, 0, {}, {},
            tr("no county column (county_code, county, 区县代码 or 区县)"));
    if (!isLong && (indicatorColumn >= 0 || valueColumn >= 0))
        problem(ImportProblem::Kind::MissingColumn, 1, 0, {}, {},
            tr("a long table needs both an indicator and a value column"));
    else if (!isLong && wideIndicators.isEmpty())
        problem(ImportProblem::Kind::MissingColumn, 1, 0, {}, {}, tr("no indicator columns"));
    if (yearColumn < 0 && year == 0)
        problem(ImportProblem::Kind::MissingYear, 0, 0, {}, {},
            tr("the file has no year column; give the year (--year)"));
    if (!p.problems.empty() && (codeColumn < 0 && nameColumn < 0))
        return p;

    QHash<QString, std::pair<double, int>> seen; // cell -> value, row
    QSet<QString> counties;
    QSet<int> years;
    for (const auto &[row, cells] : table.rows) {
        if (std::all_of(
                cells.begin(), cells.end(), [](const QString &s) { return s.trimmed().isEmpty(); }))
            continue;
        ++p.rowsRead;
        auto header = [&](int c) { return table.header.value(c); };
        // The county: by the code column, else the name column; both must agree.
        const County *county = nullptr;
        const QString code = codeColumn >= 0 ? cells.value(codeColumn).trimmed() : QString();
        const QString name = nameColumn >= 0 ? cells.value(nameColumn).trimmed() : QString();
        const County *byCode = code.isEmpty() ? nullptr : mCounties.match(code);
        const County *byName = name.isEmpty() ? nullptr : mCounties.match(name);
        // A province or prefecture row sums or averages its counties: skipped, not an error,
        // so the window's export imports back unchanged.
        if (!byCode && !byName && (code.isEmpty() || mAggregateKeys.contains(key(code)))
            && (name.isEmpty() || mAggregateKeys.contains(key(name)))
            && !(code.isEmpty() && name.isEmpty())) {
            ++p.aggregateRows;
            continue;
        }
        if (!code.isEmpty() && !byCode)
            problem(ImportProblem::Kind::UnknownCounty, row, codeColumn + 1, header(codeColumn),
                code, tr("no county has this code or name"));
        else if (code.isEmpty() && !name.isEmpty() && !byName)
            problem(ImportProblem::Kind::UnknownCounty, row, nameColumn + 1, header(nameColumn),
                name, tr("no county has this name, former name or code"));
        else if (code.isEmpty() && name.isEmpty())
            problem(ImportProblem::Kind::UnknownCounty, row,
                (codeColumn >= 0 ? codeColumn : nameColumn) + 1,
                header(codeColumn >= 0 ? codeColumn : nameColumn), {}, tr("no county given"));
        else if (byCode && byName && byCode != byName)
            problem(ImportProblem::Kind::Conflict, row, nameColumn + 1, header(nameColumn), name,
                tr("code %1 is %2").arg(code, byCode->name));
        else
            county = byCode ? byCode : byName;
        if (county) {
            ++p.rowsMatched;
            counties.insert(county->code);
        }

        int rowYear = year;
        if (yearColumn >= 0) {
            const QString text = cells.value(yearColumn);
            const auto y = parseYear(text);
            if (!y) {
                problem(ImportProblem::Kind::BadYear, row, yearColumn + 1, header(yearColumn),
                    text.trimmed(), tr("give a year from 1900 to 2100"));
                rowYear = 0;
            } else {
                rowYear = *y;
            }
        }

        auto take = [&](const Indicator *indicator, int column, const QString &text) {
            if (isNoData(text))
                return;
            const auto v = parseNumber(text, indicator->unit == QLatin1String("%"));
            if (!v) {
                problem(ImportProblem::Kind::NonNumeric, row, column + 1, header(column),
                    text.trimmed(), {});
                return;
            }
            if (!indicator->accepts(*v)) {
                problem(ImportProblem::Kind::OutOfRange, row, column + 1, header(column),
                    text.trimmed(),
                    tr("%1 must be %2").arg(indicator->nameZh, indicator->rangeText()));
                return;
            }
            if (!county || rowYear == 0)
                return;
            const QString k = cellKey(county->code, indicator->id, rowYear);
            const auto it = seen.constFind(k);
            if (it != seen.constEnd()) {
                if (it->first != *v)
                    problem(ImportProblem::Kind::Conflict, row, column + 1, header(column),
                        text.trimmed(),
                        tr("row %1 gives %2 for %3 %4 in %5")
                            .arg(it->second)
                            .arg(number(it->first), county->name, indicator->nameZh)
                            .arg(rowYear));
                return;
            }
            seen.insert(k, { *v, row });
            p.values.push_back({ county->code, indicator->id, rowYear, *v });
            years.insert(rowYear);
        };

        if (isLong) {
            const QString text = cells.value(indicatorColumn);
            const Indicator *indicator = matchIndicator(text);
            if (!indicator) {
                problem(ImportProblem::Kind::UnknownIndicator, row, indicatorColumn + 1,
                    header(indicatorColumn), text.trimmed(),
                    tr("no indicator has this id or name"));
                continue;
            }
            if (!p.indicators.contains(indicator->id))
                p.indicators << indicator->id;
            take(indicator, valueColumn, cells.value(valueColumn));
        } else {
            for (int c = 0; c < int(roles.size()); ++c) {
                if (roles[c] == Role::IndicatorColumn)
                    take(columnIndicator[c], c, cells.value(c));
            }
        }
    }
    if (p.problems.empty() && p.values.empty())
        problem(ImportProblem::Kind::NoValues, 0, 0, {}, {}, tr("the file holds no values"));
    p.counties = QStringList(counties.begin(), counties.end());
    p.counties.sort();
    p.years = QList<int>(years.begin(), years.end());
    std::sort(p.years.begin(), p.years.end());
    return p;
}

std::optional<qint64> IndicatorImporter::commit(
    const ImportPreview &preview, IndicatorStore &store, QString *error)
{
    if (!preview.canCommit()) {
        *error = tr("%1: nothing imported; the file has %n problem(s)", nullptr,
            int(preview.problems.size()))
                     .arg(QDir::toNativeSeparators(preview.file));
        return std::nullopt;
    }
    return store.importValues(preview.values, QFileInfo(preview.file).fileName(), error);
}

} // namespace dv
