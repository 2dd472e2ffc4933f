// The embedded indicator store: definitions, revisions and values in the dvdash SQLite file.
#include "sqliteindicatorstore.h"

#include "sqliteconnection.h"
#include "sqliteschema.h"

#include "indicatorcatalogue.h"
#include "indicatorimportcheck.h"
#include "sampleindicators.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

QString cellKey(const QString &county, const QString &indicator, int year)
{
    return county + QLatin1Char('\x1f') + indicator + QLatin1Char('\x1f') + QString::number(year);
}

QVariant bound(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant(QMetaType(QMetaType::Double));
}

double boundOr(const QVariant &v, double fallback)
{
    return v.isNull() ? fallback : v.toDouble();
}

} // namespace

SqliteIndicatorStore::SqliteIndicatorStore(const QString &path, StoreAccess access)
    : mPath(path)
    , mAccess(access)
    , mConnection(SqliteConnection::uniqueName(QStringLiteral("dvdash-indicators-")))
{
}

SqliteIndicatorStore::~SqliteIndicatorStore()
{
    SqliteConnection::close(mConnection);
}

QString SqliteIndicatorStore::failure(const QString &what, const QString &detail) const
{
    return SqliteConnection::failure(mPath, what, detail);
}

bool SqliteIndicatorStore::open(QString *error)
{
    if (!SqliteConnection::open(mConnection, mPath, error, mAccess))
        return false;
    // A read-only store keeps the built-ins it was given when it was last written.
    return migrate(error) && (mAccess == StoreAccess::ReadOnly || seedBuiltIns(error));
}

bool SqliteIndicatorStore::migrate(QString *error)
{
    static const SqliteSchema schema(QStringLiteral("indicator_schema_version"),
        tr("county indicators"),
        {
            {
                QStringLiteral(
                    "CREATE TABLE indicator_definitions (id TEXT PRIMARY KEY, name_zh TEXT NOT "
                    "NULL, "
                    "name_en TEXT NOT NULL, unit TEXT NOT NULL, decimals INTEGER NOT NULL, "
                    "higher_is_better INTEGER NOT NULL, dimension TEXT NOT NULL, source TEXT NOT "
                    "NULL, minimum REAL, maximum REAL, in_index INTEGER NOT NULL, built_in INTEGER "
                    "NOT NULL, position INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE indicator_revisions (id INTEGER PRIMARY KEY, created_ms INTEGER "
                    "NOT "
                    "NULL, kind TEXT NOT NULL, source TEXT NOT NULL, restored_from INTEGER, "
                    "value_count INTEGER NOT NULL, changed_count INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE indicator_values (revision_id INTEGER NOT NULL REFERENCES "
                    "indicator_revisions(id), county_code TEXT NOT NULL, indicator_id TEXT NOT "
                    "NULL, "
                    "year INTEGER NOT NULL, value REAL, sample INTEGER NOT NULL, PRIMARY KEY "
                    "(revision_id, county_code, indicator_id, year)) WITHOUT ROWID"),
                QStringLiteral(
                    "CREATE TABLE indicator_current (indicator_id TEXT NOT NULL, year INTEGER NOT "
                    "NULL, county_code TEXT NOT NULL, value REAL, sample INTEGER NOT NULL, "
                    "revision_id INTEGER NOT NULL, PRIMARY KEY (indicator_id, year, county_code)) "
                    "WITHOUT ROWID"),
                QStringLiteral("CREATE INDEX indicator_current_by_county ON indicator_current "
                               "(county_code, indicator_id, year)"),
            },
        });
    static_assert(kSchemaVersion == 1, "add the new version's step to the schema above");
    return schema.migrate(mConnection, mPath, &mSchemaVersion, error);
}

