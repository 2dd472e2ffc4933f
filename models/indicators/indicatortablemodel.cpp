// Counties × indicators for one year as a table: values, ranks, change, classes, aggregates.
#include "indicatortablemodel.h"

#include "choroplethstyle.h"
#include "compositeindex.h"
#include "indicatorcatalogue.h"
#include "indicatorstore.h"

#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace dv {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Text on the darker classes of YlGnBu needs to be white to stay readable.
bool isDark(const QColor &c)
{
    return c.isValid() && 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF() < 0.55;
}

QString plainNumber(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QString();
}

QString tsvField(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

// A cell's background: the class colour mixed with white, so that black numbers stay readable on
// the darkest class and a full table does not look like a solid block of blue.
QColor tint(const QColor &c)
{
    if (!c.isValid())
        return c;
    constexpr double share = 0.45;
    auto mix = [](int channel) { return int(std::lround(channel * share + 255 * (1 - share))); };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

} // namespace

IndicatorTableModel::IndicatorTableModel(CountyDirectory counties, QObject *parent)
    : QAbstractTableModel(parent)
    , mCounties(std::move(counties))
{
    std::map<QString, QString> prefectures;
    for (const County &c : mCounties.counties())
        prefectures.emplace(c.prefectureCode, c.prefectureName);
    mPrefectures.assign(prefectures.begin(), prefectures.end());
}

IndicatorTableData IndicatorTableModel::read(IndicatorStore *store, int year)
{
    IndicatorTableData data;
    if (!store) {
        data.error = tr("No indicator store");
        return data;
    }
    auto indicators = store->indicators(&data.error);
    auto years = indicators ? store->years(&data.error) : std::nullopt;
    if (!years)
        return data;
    data.years = *years;
    data.year = year == 0 && !data.years.isEmpty() ? data.years.last() : year;
    auto sample = store->hasSampleValues(data.year, &data.error);
    if (!sample)
        return data;
    data.sample = *sample;

    // Value columns: the index first, then every indicator; this year and the year before. One
    // query per year: a store on a server answers each query a round trip later.
    for (int y : { data.year, data.year - 1 }) {
        auto &out = y == data.year ? data.now : data.before;
        const auto values = store->table(y, &data.error);
        if (!values) {
            data.now.clear();
            data.before.clear();
            return data;
        }
        const CompositeIndex index = CompositeIndex::compute(*indicators, *values, y);
        if (y == data.year)
            data.indexWeights = indexWeightsText(index, *indicators);
        out.push_back(index.scores());
        QHash<QString, std::size_t> column;
        for (const Indicator &i : *indicators) {
            column.insert(i.id, out.size());
            out.emplace_back();
        }
        for (const IndicatorValue &v : *values) {
            const auto it = column.constFind(v.indicator);
            if (it != column.constEnd())
                out[*it].insert(v.county, v.value);
        }
    }
    data.indicators = std::move(*indicators);
    data.error.clear();
    return data;
}

void IndicatorTableModel::setTableData(IndicatorTableData data)
{
    beginResetModel();
    mError = data.error;
    if (!data.years.isEmpty())
        mYears = data.years;
    if (data.error.isEmpty()) {
        mIndicators = std::move(data.indicators);
        mYear = data.year;
        mSample = data.sample;
        mIndexWeights = data.indexWeights;
        buildRows(data.now, data.before);
    } else {
        mRows.clear();
        mIndicators.clear();
    }
    endResetModel();
}

void IndicatorTableModel::buildRows(const std::vector<QHash<QString, double>> &now,
    const std::vector<QHash<QString, double>> &before)
{
    mRows.clear();
    const std::size_t columns = now.size();
    QStringList allCodes;
    QHash<QString, QStringList> byPrefecture;
    for (const County &c : mCounties.counties()) {
        allCodes << c.code;
        byPrefecture[c.prefectureCode] << c.code;
    }

    auto aggregateRow
        = [&](RowKind kind, const QString &code, const QString &name, const QStringList &members) {
              Row row { kind, code, name, code, name, int(members.size()), {} };
              for (std::size_t v = 0; v < columns; ++v) {
                  const bool sum = isAmount(unit(int(v)));
                  row.cells.push_back({ aggregate(now[v], members, sum),
                      aggregate(before[v], members, sum), 0, 0, QColor() });
              }
              mRows.push_back(std::move(row));
          };
    aggregateRow(ProvinceRow, QString(), tr("Guizhou province"), allCodes);
    for (const auto &[code, name] : mPrefectures)
        aggregateRow(PrefectureRow, code, name, byPrefecture.value(code));

    const std::size_t firstCounty = mRows.size();
    for (const County &c : mCounties.counties()) {
        Row row { CountyRow, c.code, c.name, c.prefectureCode, c.prefectureName, 1, {} };
        for (std::size_t v = 0; v < columns; ++v)
            row.cells.push_back(
                { now[v].value(c.code, kNaN), before[v].value(c.code, kNaN), 0, 0, QColor() });
        mRows.push_back(std::move(row));
    }

    // Ranks and classes per column, among the counties only. Quantiles in five classes of
    // YlGnBu, as the map's default, with the dark end on the better values.
    for (std::size_t v = 0; v < columns; ++v) {
        const QHash<QString, int> rank = ranks(now[v], higherIsBetter(int(v)));
        ChoroplethStyle style;
        style.setMethod(ClassBreaks::Method::Quantile);
        style.setClassCount(5);
        style.setPaletteId(QStringLiteral("YlGnBu"));
        style.setReversed(!higherIsBetter(int(v)));
        style.setCountyCodes(allCodes);
        style.setValues(now[v]);
        for (std::size_t r = firstCounty; r < mRows.size(); ++r) {
            Cell &cell = mRows[r].cells[v];
            cell.rank = rank.value(mRows[r].code);
            cell.ranked = int(rank.size());
            cell.fill = style.colourFor(mRows[r].code);
        }
    }
}

bool IndicatorTableModel::isAmount(const QString &unit)
{
    static const QSet<QString> amounts = { QStringLiteral("亿元"), QStringLiteral("万元"),
        QStringLiteral("元"), QStringLiteral("亩"), QStringLiteral("万亩"), QStringLiteral("公顷"),
        QStringLiteral("个"), QStringLiteral("家"), QStringLiteral("户"), QStringLiteral("人"),
        QStringLiteral("万人"), QStringLiteral("吨"), QStringLiteral("头") };
    return amounts.contains(unit.trimmed());
}

QHash<QString, int> IndicatorTableModel::ranks(
    const QHash<QString, double> &values, bool higherIsBetter)
{
    std::vector<std::pair<double, QString>> sorted;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (std::isfinite(it.value()))
            sorted.emplace_back(higherIsBetter ? -it.value() : it.value(), it.key());
    }
    std::sort(sorted.begin(), sorted.end());
    QHash<QString, int> out;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const bool tie = i > 0 && sorted[i].first == sorted[i - 1].first;
        out.insert(sorted[i].second, tie ? out.value(sorted[i - 1].second) : int(i) + 1);
    }
    return out;
}

