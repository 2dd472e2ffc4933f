// One county at a glance: every indicator's latest value, change, rank and trend.
#include "countyprofile.h"

#include "compositeindex.h"
#include "indicatorcatalogue.h"
#include "indicatorstore.h"
#include "indicatortablemodel.h"
#include "storereader.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

enum Column { IndicatorColumn, YearColumn, ValueColumn, ChangeColumn, RankColumn, TrendColumn };
constexpr int kCountyRole = Qt::UserRole + 1;
constexpr int kPrefectureRole = Qt::UserRole + 2;
constexpr int kProvinceRole = Qt::UserRole + 3;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Okabe–Ito: distinct for the common colour-vision deficiencies; the province is a dashed grey.
const QColor kCountyColour(0x00, 0x72, 0xb2);
const QColor kPrefectureColour(0xe6, 0x9f, 0x00);
const QColor kProvinceColour(0x70, 0x70, 0x70);

QPen trendPen(int line)
{
    if (line == 0)
        return QPen(kCountyColour, 2.0);
    if (line == 1)
        return QPen(kPrefectureColour, 1.6);
    return QPen(kProvinceColour, 1.4, Qt::DashLine);
}

// Three lines on one scale: the county, its prefecture, the province. Gaps stay open.
class TrendDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        QList<QList<double>> lines;
        for (int role : { kProvinceRole, kPrefectureRole, kCountyRole })
            lines << index.data(role).value<QList<double>>();
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        int n = 0;
        for (const QList<double> &line : lines) {
            n = std::max(n, int(line.size()));
            for (double v : line) {
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
        }
        if (n < 2 || lo > hi)
            return;
        if (hi - lo < 1e-9) {
            lo -= 1;
            hi += 1;
        }
        const QRectF r = QRectF(option.rect).adjusted(8, 5, -8, -5);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        for (int l = 0; l < lines.size(); ++l) {
            QPainterPath path;
            bool open = false;
            for (int i = 0; i < lines[l].size(); ++i) {
                const double v = lines[l][i];
                if (!std::isfinite(v)) {
                    open = false;
                    continue;
                }
                const QPointF p(r.left() + r.width() * i / (n - 1),
                    r.bottom() - (v - lo) / (hi - lo) * r.height());
                if (open)
                    path.lineTo(p);
                else
                    path.moveTo(p);
                open = true;
            }
            painter->setPen(trendPen(2 - l));
            painter->drawPath(path);
        }
        painter->restore();
    }
};

// The trend column's key, drawn with the delegate's pens.
class TrendLegend : public QWidget {
public:
    explicit TrendLegend(QWidget *parent)
        : QWidget(parent)
    {
        mLabels = { CountyProfile::tr("County"), CountyProfile::tr("Prefecture"),
            CountyProfile::tr("Province") };
        setMinimumHeight(fontMetrics().height() + 6);
    }
    QSize sizeHint() const override
    {
        int w = 0;
        for (const QString &l : mLabels)
            w += 28 + fontMetrics().horizontalAdvance(l) + 16;
        return { w, fontMetrics().height() + 6 };
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        int x = 0;
        const int y = height() / 2;
        for (int i = 0; i < mLabels.size(); ++i) {
            p.setPen(trendPen(i));
            p.drawLine(x, y, x + 22, y);
            p.setPen(palette().color(QPalette::WindowText));
            const int tw = fontMetrics().horizontalAdvance(mLabels[i]);
            p.drawText(QRect(x + 28, 0, tw + 2, height()), Qt::AlignVCenter, mLabels[i]);
            x += 28 + tw + 16;
        }
    }

private:
    QStringList mLabels;
};

QString formatted(double value, int decimals, bool sign = false)
{
    if (!std::isfinite(value))
        return QString();
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    QString text = QLocale().toString(rounded == 0 ? 0.0 : rounded, 'f', decimals);
    if (sign && rounded > 0)
        text.prepend(QLatin1Char('+'));
    return text;
}

QTableWidgetItem *item(const QString &text, Qt::Alignment align = Qt::AlignLeft)
{
    auto *i = new QTableWidgetItem(text);
    i->setTextAlignment(align | Qt::AlignVCenter);
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return i;
}

} // namespace

