// The indicator table, county profile and trend chart over a store holding the bundled sample,
// read as the window does: through a StoreReader, waiting for its answers.
#include "colorramp.h"
#include "countydirectory.h"
#include "countyprofile.h"
#include "indicatorcatalogue.h"
#include "indicatortablemodel.h"
#include "indicatortableview.h"
#include "indicatortrendchart.h"
#include "sqliteindicatorstore.h"
#include "storereader.h"

#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace dv;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

int columnOf(const IndicatorTableModel &model, const QString &id)
{
    for (int c = 0; c < model.columnCount(); ++c) {
        if (const Indicator *i = model.indicatorAt(c); i && i->id == id)
            return c;
    }
    return -1;
}

int kindOf(const QAbstractItemModel &model, int row)
{
    return model.index(row, 0).data(IndicatorTableModel::RowKindRole).toInt();
}

} // namespace

class TestIndicatorViews : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tableRows();
    void sortKeepsAggregatesOnTop();
    void rankChangeAndAggregates();
    void prefectureFilter();
    void tsv();
    void profile();
    void trendChart();
    void tableViewAsksTheReader();
    void render();
    void unitsInTheUsersLanguage();

private:
    bool settle()
    {
        return QTest::qWaitFor([this] { return mReader->isIdle(); }, 20000);
    }

    QTemporaryDir mDir;
    std::optional<CountyDirectory> mCounties;
    std::unique_ptr<SqliteIndicatorStore> mStore; // the bundled sample, 2019–2025
    std::unique_ptr<StoreReader> mReader; // the views', on the same file
};

void TestIndicatorViews::initTestCase()
{
    QVERIFY(mDir.isValid());
    QString error;
    mCounties = CountyDirectory::loadBundled(&error);
    QVERIFY2(mCounties, qPrintable(error));
    QCOMPARE(int(mCounties->counties().size()), 88);
    mStore = std::make_unique<SqliteIndicatorStore>(mDir.filePath(QStringLiteral("s.sqlite")));
    QVERIFY2(mStore->open(&error), qPrintable(error));
    QCOMPARE(mStore->ensureSampleData(&error), std::optional<bool>(true));
    mReader = std::make_unique<StoreReader>(
        QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("s.sqlite")));
}