double IndicatorTableModel::aggregate(
    const QHash<QString, double> &values, const QStringList &counties, bool sum)
{
    double total = 0;
    int n = 0;
    for (const QString &code : counties) {
        const double v = values.value(code, kNaN);
        if (std::isfinite(v)) {
            total += v;
            ++n;
        }
    }
    if (n == 0)
        return kNaN;
    return sum ? total : total / n;
}

const Indicator *IndicatorTableModel::indicatorAt(int column) const
{
    const int i = column - FirstIndicatorColumn;
    return i >= 0 && i < int(mIndicators.size()) ? &mIndicators[std::size_t(i)] : nullptr;
}

int IndicatorTableModel::decimals(int valueColumn) const
{
    return valueColumn == 0 ? 1 : mIndicators[std::size_t(valueColumn - 1)].decimals;
}

QString IndicatorTableModel::unit(int valueColumn) const
{
    return valueColumn == 0 ? QString() : mIndicators[std::size_t(valueColumn - 1)].unit;
}

bool IndicatorTableModel::higherIsBetter(int valueColumn) const
{
    return valueColumn == 0 || mIndicators[std::size_t(valueColumn - 1)].higherIsBetter;
}

QString IndicatorTableModel::format(int valueColumn, double value) const
{
    if (!std::isfinite(value))
        return QString();
    const int d = decimals(valueColumn);
    // Rounding must not leave "-0.0".
    const double rounded = std::round(value * std::pow(10.0, d)) / std::pow(10.0, d);
    return QLocale().toString(rounded == 0 ? 0.0 : value, 'f', d);
}

QString IndicatorTableModel::changeText(int valueColumn, double change) const
{
    const QString u = unit(valueColumn);
    QString number = format(valueColumn, change);
    if (change > 0 && !number.isEmpty())
        number.prepend(QLatin1Char('+'));
    if (u == QLatin1String("%"))
        return tr("%1 percentage points").arg(number);
    if (u.isEmpty())
        return number;
    return tr("%1 %2", "value and unit").arg(number, IndicatorCatalogue::displayUnit(u));
}

QString IndicatorTableModel::tooltip(const Row &row, int column) const
{
    QStringList lines;
    const int v = column - IndexColumn;
    if (v < 0) {
        if (row.kind == CountyRow)
            lines << QStringLiteral("%1 · %2 (%3)").arg(row.name, row.prefectureName, row.code);
        else
            lines << tr("%1: %n counties", nullptr, row.counties).arg(row.name);
    } else {
        const Cell &cell = row.cells[std::size_t(v)];
        const QString title = headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        lines << QStringLiteral("<b>%1</b> · %2").arg(title.toHtmlEscaped(), row.name);
        if (!std::isfinite(cell.value)) {
            lines << tr("No value for %1").arg(mYear);
        } else {
            lines << tr("%1: %2").arg(mYear).arg(format(v, cell.value));
            if (cell.rank > 0)
                lines << tr("Rank %1 of %2 counties").arg(cell.rank).arg(cell.ranked);
            const double change = cell.value - cell.previous;
            if (std::isfinite(change))
                lines << tr("Change on %1: %2").arg(mYear - 1).arg(changeText(v, change));
            if (row.kind != CountyRow)
                lines << (isAmount(unit(v)) ? tr("Sum of %n counties", nullptr, row.counties)
                                            : tr("Mean of %n counties", nullptr, row.counties));
        }
    }
    if (mSample)
        lines << QStringLiteral("<i>%1</i>").arg(tr("Sample data, not official figures"));
    return lines.join(QStringLiteral("<br>"));
}

int IndicatorTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int IndicatorTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || mRows.empty() ? 0 : FirstIndicatorColumn + int(mIndicators.size());
}

QVariant IndicatorTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Row &row = mRows[std::size_t(index.row())];
    const int column = index.column();
    const int v = column - IndexColumn;
    const Cell *cell = v >= 0 ? &row.cells[std::size_t(v)] : nullptr;
    switch (role) {
    case RowKindRole:
        return int(row.kind);
    case CodeRole:
        return row.code;
    case PrefectureCodeRole:
        return row.prefectureCode;
    case SampleRole:
        return mSample;
    case Qt::FontRole:
        if (row.kind != CountyRow) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return cell ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                    : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (row.kind != CountyRow)
            return QColor(0xee, 0xf1, 0xf5);
        return cell && cell->fill.isValid() ? QVariant(tint(cell->fill)) : QVariant();
    case ClassColourRole:
        return cell && cell->fill.isValid() ? QVariant(cell->fill) : QVariant();
    case Qt::ForegroundRole:
        return cell && isDark(tint(cell->fill)) ? QVariant(QColor(Qt::white)) : QVariant();
    case Qt::ToolTipRole:
        return tooltip(row, column);
    case RankRole:
        return cell ? cell->rank : 0;
    case ChangeRole:
        return cell ? cell->value - cell->previous : kNaN;
    case SortRole:
        if (cell)
            return cell->value;
        return column == CountyColumn ? row.name : row.prefectureName;
    case ExportRole:
        if (cell)
            return plainNumber(cell->value, decimals(v));
        return column == CountyColumn ? row.name : row.prefectureName;
    case Qt::DisplayRole:
        if (cell)
            return format(v, cell->value);
        if (column == CountyColumn)
            return row.name;
        return row.kind == CountyRow ? row.prefectureName : QString();
    }
    return {};
}

// "Weights this year:" then one line per indicator, so the index is computed in the open.
QString IndicatorTableModel::indexWeightsText(
    const CompositeIndex &index, const std::vector<Indicator> &indicators)
{
    QStringList lines { tr("Weights in %1:").arg(index.year()) };
    for (const CompositeIndex::Weight &w : index.weights()) {
        QString name = w.indicator;
        for (const Indicator &i : indicators) {
            if (i.id == w.indicator)
                name = i.displayName();
        }
        lines << tr("%1 · %2: %3 % (scaled between %4 and %5%6)")
                     .arg(Indicator::dimensionName(w.dimension), name)
                     .arg(QLocale().toString(100 * w.weight, 'f', 1))
                     .arg(QLocale().toString(w.minimum, 'g', 4),
                         QLocale().toString(w.maximum, 'g', 4),
                         w.reversed ? tr(", lower is better") : QString());
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant IndicatorTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        if (const Indicator *i = indicatorAt(section))
            return QStringLiteral("%1<br>%2").arg(i->labelZh(), i->source).toHtmlEscaped();
        if (section == IndexColumn)
            return CompositeIndex::explanation() + QStringLiteral("\n\n") + mIndexWeights;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CountyColumn:
        return tr("County");
    case PrefectureColumn:
        return tr("Prefecture");
    case IndexColumn:
        return tr("Digital-village index");
    }
    const Indicator *i = indicatorAt(section);
    if (!i)
        return {};
    return i->unit.isEmpty() ? i->displayName()
                             : tr("%1 (%2)", "indicator and unit")
                                   .arg(i->displayName(), IndicatorCatalogue::displayUnit(i->unit));
}

QString IndicatorTableModel::toTsv() const
{
    QModelIndexList all;
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c)
            all << index(r, c);
    }
    return toTsv(all);
}

QString IndicatorTableModel::toTsv(const QModelIndexList &indexes)
{
    if (indexes.isEmpty())
        return QString();
    const QAbstractItemModel *model = indexes.first().model();
    std::map<int, std::map<int, QString>> grid; // row → column → text, in view order
    std::set<int> columns;
    for (const QModelIndex &i : indexes) {
        grid[i.row()][i.column()] = i.data(ExportRole).toString();
        columns.insert(i.column());
    }
    QStringList lines;
    QStringList header;
    for (int c : columns)
        header << tsvField(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    lines << header.join(QLatin1Char('\t'));
    for (const auto &[row, cells] : grid) {
        QStringList fields;
        for (int c : columns) {
            auto it = cells.find(c);
            fields << (it == cells.end() ? QString() : tsvField(it->second));
        }
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace dv
