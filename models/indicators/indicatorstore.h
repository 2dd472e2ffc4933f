// Where county indicator values live, with every revision kept: one interface, SQLite first.
#pragma once

#include "indicator.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace dv {

// One figure: a county's value of one indicator in one year.
struct IndicatorValue {
    QString county; // code, 520102
    QString indicator; // Indicator::id
    int year = 0;
    double value = 0;
};

// One change to the values: an import, the bundled sample, or a restore of an earlier state.
struct IndicatorRevision {
    enum class Kind { Import, Sample, Restore };
    qint64 id = 0;
    QDateTime created; // UTC
    Kind kind = Kind::Import;
    QString source; // the imported file, "sample", or what was restored
    qint64 restoredFrom = 0; // Restore: the revision whose state it brought back
    int valueCount = 0; // values the revision wrote
    int changedCount = 0; // of them, values that differ from what was there before
    QString madeBy; // the server role that made it (a shared store); empty in a file store

    // "import", "sample", "restore": the store's and the CSV's spelling.
    static QString kindKey(Kind kind);
};

// Values are never deleted or overwritten: each import adds a revision, the newest revision
// that holds a (county, indicator, year) gives its current value, and a restore is a new
// revision that brings an earlier state back (so it can itself be undone).
class IndicatorStore {
public:
    virtual ~IndicatorStore() = default;

    virtual bool open(QString *error) = 0;

    // Built-in and the office's own indicators, in catalogue order then as added.
    virtual std::optional<std::vector<Indicator>> indicators(QString *error) = 0;
    // Adds an office's own indicator; refuses an invalid definition or a taken id.
    virtual bool addIndicator(const Indicator &indicator, QString *error) = 0;

    // Years with at least one current value, ascending.
    virtual std::optional<QList<int>> years(QString *error) = 0;
    // Current values of one indicator in one year, by county code.
    virtual std::optional<QHash<QString, double>> values(
        const QString &indicatorId, int year, QString *error)
        = 0;
    // Current values of one county and indicator, by year.
    virtual std::optional<QMap<int, double>> series(
        const QString &countyCode, const QString &indicatorId, QString *error)
        = 0;
    // Every current value of one year (county, then indicator order).
    virtual std::optional<std::vector<IndicatorValue>> table(int year, QString *error) = 0;
    // Whether any current value of the year comes from the bundled sample, so the UI and
    // exports can say "示例数据".
    virtual std::optional<bool> hasSampleValues(int year, QString *error) = 0;

    // Writes all values as one new revision in one transaction and returns its id. Refuses
    // (writing nothing) unknown indicators, non-finite values and a cell given twice.
    virtual std::optional<qint64> importValues(
        const std::vector<IndicatorValue> &values, const QString &source, QString *error)
        = 0;
    // Newest first.
    virtual std::optional<std::vector<IndicatorRevision>> revisions(QString *error) = 0;
    // Brings back the values as they were right after revision id, as a new revision (whose id
    // it returns). Values added after id are withdrawn in that new revision, not deleted.
    virtual std::optional<qint64> restoreRevision(qint64 id, QString *error) = 0;
    // On a store that never held indicator values, writes the bundled 2019–2025 sample as a
    // revision of kind Sample. Returns true when it did, false when the store already had data.
    virtual std::optional<bool> ensureSampleData(QString *error) = 0;

    // ensureSampleData() on the user's own store only: a shared server (postgresql://) holds
    // the offices' real figures and never gets the bundled sample from a desk or a command.
    static std::optional<bool> ensureSampleDataIfOwn(
        IndicatorStore &store, const QString &spec, QString *error);

    // Opens the store a spec names, through StoreRegistry ("sqlite:PATH" or a bare path: the
    // same file as the sensor store).
    static std::unique_ptr<IndicatorStore> create(const QString &spec, QString *error);
};

} // namespace dv