void TestIndicatorViews::tableRows()
{
    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(mStore.get(), 0));
    QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
    QCOMPARE(model.year(), 2025);
    QVERIFY(model.isSample());
    int counties = 0, prefectures = 0, provinces = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const int kind = kindOf(model, r);
        counties += kind == IndicatorTableModel::CountyRow;
        prefectures += kind == IndicatorTableModel::PrefectureRow;
        provinces += kind == IndicatorTableModel::ProvinceRow;
    }
    QCOMPARE(counties, 88);
    QCOMPARE(prefectures, 9);
    QCOMPARE(provinces, 1);
    QCOMPARE(model.columnCount(),
        IndicatorTableModel::FirstIndicatorColumn + int(IndicatorCatalogue::builtIns().size()));
    const int col = columnOf(model, QStringLiteral("internet_penetration"));
    QCOMPARE(model.headerData(col, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Rural internet penetration (%)"));
    // Counties are coloured by class, aggregates are bold, numbers right-aligned, sample marked.
    const QModelIndex county = model.index(20, col);
    QCOMPARE(kindOf(model, 20), int(IndicatorTableModel::CountyRow));
    QVERIFY(county.data(Qt::BackgroundRole).value<QColor>().isValid());
    // Quantile classes of YlGnBu: the best county darkest, the worst lightest.
    const QVector<QColor> ramp = ColorRamp::byId(QStringLiteral("YlGnBu"))->colours(5);
    int best = -1, worst = -1;
    for (int r = 10; r < model.rowCount(); ++r) {
        const int rank = model.index(r, col).data(IndicatorTableModel::RankRole).toInt();
        best = rank == 1 ? r : best;
        worst = rank == 88 ? r : worst;
    }
    QVERIFY(best > 0 && worst > 0);
    QCOMPARE(model.index(best, col).data(IndicatorTableModel::ClassColourRole).value<QColor>(),
        ramp.last());
    QCOMPARE(model.index(worst, col).data(IndicatorTableModel::ClassColourRole).value<QColor>(),
        ramp.first());
    QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!county.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(county.data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QVERIFY(county.data(Qt::ToolTipRole).toString().contains(QLatin1String("Sample data")));
    QVERIFY(county.data(Qt::ToolTipRole).toString().contains(QLatin1String("Rank ")));
    // Display in the indicator's decimals (1 for the penetration).
    const QString text = county.data().toString();
    QCOMPARE(text.size() - text.indexOf(QLatin1Char('.')) - 1, 1);
}

void TestIndicatorViews::sortKeepsAggregatesOnTop()
{
    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(mStore.get(), 0));
    IndicatorTableView view(&model, nullptr);
    QSortFilterProxyModel *proxy = view.proxy();
    for (const QString &id : { QStringLiteral("internet_penetration"), u("pig_survival") }) {
        const int col = columnOf(model, id);
        for (Qt::SortOrder order : { Qt::DescendingOrder, Qt::AscendingOrder }) {
            view.view()->sortByColumn(col, order);
            QCOMPARE(kindOf(*proxy, 0), int(IndicatorTableModel::ProvinceRow));
            for (int r = 1; r <= 9; ++r)
                QCOMPARE(kindOf(*proxy, r), int(IndicatorTableModel::PrefectureRow));
            bool seenMissing = false;
            double last = order == Qt::AscendingOrder ? -1e300 : 1e300;
            for (int r = 10; r < proxy->rowCount(); ++r) {
                QCOMPARE(kindOf(*proxy, r), int(IndicatorTableModel::CountyRow));
                const double v
                    = proxy->index(r, col).data(IndicatorTableModel::SortRole).toDouble();
                if (std::isnan(v)) {
                    seenMissing = true;
                    continue;
                }
                QVERIFY2(!seenMissing, "a missing value sorted before a value");
                QVERIFY(order == Qt::AscendingOrder ? v >= last : v <= last);
                last = v;
            }
            // Pig survival exists only where farms are monitored: the rest goes last.
            QCOMPARE(seenMissing, id == QLatin1String("pig_survival"));
        }
    }
}

// Three counties by hand: ranks, change, the mean of a rate and the sum of an amount, and a
// lower-is-better indicator ranked the other way.
void TestIndicatorViews::rankChangeAndAggregates()
{
    SqliteIndicatorStore store(mDir.filePath(QStringLiteral("hand.sqlite")));
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    Indicator poverty;
    poverty.id = QStringLiteral("poverty_rate");
    poverty.nameZh = u("贫困发生率");
    poverty.unit = QStringLiteral("%");
    poverty.higherIsBetter = false;
    QVERIFY2(store.addIndicator(poverty, &error), qPrintable(error));
    const QString a = QStringLiteral("520102"), b = QStringLiteral("520103"),
                  c = QStringLiteral("520111");
    const QString net = QStringLiteral("internet_penetration"), va = u("de_value_added");
    QVERIFY2(
        store.importValues({ { a, net, 2025, 50 }, { b, net, 2025, 70 }, { c, net, 2025, 60 },
                               { a, net, 2024, 45.5 }, { a, va, 2025, 1.25 }, { b, va, 2025, 2.5 },
                               { a, poverty.id, 2025, 3 }, { b, poverty.id, 2025, 1 } },
            QStringLiteral("hand"), &error),
        qPrintable(error));
    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(&store, 0));
    QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
    QVERIFY(!model.isSample());
    auto rowOf = [&model](const QString &code, int kind) {
        for (int r = 0; r < model.rowCount(); ++r) {
            if (kindOf(model, r) == kind
                && model.index(r, 0).data(IndicatorTableModel::CodeRole).toString() == code)
                return r;
        }
        return -1;
    };
    const int netCol = columnOf(model, net), vaCol = columnOf(model, va),
              povCol = columnOf(model, poverty.id);
    const int ra = rowOf(a, IndicatorTableModel::CountyRow),
              rb = rowOf(b, IndicatorTableModel::CountyRow);
    QCOMPARE(model.index(ra, netCol).data(IndicatorTableModel::RankRole).toInt(), 3);
    QCOMPARE(model.index(rb, netCol).data(IndicatorTableModel::RankRole).toInt(), 1);
    QCOMPARE(model.index(ra, netCol).data(IndicatorTableModel::ChangeRole).toDouble(), 4.5);
    QVERIFY(std::isnan(model.index(rb, netCol).data(IndicatorTableModel::ChangeRole).toDouble()));
    QVERIFY(model.index(ra, netCol)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("+4.5 percentage points")));
    QVERIFY(model.index(ra, netCol).data(Qt::ToolTipRole).toString().contains(u("Rank 3 of 3")));
    // Lower is better: 1 % beats 3 %.
    QCOMPARE(model.index(rb, povCol).data(IndicatorTableModel::RankRole).toInt(), 1);
    QCOMPARE(model.index(ra, povCol).data(IndicatorTableModel::RankRole).toInt(), 2);
    // Province: the mean of a rate, the sum of an amount; all three are in Guiyang (5201).
    QCOMPARE(model.index(0, netCol).data(IndicatorTableModel::SortRole).toDouble(), 60.0);
    QCOMPARE(model.index(0, vaCol).data(IndicatorTableModel::SortRole).toDouble(), 3.75);
    const int guiyang = rowOf(QStringLiteral("5201"), IndicatorTableModel::PrefectureRow);
    QCOMPARE(model.index(guiyang, vaCol).data(IndicatorTableModel::SortRole).toDouble(), 3.75);
    QCOMPARE(model.index(guiyang, vaCol).data().toString(), QStringLiteral("3.75"));
    QCOMPARE(model.index(0, netCol).data(IndicatorTableModel::RankRole).toInt(), 0);
    const int zunyi = rowOf(QStringLiteral("5203"), IndicatorTableModel::PrefectureRow);
    QVERIFY(std::isnan(model.index(zunyi, netCol).data(IndicatorTableModel::SortRole).toDouble()));
}