CountyProfile::CountyProfile(StoreReader *reader, CountyDirectory counties, QWidget *parent)
    : QWidget(parent)
    , mReader(reader)
    , mCounties(std::move(counties))
    , mTitle(new QLabel(this))
    , mSubtitle(new QLabel(this))
    , mTable(new QTableWidget(this))
{
    QFont titleFont = mTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    mTitle->setFont(titleFont);
    mSubtitle->setWordWrap(true);
    mSubtitle->setStyleSheet(QStringLiteral("color: palette(mid);"));

    mTable->setColumnCount(6);
    mTable->setHorizontalHeaderLabels({ tr("Indicator"), tr("Year"), tr("Value"),
        tr("Change on year before"), tr("Rank"), tr("Trend") });
    mTable->verticalHeader()->hide();
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setWordWrap(false);
    mTable->setShowGrid(false);
    mTable->setAlternatingRowColors(true);
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() * 2 + 8);
    mTable->setItemDelegateForColumn(TrendColumn, new TrendDelegate(mTable));
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->horizontalHeader()->setHighlightSections(false);

    auto *head = new QHBoxLayout;
    head->addWidget(mTitle);
    head->addStretch(1);
    head->addWidget(new TrendLegend(this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(head);
    layout->addWidget(mSubtitle);
    layout->addWidget(mTable, 1);

    connect(mTable, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < int(mRows.size()))
            emit indicatorActivated(mRows[std::size_t(row)].indicatorId);
    });
}

void CountyProfile::setCounty(const QString &countyCode)
{
    mCounty = countyCode;
    reload();
}

void CountyProfile::reload()
{
    if (!mCounties.byCode(mCounty) || !mReader) {
        // Nothing to ask: an unknown county empties the profile at once.
        mError.clear();
        mRows.clear();
        mLoading = false;
        fillTable();
        return;
    }
    struct Answer {
        std::vector<Row> rows;
        QString error;
    };
    mLoading = true;
    const QString county = mCounty;
    const CountyDirectory counties = mCounties;
    mReader->request(
        QStringLiteral("county-profile-%1").arg(quintptr(this), 0, 16), this,
        [county, counties](StoreSet &stores) {
            Answer answer;
            if (IndicatorStore *store = stores.indicators(&answer.error))
                answer.rows = readRows(*store, counties, county, &answer.error);
            if (!answer.error.isEmpty())
                answer.rows.clear();
            return answer;
        },
        [this, county](Answer &answer) {
            if (county != mCounty)
                return;
            mLoading = false;
            mError = answer.error;
            mRows = std::move(answer.rows);
            fillTable();
        });
}

std::vector<CountyProfile::Row> CountyProfile::readRows(IndicatorStore &store,
    const CountyDirectory &counties, const QString &countyCode, QString *error)
{
    std::vector<Row> out;
    const County *county = counties.byCode(countyCode);
    if (!county)
        return out;
    auto indicators = store.indicators(error);
    auto years = indicators ? store.years(error) : std::nullopt;
    if (!years)
        return out;
    QStringList all, prefecture;
    for (const County &c : counties.counties()) {
        all << c.code;
        if (c.prefectureCode == county->prefectureCode)
            prefecture << c.code;
    }

    // values[y][r]: year y's values of row r (the index, then the indicators) by county. One
    // query per year: on a server each query is a round trip.
    const std::size_t rowCount = indicators->size() + 1;
    std::vector<std::vector<QHash<QString, double>>> values(std::size_t(years->size()));
    QHash<QString, std::size_t> rowOf;
    for (std::size_t i = 0; i < indicators->size(); ++i)
        rowOf.insert((*indicators)[i].id, i + 1);
    for (int y = 0; y < years->size(); ++y) {
        const auto table = store.table(years->at(y), error);
        if (!table)
            return {};
        auto &year = values[std::size_t(y)];
        year.resize(rowCount);
        year[0] = CompositeIndex::compute(*indicators, *table, years->at(y)).scores();
        for (const IndicatorValue &v : *table) {
            const auto it = rowOf.constFind(v.indicator);
            if (it != rowOf.constEnd())
                year[*it].insert(v.county, v.value);
        }
    }
    for (std::size_t r = 0; r < rowCount; ++r) {
        Row row;
        if (r == 0) {
            row.name = tr("Digital-village index");
        } else {
            const Indicator &i = (*indicators)[r - 1];
            row.indicatorId = i.id;
            row.name = i.displayName();
            row.unit = IndicatorCatalogue::displayUnit(i.unit);
            row.decimals = i.decimals;
        }
        const bool higherIsBetter = r == 0 || (*indicators)[r - 1].higherIsBetter;
        row.years = *years;
        int latest = -1;
        for (int y = 0; y < years->size(); ++y) {
            const QHash<QString, double> &v = values[std::size_t(y)][r];
            row.county << v.value(countyCode, kNaN);
            // An amount summed over 88 counties would flatten the county's line: the trend
            // compares with the average county of the prefecture and of the province instead.
            row.prefecture << IndicatorTableModel::aggregate(v, prefecture, false);
            row.province << IndicatorTableModel::aggregate(v, all, false);
            if (std::isfinite(row.county.last()))
                latest = y;
        }
        if (latest >= 0) {
            row.year = years->at(latest);
            row.value = row.county[latest];
            if (latest > 0 && years->at(latest - 1) == row.year - 1)
                row.change = row.value - row.county[latest - 1];
            const QHash<QString, int> ranks
                = IndicatorTableModel::ranks(values[std::size_t(latest)][r], higherIsBetter);
            row.rank = ranks.value(countyCode);
            row.ranked = int(ranks.size());
        }
        out.push_back(std::move(row));
    }
    return out;
}