// Built-ins a store lacks (a new store, or one written before a newer dvdash added some).
// An office's edits to a built-in's row are kept: INSERT OR IGNORE.
bool SqliteIndicatorStore::seedBuiltIns(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    QSqlQuery q(db);
    if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
        *error = failure(tr("cannot write to the store"), begun.text());
        return false;
    }
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO indicator_definitions (id, name_zh, name_en, unit, decimals, "
        "higher_is_better, dimension, source, minimum, maximum, in_index, built_in, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"));
    int position = 0;
    for (const Indicator &i : IndicatorCatalogue::builtIns()) {
        q.addBindValue(i.id);
        q.addBindValue(i.nameZh);
        q.addBindValue(i.nameEn);
        q.addBindValue(i.unit);
        q.addBindValue(i.decimals);
        q.addBindValue(i.higherIsBetter ? 1 : 0);
        q.addBindValue(Indicator::dimensionKey(i.dimension));
        q.addBindValue(i.source);
        q.addBindValue(bound(i.minimum));
        q.addBindValue(bound(i.maximum));
        q.addBindValue(i.inIndex ? 1 : 0);
        q.addBindValue(position++);
        if (!q.exec()) {
            const QString detail = q.lastError().text();
            db.rollback();
            *error = failure(tr("cannot write to the store"), detail);
            return false;
        }
    }
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        *error = failure(tr("cannot write to the store"), detail);
        return false;
    }
    return true;
}

std::optional<std::vector<Indicator>> SqliteIndicatorStore::indicators(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral(
            "SELECT id, name_zh, name_en, unit, decimals, higher_is_better, dimension, source, "
            "minimum, maximum, in_index, built_in FROM indicator_definitions "
            "ORDER BY position, id"))) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<Indicator> out;
    while (q.next()) {
        Indicator i;
        i.id = q.value(0).toString();
        i.nameZh = q.value(1).toString();
        i.nameEn = q.value(2).toString();
        i.unit = q.value(3).toString();
        i.decimals = q.value(4).toInt();
        i.higherIsBetter = q.value(5).toInt() != 0;
        i.dimension = Indicator::dimensionFromKey(q.value(6).toString())
                          .value_or(IndicatorDimension::Economy);
        i.source = q.value(7).toString();
        i.minimum = boundOr(q.value(8), -std::numeric_limits<double>::infinity());
        i.maximum = boundOr(q.value(9), std::numeric_limits<double>::infinity());
        i.inIndex = q.value(10).toInt() != 0;
        i.builtIn = q.value(11).toInt() != 0;
        out.push_back(i);
    }
    return out;
}

bool SqliteIndicatorStore::addIndicator(const Indicator &indicator, QString *error)
{
    const QString invalid = indicator.validate();
    if (!invalid.isEmpty()) {
        *error = failure(tr("cannot add the indicator"), invalid);
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("SELECT 1 FROM indicator_definitions WHERE id = ?"));
    q.addBindValue(indicator.id);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return false;
    }
    if (q.next()) {
        *error = failure(
            tr("cannot add the indicator"), tr("the id %1 is already taken").arg(indicator.id));
        return false;
    }
    q.prepare(QStringLiteral(
        "INSERT INTO indicator_definitions (id, name_zh, name_en, unit, decimals, "
        "higher_is_better, dimension, source, minimum, maximum, in_index, built_in, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, "
        "(SELECT coalesce(max(position), 0) + 1000 FROM indicator_definitions))"));
    q.addBindValue(indicator.id);
    q.addBindValue(indicator.nameZh.trimmed());
    q.addBindValue(indicator.nameEn.isNull() ? QStringLiteral("") : indicator.nameEn.trimmed());
    q.addBindValue(indicator.unit.isNull() ? QStringLiteral("") : indicator.unit);
    q.addBindValue(indicator.decimals);
    q.addBindValue(indicator.higherIsBetter ? 1 : 0);
    q.addBindValue(Indicator::dimensionKey(indicator.dimension));
    q.addBindValue(indicator.source.isNull() ? QStringLiteral("") : indicator.source);
    q.addBindValue(bound(indicator.minimum));
    q.addBindValue(bound(indicator.maximum));
    q.addBindValue(indicator.inIndex ? 1 : 0);
    if (!q.exec()) {
        *error = failure(tr("cannot add the indicator"), q.lastError().text());
        return false;
    }
    return true;
}

