// Reads a file of sites (CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON, KML) into a preview.
#include "siteimporter.h"

#include "importpreview.h"
#include "quotedtext.h"
#include "sitestore.h"
#include "tablereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace dv {

namespace {

// A header as it is compared: half-width, lower case, no spaces; a unit in brackets dropped.
QString headerKey(const QString &text)
{
    static const QRegularExpression unit(QStringLiteral("[(（][^()（）]*[)）]$"));
    static const QRegularExpression space(QStringLiteral("[\\s_]"));
    QString s;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        s += u >= 0xFF01 && u <= 0xFF5E ? QChar(char16_t(u - 0xFEE0)) : c;
    }
    s = s.toLower();
    s.remove(QChar(0xFEFF));
    s.remove(space);
    const QString stripped = QString(s).remove(unit);
    return stripped.isEmpty() ? s : stripped;
}

enum class Role { Id, Type, Name, County, Township, Lon, Lat, Contact, Status, Attribute, Ignored };

struct ColumnRole {
    Role role = Role::Ignored;
    QString attribute; // Role::Attribute: area_mu, ...
};

ColumnRole roleOf(const QString &header)
{
    static const QHash<QString, ColumnRole> roles = [] {
        QHash<QString, ColumnRole> r;
        auto add = [&r](Role role, const char *attribute,
                       std::initializer_list<const char *> names) {
            for (const char *n : names)
                r.insert(headerKey(QString::fromUtf8(n)), { role, QString::fromLatin1(attribute) });
        };
        add(Role::Id, "",
            { "id", "site_id", "siteid", "site", "编号", "站点编号", "站点id", "基地编号" });
        add(Role::Type, "", { "type", "site_type", "类型", "站点类型", "类别" });
        add(Role::Name, "", { "name", "site_name", "名称", "站点名称", "基地名称" });
        add(Role::County, "",
            { "county", "county_code", "countycode", "county_name", "区县", "区县代码", "县",
                "县区", "县市区", "区县名称", "行政区划代码" });
        add(Role::Township, "", { "township", "town", "乡镇", "乡镇(街道)", "乡镇街道", "乡(镇)" });
        add(Role::Lon, "", { "lon", "lng", "long", "longitude", "x", "经度" });
        add(Role::Lat, "", { "lat", "latitude", "y", "纬度" });
        add(Role::Contact, "", { "contact", "联系人", "联系方式", "联系电话", "负责人" });
        add(Role::Status, "", { "status", "状态" });
        add(Role::Attribute, "area_mu", { "area_mu", "area", "面积", "茶园面积" });
        add(Role::Attribute, "variety", { "variety", "品种", "茶树品种" });
        add(Role::Attribute, "sow_count",
            { "sow_count", "sows", "母猪存栏", "能繁母猪", "能繁母猪存栏" });
        add(Role::Attribute, "doctors", { "doctors", "医生数", "医生", "村医人数", "村医" });
        add(Role::Attribute, "telemedicine",
            { "telemedicine", "远程医疗终端", "远程医疗", "远程诊疗终端" });
        add(Role::Ignored, "",
            { "序号", "no", "no.", "#", "备注", "note", "notes", "fid", "sample" });
        return r;
    }();
    return roles.value(headerKey(header), { Role::Ignored, QStringLiteral("?") });
}

std::optional<double> number(const QString &text)
{
    QString s;
    for (QChar c : text.trimmed()) {
        const char16_t u = c.unicode();
        s += u >= 0xFF01 && u <= 0xFF5E ? QChar(char16_t(u - 0xFEE0)) : c;
    }
    bool ok = false;
    const double v = QLocale::c().toDouble(s, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// Whether a CSV file holds more than maxRows records after its header, found by streaming its
// bytes (quotes toggle as in GDAL's CSV reader, so a line break inside a quoted cell does not
// count) and stopping at the first record over: a file of millions of rows is refused after
// reading a few megabytes, never held in memory whole.
bool csvHasMoreRows(const QString &path, int maxRows)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false; // TableReader says why
    qint64 lineBreaks = 0;
    bool quoted = false;
    char last = '\n';
    QByteArray chunk;
    while (!(chunk = f.read(1 << 20)).isEmpty()) {
        for (const char c : std::as_const(chunk)) {
            if (c == '"')
                quoted = !quoted;
            else if (c == '\n' && !quoted && ++lineBreaks > qint64(maxRows) + 1)
                return true;
        }
        last = chunk.back();
    }
    // The header and maxRows records, the last without its line break.
    return lineBreaks + (last == '\n' ? 0 : 1) > qint64(maxRows) + 1;
}

bool isTextAttribute(const QString &attribute, const std::vector<SiteType> &types)
{
    for (const SiteType &t : types) {
        if (t.textAttributes.contains(attribute))
            return true;
    }
    return false;
}

} // namespace

SiteImporter::SiteImporter(std::shared_ptr<const CountyLocator> counties,
    std::vector<SiteType> types, const std::vector<Site> &existing, QSet<QString> sampleIds)
    : mCounties(std::move(counties))
    , mTypes(std::move(types))
    , mSampleIds(std::move(sampleIds))
{
    for (const Site &s : existing)
        mExisting.insert(s.id, s);
}