void CountyProfile::fillTable()
{
    const County *county = mCounties.byCode(mCounty);
    mTitle->setText(
        county ? tr("%1 · %2").arg(county->name, county->prefectureName) : tr("No county chosen"));
    if (!mError.isEmpty()) {
        mSubtitle->setText(mError);
    } else if (county && !mRows.empty()) {
        mSubtitle->setText(tr("Latest value, change on the year before and rank among the "
                              "province's counties; the trend runs from %1 to %2.")
                               .arg(mRows.front().years.value(0))
                               .arg(mRows.front().years.value(mRows.front().years.size() - 1)));
    } else {
        mSubtitle->clear();
    }

    mTable->setRowCount(int(mRows.size()));
    for (int r = 0; r < int(mRows.size()); ++r) {
        const Row &row = mRows[std::size_t(r)];
        const QString name = row.unit.isEmpty()
            ? row.name
            : tr("%1 (%2)", "indicator and unit").arg(row.name, row.unit);
        mTable->setItem(r, IndicatorColumn, item(name));
        mTable->setItem(r, YearColumn,
            item(row.year ? QString::number(row.year) : QString(), Qt::AlignHCenter));
        mTable->setItem(r, ValueColumn, item(formatted(row.value, row.decimals), Qt::AlignRight));
        QString change = formatted(row.change, row.decimals, true);
        if (!change.isEmpty() && row.unit == QLatin1String("%"))
            change = tr("%1 pp", "percentage points").arg(change);
        mTable->setItem(r, ChangeColumn, item(change, Qt::AlignRight));
        auto *rank = item(
            row.rank ? tr("%1 / %2").arg(row.rank).arg(row.ranked) : QString(), Qt::AlignRight);
        rank->setData(Qt::UserRole, row.rank);
        mTable->setItem(r, RankColumn, rank);
        auto *trend = item(QString());
        trend->setData(kCountyRole, QVariant::fromValue(row.county));
        trend->setData(kPrefectureRole, QVariant::fromValue(row.prefecture));
        trend->setData(kProvinceRole, QVariant::fromValue(row.province));
        QStringList tip;
        for (int y = 0; y < row.years.size(); ++y)
            tip << tr("%1: %2 · prefecture mean %3 · province mean %4")
                       .arg(row.years[y])
                       .arg(formatted(row.county.value(y, kNaN), row.decimals),
                           formatted(row.prefecture.value(y, kNaN), row.decimals),
                           formatted(row.province.value(y, kNaN), row.decimals));
        trend->setToolTip(tip.join(QLatin1Char('\n')));
        mTable->setItem(r, TrendColumn, trend);
    }
    mTable->resizeColumnsToContents();
    mTable->setColumnWidth(IndicatorColumn, mTable->columnWidth(IndicatorColumn) + 12);
    for (int c : { ValueColumn, ChangeColumn, RankColumn })
        mTable->setColumnWidth(c, mTable->columnWidth(c) + 16);
    mTable->setColumnWidth(TrendColumn, std::max(mTable->columnWidth(TrendColumn), 180));
}

} // namespace dv