std::optional<QList<int>> SqliteIndicatorStore::years(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT DISTINCT year FROM indicator_current WHERE value IS NOT "
                               "NULL ORDER BY year"))) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    QList<int> out;
    while (q.next())
        out << q.value(0).toInt();
    return out;
}

std::optional<QHash<QString, double>> SqliteIndicatorStore::values(
    const QString &indicatorId, int year, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT county_code, value FROM indicator_current WHERE "
                             "indicator_id = ? AND year = ? AND value IS NOT NULL"));
    q.addBindValue(indicatorId);
    q.addBindValue(year);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    QHash<QString, double> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toDouble());
    return out;
}

std::optional<QMap<int, double>> SqliteIndicatorStore::series(
    const QString &countyCode, const QString &indicatorId, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT year, value FROM indicator_current WHERE county_code = ? "
                             "AND indicator_id = ? AND value IS NOT NULL"));
    q.addBindValue(countyCode);
    q.addBindValue(indicatorId);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    QMap<int, double> out;
    while (q.next())
        out.insert(q.value(0).toInt(), q.value(1).toDouble());
    return out;
}

std::optional<std::vector<IndicatorValue>> SqliteIndicatorStore::table(int year, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT c.county_code, c.indicator_id, c.value FROM indicator_current c "
        "LEFT JOIN indicator_definitions d ON d.id = c.indicator_id "
        "WHERE c.year = ? AND c.value IS NOT NULL ORDER BY c.county_code, d.position, d.id"));
    q.addBindValue(year);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<IndicatorValue> out;
    while (q.next())
        out.push_back(
            { q.value(0).toString(), q.value(1).toString(), year, q.value(2).toDouble() });
    return out;
}

std::optional<bool> SqliteIndicatorStore::hasSampleValues(int year, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("SELECT 1 FROM indicator_current WHERE year = ? AND sample = 1 AND "
                             "value IS NOT NULL LIMIT 1"));
    q.addBindValue(year);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    return q.next();
}