SiteImportPreview SiteImporter::preview(const QString &path, const Options &options) const
{
    SiteImportPreview p;
    p.file = path;
    using Kind = SiteImportProblem::Kind;
    auto problem = [&p](Kind kind, int row, int column, const QString &columnName,
                       const QString &cell, const QString &detail = {}) {
        p.problems.push_back({ kind, row, column, columnName, cell, detail });
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if ((suffix == QLatin1String("csv") || suffix == QLatin1String("txt")
            || suffix == QLatin1String("tsv"))
        && csvHasMoreRows(path, kMaxRows)) {
        problem(Kind::Unreadable, 0, 0, {}, {},
            tr("the file has more than %1 rows; at most %1 sites can be imported at once (split "
               "the file)")
                .arg(QLocale().toString(kMaxRows)));
        return p;
    }
    const TableReader::Table table
        = TableReader::read(path, TableReader::Formats::SpreadsheetsAndLayers, kMaxRows);
    p.encoding = table.encoding;
    if (!table.error.isEmpty()) {
        problem(Kind::Unreadable, 0, 0, {}, {}, table.error);
        return p;
    }

    std::vector<ColumnRole> roles;
    QHash<int, int> first; // Role -> first column
    for (int c = 0; c < table.header.size(); ++c) {
        ColumnRole r = roleOf(table.header[c]);
        if (r.role == Role::Ignored && r.attribute == QLatin1String("?")) {
            if (!table.header[c].trimmed().isEmpty())
                p.notices << tr("column %1 (%2) is not a site column; ignored")
                                 .arg(ImportProblem::columnLetter(c + 1),
                                     QuotedText::excerpt(table.header[c]));
            r.attribute.clear();
        }
        if (!first.contains(int(r.role)))
            first.insert(int(r.role), c);
        roles.push_back(r);
    }
    auto column = [&first](Role r) { return first.value(int(r), -1); };
    const int idColumn = column(Role::Id), typeColumn = column(Role::Type),
              lonColumn = column(Role::Lon), latColumn = column(Role::Lat);
    const bool lonLat = lonColumn >= 0 && latColumn >= 0;
    if (idColumn < 0)
        problem(Kind::MissingColumn, 1, 0, {}, {}, tr("no site id column (id or 编号)"));
    if (typeColumn < 0)
        problem(Kind::MissingColumn, 1, 0, {}, {}, tr("no site type column (type or 类型)"));
    if (!lonLat && !table.hasGeometry)
        problem(Kind::MissingColumn, 1, 0, {}, {},
            tr("no location columns (lon and lat, or 经度 and 纬度) and no geometry"));
    if (!p.problems.empty())
        return p;
    if (table.hasGeometry && !table.crs.isEmpty() && !lonLat) {
        p.crs = table.crs;
    } else {
        p.crs = QStringLiteral("EPSG:4490");
        p.notices << tr("no CRS given: longitude and latitude taken as CGCS2000 (EPSG:4490)");
    }

    QHash<QString, int> seen; // id -> row
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto &[row, cells] = table.rows[i];
        if (std::all_of(
                cells.begin(), cells.end(), [](const QString &s) { return s.trimmed().isEmpty(); }))
            continue;
        ++p.rowsRead;
        const int problemsBefore = int(p.problems.size());
        auto header = [&](int c) { return table.header.value(c); };
        auto cell = [&](int c) { return c >= 0 ? cells.value(c).trimmed() : QString(); };

        Site s;
        s.source = Site::Source::Imported;
        s.id = cell(idColumn);
        if (s.id.isEmpty()) {
            problem(Kind::MissingId, row, idColumn + 1, header(idColumn), {});
        } else if (s.id.contains(QLatin1Char('/')) || s.id.contains(QLatin1Char('+'))
            || s.id.contains(QLatin1Char('#'))) {
            problem(Kind::MissingId, row, idColumn + 1, header(idColumn), s.id,
                tr("an id cannot contain / + or #: it is part of the MQTT topic"));
        } else if (seen.contains(s.id)) {
            problem(Kind::DuplicateId, row, idColumn + 1, header(idColumn), s.id,
                tr("row %1 has the same id").arg(seen.value(s.id)));
        } else if (mSampleIds.contains(s.id)) {
            problem(Kind::SampleId, row, idColumn + 1, header(idColumn), s.id,
                tr("a bundled sample site uses this id; choose another"));
        }
        if (!s.id.isEmpty() && !seen.contains(s.id))
            seen.insert(s.id, row);

        const QString typeText = cell(typeColumn);
        const SiteType *type = SiteType::match(mTypes, typeText);
        if (!type) {
            QStringList names;
            for (const SiteType &t : mTypes)
                names << t.nameZh;
            problem(Kind::UnknownType, row, typeColumn + 1, header(typeColumn), typeText,
                tr("use one of %1").arg(names.join(QStringLiteral("、"))));
        } else {
            s.type = type->id;
        }

        s.name = cell(column(Role::Name));
        if (s.name.isEmpty())
            s.name = s.id;
        s.township = cell(column(Role::Township));
        s.contact = cell(column(Role::Contact));
        if (column(Role::Status) >= 0) {
            const auto status = Site::statusFromKey(cell(column(Role::Status)));
            if (!status)
                problem(Kind::BadStatus, row, column(Role::Status) + 1,
                    header(column(Role::Status)), cell(column(Role::Status)),
                    tr("use active or retired (在用 or 停用)"));
            else
                s.status = *status;
        }

        // Location: lon/lat columns win over a geometry, as the office typed them.
        if (lonLat) {
            const QString lonText = cell(lonColumn), latText = cell(latColumn);
            if (lonText.isEmpty() || latText.isEmpty()) {
                const int c = lonText.isEmpty() ? lonColumn : latColumn;
                problem(Kind::MissingLocation, row, c + 1, header(c), {});
            } else {
                const auto lon = number(lonText), lat = number(latText);
                if (!lon || *lon < -180 || *lon > 180)
                    problem(Kind::BadLocation, row, lonColumn + 1, header(lonColumn), lonText,
                        tr("give the longitude in degrees, such as 106.71"));
                else if (!lat || *lat < -90 || *lat > 90)
                    problem(Kind::BadLocation, row, latColumn + 1, header(latColumn), latText,
                        tr("give the latitude in degrees, such as 26.58"));
                else {
                    s.lon = *lon;
                    s.lat = *lat;
                }
            }
        } else if (i < table.points.size() && table.points[i]) {
            s.lon = table.points[i]->x();
            s.lat = table.points[i]->y();
        } else {
            problem(Kind::MissingLocation, row, 0, {}, {}, tr("the feature has no geometry"));
        }

        // County: found from the location; a county named in the file must agree.
        const int countyColumn = column(Role::County);
        const QString countyText = cell(countyColumn);
        const County *named = countyText.isEmpty() ? nullptr : mCounties->match(countyText);
        if (!countyText.isEmpty() && !named)
            problem(Kind::UnknownCounty, row, countyColumn + 1, header(countyColumn), countyText,
                tr("no county has this code or name"));
        if (s.hasLocation()) {
            const QString found = mCounties->countyAt(s.lon, s.lat);
            const int at = lonLat ? lonColumn + 1 : 0;
            if (found.isEmpty()) {
                problem(Kind::OutsideGuizhou, row, at, lonLat ? header(lonColumn) : QString(),
                    QStringLiteral("%1, %2").arg(s.lon, 0, 'f', 6).arg(s.lat, 0, 'f', 6),
                    tr("the location is in no county of Guizhou"));
            } else if (named && named->code != found) {
                const County *in = mCounties->byCode(found);
                problem(Kind::OutsideCounty, row, countyColumn + 1, header(countyColumn),
                    countyText,
                    tr("the location is in %1 (%2), not in %3")
                        .arg(in ? in->name : found, found, named->name));
            } else {
                s.county = found;
            }
        }

        for (int c = 0; c < int(roles.size()); ++c) {
            if (roles[c].role != Role::Attribute)
                continue;
            const QString text = cell(c);
            if (text.isEmpty() || s.attributes.contains(roles[c].attribute))
                continue;
            if (isTextAttribute(roles[c].attribute, mTypes)) {
                s.attributes.insert(roles[c].attribute, text);
                continue;
            }
            const auto v = number(text);
            if (!v)
                problem(Kind::NonNumeric, row, c + 1, header(c), text);
            else
                s.attributes.insert(roles[c].attribute, *v);
        }

        const auto known = mExisting.constFind(s.id);
        if (known != mExisting.constEnd() && type && known->type != s.type
            && !known->devices.empty() && known->type != SiteType::unknownId()
            && !options.confirmTypeChange)
            problem(Kind::TypeChange, row, typeColumn + 1, header(typeColumn), typeText,
                tr("site %1 is a %2 with %n device(s); confirm the change (--confirm-type-change)",
                    nullptr, int(known->devices.size()))
                    .arg(s.id, known->type));
        if (int(p.problems.size()) != problemsBefore)
            continue;
        if (known != mExisting.constEnd())
            ++p.updatedSites;
        else
            ++p.newSites;
        p.sites.push_back(s);
    }
    if (p.rowsRead == 0)
        problem(Kind::Empty, 0, 0, {}, {}, tr("the file holds no rows"));
    if (!p.problems.empty()) {
        p.sites.clear();
        p.newSites = p.updatedSites = 0;
    }
    return p;
}

std::optional<qint64> SiteImporter::commit(
    const SiteImportPreview &preview, SiteStore &store, QString *error)
{
    if (!preview.canCommit()) {
        *error = tr("%1: nothing imported; the file has %n problem(s)", nullptr,
            int(preview.problems.size()))
                     .arg(QDir::toNativeSeparators(preview.file));
        return std::nullopt;
    }
    return store.saveSites(
        preview.sites, SiteRevision::Kind::Import, QFileInfo(preview.file).fileName(), error);
}

} // namespace dv