void TestIndicatorViews::prefectureFilter()
{
    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(mStore.get(), 0));
    IndicatorTableView view(&model, nullptr);
    QCOMPARE(view.proxy()->rowCount(), 98);
    const QString zunyi = QStringLiteral("5203");
    view.setPrefectureFilter(zunyi);
    int expected = 0;
    for (const County &c : mCounties->counties())
        expected += c.prefectureCode == zunyi;
    QVERIFY(expected > 5);
    QCOMPARE(view.proxy()->rowCount(), expected + 2);
    QCOMPARE(kindOf(*view.proxy(), 0), int(IndicatorTableModel::ProvinceRow));
    for (int r = 1; r < view.proxy()->rowCount(); ++r) {
        QCOMPARE(view.proxy()->index(r, 0).data(IndicatorTableModel::PrefectureCodeRole).toString(),
            zunyi);
    }
    view.setPrefectureFilter(QString());
    QCOMPARE(view.proxy()->rowCount(), 98);
}

void TestIndicatorViews::tsv()
{
    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(mStore.get(), 0));
    const QStringList lines = model.toTsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 98);
    const QStringList header = lines[0].split(QLatin1Char('\t'));
    QCOMPARE(header.size(), model.columnCount());
    QCOMPARE(header[0], QStringLiteral("County"));
    QCOMPARE(header[IndicatorTableModel::IndexColumn], QStringLiteral("Digital-village index"));
    const int col = columnOf(model, QStringLiteral("de_value_added"));
    const QStringList row = lines[20].split(QLatin1Char('\t'));
    QCOMPARE(row.size(), model.columnCount());
    QCOMPARE(row[0], model.index(19, 0).data().toString());
    bool ok = false;
    const double v = row[col].toDouble(&ok);
    QVERIFY2(ok, qPrintable(row[col]));
    QCOMPARE(v,
        std::round(model.index(19, col).data(IndicatorTableModel::SortRole).toDouble() * 100)
            / 100);

    // A selection: its rows and columns in view order, with their headers.
    IndicatorTableView view(&model, nullptr);
    view.view()->sortByColumn(col, Qt::DescendingOrder);
    QItemSelectionModel *sel = view.view()->selectionModel();
    for (int r : { 10, 11 }) {
        for (int c : { 0, col })
            sel->select(view.proxy()->index(r, c), QItemSelectionModel::Select);
    }
    const QStringList copied = view.selectionAsTsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(copied.size(), 3);
    QCOMPARE(copied[0],
        QStringLiteral("County\t")
            + model.headerData(col, Qt::Horizontal, Qt::DisplayRole).toString());
    QCOMPARE(
        copied[1].section(QLatin1Char('\t'), 0, 0), view.proxy()->index(10, 0).data().toString());
    QVERIFY(copied[1].section(QLatin1Char('\t'), 1, 1).toDouble()
        >= copied[2].section(QLatin1Char('\t'), 1, 1).toDouble());
}