std::optional<qint64> SqliteIndicatorStore::writeRevision(IndicatorRevision::Kind kind,
    const QString &source, qint64 restoredFrom, const std::vector<Cell> &cells, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
        *error = failure(tr("cannot write to the store"), begun.text());
        return std::nullopt;
    }
    auto fail = [&](const QSqlQuery &q) -> std::optional<qint64> {
        const QString detail = q.lastError().text();
        db.rollback();
        *error = failure(tr("cannot write to the store"), detail);
        return std::nullopt;
    };
    // The sample goes into an empty store only: checked again under the write lock, so two
    // processes starting on a new store (the window and a report job) write it once.
    if (kind == IndicatorRevision::Kind::Sample) {
        QSqlQuery any(db);
        if (!any.exec(QStringLiteral("SELECT 1 FROM indicator_revisions LIMIT 1")))
            return fail(any);
        if (any.next()) {
            db.rollback();
            return 0;
        }
    }
    // What is there now, to count the values this revision really changes.
    QHash<QString, std::optional<double>> current;
    QSqlQuery read(db);
    read.setForwardOnly(true);
    if (!read.exec(
            QStringLiteral("SELECT county_code, indicator_id, year, value FROM indicator_current")))
        return fail(read);
    while (read.next()) {
        current.insert(
            cellKey(read.value(0).toString(), read.value(1).toString(), read.value(2).toInt()),
            read.value(3).isNull() ? std::nullopt
                                   : std::optional<double>(read.value(3).toDouble()));
    }
    int changed = 0;
    for (const Cell &c : cells) {
        const auto it = current.constFind(cellKey(c.county, c.indicator, c.year));
        const std::optional<double> before = it == current.constEnd() ? std::nullopt : it.value();
        changed += before != c.value ? 1 : 0;
    }
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO indicator_revisions (created_ms, kind, source, "
                       "restored_from, value_count, changed_count) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(IndicatorRevision::kindKey(kind));
    q.addBindValue(source.isNull() ? QStringLiteral("") : source);
    q.addBindValue(
        restoredFrom > 0 ? QVariant(restoredFrom) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(int(cells.size()));
    q.addBindValue(changed);
    if (!q.exec())
        return fail(q);
    const qint64 revision = q.lastInsertId().toLongLong();

    // Many rows per statement: one exec per row costs more in Qt's binding than SQLite's work.
    constexpr std::size_t kBatch = 100;
    auto statement = [](const char *head, std::size_t rows) {
        QString sql = QString::fromLatin1(head);
        for (std::size_t r = 0; r < rows; ++r)
            sql += r ? QStringLiteral(", (?, ?, ?, ?, ?, ?)")
                     : QStringLiteral("(?, ?, ?, ?, ?, ?)");
        return sql;
    };
    const char *historyHead = "INSERT INTO indicator_values (revision_id, county_code, "
                              "indicator_id, year, value, sample) VALUES ";
    const char *cacheHead = "INSERT OR REPLACE INTO indicator_current (indicator_id, year, "
                            "county_code, value, sample, revision_id) VALUES ";
    QSqlQuery history(db), cache(db);
    std::size_t prepared = 0;
    const QVariant null(QMetaType(QMetaType::Double));
    for (std::size_t begin = 0; begin < cells.size(); begin += kBatch) {
        const std::size_t rows = std::min(kBatch, cells.size() - begin);
        if (rows != prepared) {
            if (!history.prepare(statement(historyHead, rows)))
                return fail(history);
            if (!cache.prepare(statement(cacheHead, rows)))
                return fail(cache);
            prepared = rows;
        }
        for (std::size_t r = 0; r < rows; ++r) {
            const Cell &c = cells[begin + r];
            const QVariant value = c.value ? QVariant(*c.value) : null;
            const int at = int(r) * 6;
            history.bindValue(at, revision);
            history.bindValue(at + 1, c.county);
            history.bindValue(at + 2, c.indicator);
            history.bindValue(at + 3, c.year);
            history.bindValue(at + 4, value);
            history.bindValue(at + 5, c.sample ? 1 : 0);
            cache.bindValue(at, c.indicator);
            cache.bindValue(at + 1, c.year);
            cache.bindValue(at + 2, c.county);
            cache.bindValue(at + 3, value);
            cache.bindValue(at + 4, c.sample ? 1 : 0);
            cache.bindValue(at + 5, revision);
        }
        if (!history.exec())
            return fail(history);
        if (!cache.exec())
            return fail(cache);
    }
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        *error = failure(tr("cannot write to the store"), detail);
        return std::nullopt;
    }
    return revision;
}

std::optional<qint64> SqliteIndicatorStore::importValues(
    const std::vector<IndicatorValue> &values, const QString &source, QString *error)
{
    const auto known = indicators(error);
    if (!known)
        return std::nullopt;
    if (const QString refused = IndicatorImportCheck::refusal(values, *known); !refused.isEmpty()) {
        *error = failure(tr("nothing imported"), refused);
        return std::nullopt;
    }
    std::vector<Cell> cells;
    cells.reserve(values.size());
    for (const IndicatorValue &v : values)
        cells.push_back({ v.county, v.indicator, v.year, v.value, false });
    return writeRevision(IndicatorRevision::Kind::Import, source, 0, cells, error);
}