void TestIndicatorViews::profile()
{
    // A county with monitored pig farms has every built-in indicator.
    QString code;
    for (const County &c : mCounties->counties()) {
        if (mCounties->sites(c.code).pigFarms > 0) {
            code = c.code;
            break;
        }
    }
    QVERIFY(!code.isEmpty());
    CountyProfile profile(mReader.get(), *mCounties);
    profile.setCounty(code);
    QVERIFY(profile.isLoading());
    QVERIFY(settle());
    QVERIFY(!profile.isLoading());
    QVERIFY2(profile.error().isEmpty(), qPrintable(profile.error()));
    QCOMPARE(int(profile.rows().size()), int(IndicatorCatalogue::builtIns().size()) + 1);
    QCOMPARE(profile.table()->rowCount(), int(profile.rows().size()));
    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(mStore.get(), 0));
    int countyRow = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(IndicatorTableModel::CodeRole).toString() == code)
            countyRow = r;
    }
    for (const Indicator &i : IndicatorCatalogue::builtIns()) {
        const auto it = std::find_if(profile.rows().begin(), profile.rows().end(),
            [&i](const CountyProfile::Row &r) { return r.indicatorId == i.id; });
        QVERIFY2(it != profile.rows().end(), qPrintable(i.id));
        QCOMPARE(it->year, 2025);
        QVERIFY2(it->rank >= 1 && it->rank <= it->ranked && it->ranked <= 88, qPrintable(i.id));
        QCOMPARE(it->county.size(), 7);
        QCOMPARE(it->prefecture.size(), 7);
        QCOMPARE(it->province.size(), 7);
        // The same rank and change as the table shows for 2025.
        const QModelIndex cell = model.index(countyRow, columnOf(model, i.id));
        QCOMPARE(it->rank, cell.data(IndicatorTableModel::RankRole).toInt());
        QCOMPARE(it->change, cell.data(IndicatorTableModel::ChangeRole).toDouble());
    }
    // The trend compares the county with the average county, amounts included.
    const auto va = std::find_if(
        profile.rows().begin(), profile.rows().end(), [](const CountyProfile::Row &r) {
            return r.indicatorId == QLatin1String("de_value_added");
        });
    QString error;
    const QHash<QString, double> values = *mStore->values(u("de_value_added"), 2025, &error);
    double total = 0;
    for (double v : values)
        total += v;
    QCOMPARE(va->province.last(), total / values.size());
    QCOMPARE(va->county.last(), values.value(code));
    QCOMPARE(profile.rows().front().indicatorId, QString());
    QVERIFY(profile.rows().front().rank >= 1);
    profile.setCounty(QStringLiteral("999999"));
    QCOMPARE(profile.table()->rowCount(), 0);
}

void TestIndicatorViews::trendChart()
{
    IndicatorTrendChart chart(mReader.get(), *mCounties);
    QVERIFY(settle());
    chart.setIndicator(QStringLiteral("internet_penetration"));
    QCOMPARE(chart.seriesCount(), 0);
    QVERIFY(chart.axisTitle().endsWith(QLatin1String("(%)")));
    const QStringList codes
        = { QStringLiteral("520102"), QStringLiteral("520328"), QStringLiteral("520281") };
    for (const QString &c : codes)
        QVERIFY(chart.addCounty(c));
    QVERIFY(!chart.addCounty(codes[0]));
    QVERIFY(!chart.addCounty(QStringLiteral("999999")));
    QVERIFY(chart.isLoading());
    QVERIFY(settle());
    QCOMPARE(chart.seriesCount(), 3);
    for (int s = 0; s < 3; ++s)
        QCOMPARE(chart.pointCount(s), 7);
    chart.setMode(IndicatorTrendChart::Mode::Bars);
    QCoreApplication::processEvents(); // Qt Charts lays new series out from the event loop
    QCOMPARE(chart.seriesCount(), 3);
    QCOMPARE(chart.pointCount(2), 7);
    chart.setMode(IndicatorTrendChart::Mode::Lines);
    chart.removeCounty(codes[1]);
    QCOMPARE(chart.counties(), QStringList({ codes[0], codes[2] }));
    QCOMPARE(chart.seriesCount(), 2);
    // At most eight lines, each its own colour.
    QStringList many;
    for (const County &c : mCounties->counties())
        many << c.code;
    chart.setCounties(many);
    QVERIFY(settle());
    QCOMPARE(chart.seriesCount(), IndicatorTrendChart::kMaxCounties);
    QVERIFY(!chart.addCounty(many.last()));
    QSet<QRgb> colours;
    for (int i = 0; i < IndicatorTrendChart::kMaxCounties; ++i)
        colours.insert(IndicatorTrendChart::seriesColour(i).rgb());
    QCOMPARE(int(colours.size()), IndicatorTrendChart::kMaxCounties);
}