std::optional<std::vector<IndicatorRevision>> SqliteIndicatorStore::revisions(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT id, created_ms, kind, source, restored_from, value_count, "
                               "changed_count FROM indicator_revisions ORDER BY id DESC"))) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<IndicatorRevision> out;
    while (q.next()) {
        IndicatorRevision r;
        r.id = q.value(0).toLongLong();
        r.created = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        const QString kind = q.value(2).toString();
        r.kind = kind == QLatin1String("sample") ? IndicatorRevision::Kind::Sample
            : kind == QLatin1String("restore")   ? IndicatorRevision::Kind::Restore
                                                 : IndicatorRevision::Kind::Import;
        r.source = q.value(3).toString();
        r.restoredFrom = q.value(4).toLongLong();
        r.valueCount = q.value(5).toInt();
        r.changedCount = q.value(6).toInt();
        out.push_back(r);
    }
    return out;
}

std::optional<qint64> SqliteIndicatorStore::restoreRevision(qint64 id, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM indicator_revisions WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next()) {
        *error = failure(tr("cannot restore"), tr("there is no revision %1").arg(id));
        return std::nullopt;
    }
    // The state right after revision id: for every cell, its newest row up to id.
    QHash<QString, Cell> past;
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT county_code, indicator_id, year, value, sample FROM "
                             "indicator_values WHERE revision_id <= ? ORDER BY revision_id"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    while (q.next()) {
        Cell c { q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
            q.value(3).isNull() ? std::nullopt : std::optional<double>(q.value(3).toDouble()),
            q.value(4).toInt() != 0 };
        past.insert(cellKey(c.county, c.indicator, c.year), c);
    }
    // Every cell whose current value differs from that state gets the old value back; cells
    // that did not exist then are withdrawn (a NULL row), never deleted.
    QSqlQuery now(db);
    now.setForwardOnly(true);
    if (!now.exec(QStringLiteral(
            "SELECT county_code, indicator_id, year, value, sample FROM indicator_current"))) {
        *error = failure(tr("cannot read the store"), now.lastError().text());
        return std::nullopt;
    }
    std::vector<Cell> cells;
    while (now.next()) {
        Cell c { now.value(0).toString(), now.value(1).toString(), now.value(2).toInt(),
            now.value(3).isNull() ? std::nullopt : std::optional<double>(now.value(3).toDouble()),
            now.value(4).toInt() != 0 };
        const auto it = past.constFind(cellKey(c.county, c.indicator, c.year));
        if (it == past.constEnd()) {
            if (c.value)
                cells.push_back({ c.county, c.indicator, c.year, std::nullopt, false });
        } else if (it->value != c.value || it->sample != c.sample) {
            cells.push_back(*it);
        }
    }
    return writeRevision(
        IndicatorRevision::Kind::Restore, tr("state after revision %1").arg(id), id, cells, error);
}

std::optional<bool> SqliteIndicatorStore::ensureSampleData(QString *error)
{
    {
        QSqlQuery q(QSqlDatabase::database(mConnection));
        if (!q.exec(QStringLiteral("SELECT 1 FROM indicator_revisions LIMIT 1"))) {
            *error = failure(tr("cannot read the store"), q.lastError().text());
            return std::nullopt;
        }
        if (q.next())
            return false;
    }
    const auto sample = SampleIndicators::generateBundled(error);
    if (!sample)
        return std::nullopt;
    return ensureSampleData(*sample, error);
}

std::optional<bool> SqliteIndicatorStore::ensureSampleData(
    const std::vector<IndicatorValue> &sample, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT 1 FROM indicator_revisions LIMIT 1"))) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    if (q.next())
        return false;
    std::vector<Cell> cells;
    cells.reserve(sample.size());
    for (const IndicatorValue &v : sample)
        cells.push_back({ v.county, v.indicator, v.year, v.value, true });
    const auto revision
        = writeRevision(IndicatorRevision::Kind::Sample, QStringLiteral("sample"), 0, cells, error);
    if (!revision)
        return std::nullopt;
    return *revision > 0;
}

} // namespace dv