// The table view asks the reader for a year and fills the model when the answer comes; a newer
// year asked before the answer wins.
void TestIndicatorViews::tableViewAsksTheReader()
{
    IndicatorTableModel model(*mCounties);
    IndicatorTableView view(&model, mReader.get());
    QCOMPARE(model.rowCount(), 0);
    view.reload();
    QVERIFY(view.isLoading());
    QVERIFY(settle());
    QVERIFY(!view.isLoading());
    QCOMPARE(model.year(), 2025);
    QCOMPARE(model.rowCount(), 98);
    QCOMPARE(model.years().size(), 7);
    view.setYear(2019);
    view.setYear(2021);
    QVERIFY(settle());
    QCOMPARE(model.year(), 2021);
    QCOMPARE(model.rowCount(), 98);
}

// The three views as a user sees them, written to the test output folder for review.
void TestIndicatorViews::render()
{
    const QString out = QStringLiteral(DVDASH_TEST_OUTPUT_DIR);
    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(mStore.get(), 0));
    IndicatorTableView table(&model, nullptr);
    table.resize(1280, 640);
    table.view()->sortByColumn(IndicatorTableModel::IndexColumn, Qt::DescendingOrder);
    CountyProfile profile(mReader.get(), *mCounties);
    profile.setCounty(QStringLiteral("520328"));
    profile.resize(900, 640);
    IndicatorTrendChart chart(mReader.get(), *mCounties);
    QVERIFY(settle());
    chart.setIndicator(QStringLiteral("online_farm_sales_share"));
    chart.setCounties({ QStringLiteral("520328"), QStringLiteral("520102"),
        QStringLiteral("520281"), QStringLiteral("522601") });
    chart.resize(900, 520);
    QVERIFY(settle());
    QCOMPARE(chart.seriesCount(), 4);
    QWidget *widgets[] = { &table, &profile, &chart };
    const char *names[] = { "indicatortable.png", "countyprofile.png", "indicatortrend.png" };
    for (int i = 0; i < 3; ++i) {
        widgets[i]->show();
        QVERIFY(QTest::qWaitForWindowExposed(widgets[i]));
        const QImage image = widgets[i]->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(out + QLatin1Char('/') + QLatin1String(names[i])));
    }
    chart.setMode(IndicatorTrendChart::Mode::Bars);
    QCoreApplication::processEvents(); // Qt Charts lays new series out from the event loop
    QVERIFY(chart.grab().save(out + QStringLiteral("/indicatortrend-bars.png")));
    QString error;
    QVERIFY2(chart.exportPng(out + QStringLiteral("/indicatortrend-export.png"), &error),
        qPrintable(error));
}

// The store keeps 亿元, 万元, 亩; an English user reads them in English in the table's header, its
// change tooltips and the catalogue's display unit, a Chinese user as they are stored.
void TestIndicatorViews::unitsInTheUsersLanguage()
{
    const QLocale saved;
    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(mStore.get(), 2024));
    const int valueAdded = columnOf(model, QStringLiteral("de_value_added"));
    const int area = columnOf(model, QStringLiteral("tea_sensor_area"));
    const int sales = columnOf(model, QStringLiteral("online_farm_sales"));
    QVERIFY(valueAdded > 0 && area > 0 && sales > 0);
    auto header = [&model](int c) {
        return model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    };
    auto hasChinese = [](const QString &text) {
        return std::any_of(text.cbegin(), text.cend(),
            [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
    };

    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(header(valueAdded), u("Digital-economy value added (100 million yuan)"));
    QCOMPARE(header(area), u("Tea-garden area under sensors (mu)"));
    QCOMPARE(header(sales), u("Online retail sales of farm products (10,000 yuan)"));
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY2(!hasChinese(header(c)), qPrintable(header(c)));
    // A county's tooltip: its change on last year in English units.
    for (int r = 0; r < model.rowCount(); ++r) {
        if (kindOf(model, r) != IndicatorTableModel::CountyRow)
            continue;
        const QString tip = model.index(r, valueAdded).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u("100 million yuan")), qPrintable(tip));
        break;
    }
    QCOMPARE(IndicatorCatalogue::displayUnit(u("%")), u("%"));
    QCOMPARE(IndicatorCatalogue::displayUnit(u("万人次")), u("10,000 visits"));
    QCOMPARE(IndicatorCatalogue::displayUnit(u("株")), u("株")); // an office's own unit stays

    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(IndicatorCatalogue::displayUnit(u("亿元")), u("亿元"));
    QVERIFY(header(valueAdded).endsWith(u("(亿元)")));
    QLocale::setDefault(saved);
}

QTEST_MAIN(TestIndicatorViews)
#include "tst_indicatorviews.moc"
