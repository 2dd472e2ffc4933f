// The county indicator table: year and prefecture choosers, sortable table, copy to clipboard.
#include "indicatortableview.h"

#include "indicatorstore.h"
#include "indicatortablemodel.h"
#include "storereader.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace dv {

namespace {

// Aggregates on top (the province first), then counties; missing values last in either order.
class IndicatorSortProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString prefecture;
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        if (prefecture.isEmpty())
            return true;
        const QModelIndex i = sourceModel()->index(row, 0);
        return i.data(IndicatorTableModel::RowKindRole).toInt() == IndicatorTableModel::ProvinceRow
            || i.data(IndicatorTableModel::PrefectureCodeRole).toString() == prefecture;
    }

    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        // lessThan's answer is reversed for a descending sort; these groups must not be.
        const bool ascending = sortOrder() == Qt::AscendingOrder;
        auto inOrder = [ascending](bool leftFirst) { return ascending ? leftFirst : !leftFirst; };
        const int lk = left.data(IndicatorTableModel::RowKindRole).toInt();
        const int rk = right.data(IndicatorTableModel::RowKindRole).toInt();
        if (lk != rk)
            return inOrder(lk > rk); // province (2) before prefectures (1) before counties (0)
        const QVariant lv = left.data(IndicatorTableModel::SortRole);
        const QVariant rv = right.data(IndicatorTableModel::SortRole);
        if (lv.typeId() == QMetaType::Double) {
            const double l = lv.toDouble(), r = rv.toDouble();
            if (std::isnan(l) || std::isnan(r)) {
                if (std::isnan(l) && std::isnan(r))
                    return left.row() < right.row();
                return inOrder(std::isnan(r));
            }
            return l < r;
        }
        return QString::localeAwareCompare(lv.toString(), rv.toString()) < 0;
    }
};

} // namespace

IndicatorTableView::IndicatorTableView(
    IndicatorTableModel *model, StoreReader *reader, QWidget *parent)
    : QWidget(parent)
    , mModel(model)
    , mReader(reader)
    , mProxy(new IndicatorSortProxy(this))
    , mView(new QTableView(this))
    , mYear(new QComboBox(this))
    , mPrefecture(new QComboBox(this))
    , mNote(new QLabel(this))
{
    mProxy->setSourceModel(model);
    mView->setModel(mProxy);
    mView->setSortingEnabled(true);
    mView->sortByColumn(-1, Qt::AscendingOrder); // the model's order until the user sorts
    mView->setSelectionBehavior(QAbstractItemView::SelectItems);
    mView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setWordWrap(false);
    mView->setAlternatingRowColors(false);
    mView->verticalHeader()->hide();
    mView->verticalHeader()->setDefaultSectionSize(mView->fontMetrics().height() + 10);
    QHeaderView *header = mView->horizontalHeader();
    header->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter) | Qt::Alignment(Qt::TextWordWrap));
    header->setMinimumHeight(mView->fontMetrics().height() * 4 + 12);
    header->setHighlightSections(false);
    mView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

    mYear->setObjectName(QStringLiteral("yearCombo"));
    mPrefecture->addItem(tr("All prefectures"), QString());
    for (const auto &[code, name] : model->prefectures())
        mPrefecture->addItem(name, code);
    mNote->setStyleSheet(QStringLiteral("color: #8a5a00;"));

    auto *copyButton = new QPushButton(tr("Copy"), this);
    copyButton->setToolTip(tr("Copy the selected cells, or the whole table, for a spreadsheet"));
    auto *copyAction = new QAction(tr("Copy"), this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(copyAction);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Year:"), this));
    bar->addWidget(mYear);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Prefecture:"), this));
    bar->addWidget(mPrefecture);
    bar->addSpacing(12);
    bar->addWidget(mNote, 1);
    bar->addWidget(copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(mView, 1);

    connect(copyButton, &QPushButton::clicked, this, &IndicatorTableView::copy);
    connect(copyAction, &QAction::triggered, this, &IndicatorTableView::copy);
    connect(mYear, &QComboBox::activated, this, [this](int i) {
        const int year = mYear->itemData(i).toInt();
        setYear(year);
        emit yearChosen(year);
    });
    connect(mPrefecture, &QComboBox::activated, this,
        [this](int i) { setPrefectureFilter(mPrefecture->itemData(i).toString()); });
    connect(model, &QAbstractItemModel::modelReset, this, &IndicatorTableView::modelReset);
    connect(mView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(IndicatorTableModel::RowKindRole).toInt() == IndicatorTableModel::CountyRow)
            emit countyActivated(index.data(IndicatorTableModel::CodeRole).toString());
    });
    modelReset();
}

void IndicatorTableView::reload()
{
    request(mModel->year());
}

void IndicatorTableView::setYear(int year)
{
    if (year != mModel->year())
        request(year);
}

void IndicatorTableView::request(int year)
{
    if (!mReader)
        return;
    mLoading = true;
    mNote->setText(tr("Loading…"));
    mReader->request(
        QStringLiteral("indicator-table-%1").arg(quintptr(this), 0, 16), this,
        [year](StoreSet &stores) {
            QString error;
            IndicatorStore *store = stores.indicators(&error);
            IndicatorTableData data = IndicatorTableModel::read(store, year);
            if (!store)
                data.error = error;
            return data;
        },
        [this](IndicatorTableData &data) {
            mLoading = false;
            mModel->setTableData(std::move(data));
        });
}

void IndicatorTableView::setPrefectureFilter(const QString &prefectureCode)
{
    auto *proxy = static_cast<IndicatorSortProxy *>(mProxy);
    proxy->prefecture = prefectureCode;
    const int i = mPrefecture->findData(prefectureCode);
    if (i >= 0 && i != mPrefecture->currentIndex())
        mPrefecture->setCurrentIndex(i);
    proxy->refilter();
}

QString IndicatorTableView::prefectureFilter() const
{
    return static_cast<IndicatorSortProxy *>(mProxy)->prefecture;
}

QString IndicatorTableView::selectionAsTsv() const
{
    QModelIndexList indexes = mView->selectionModel()->selectedIndexes();
    if (indexes.size() <= 1) {
        // One cell is where the cursor happens to be: copy what is shown instead.
        indexes.clear();
        for (int r = 0; r < mProxy->rowCount(); ++r) {
            for (int c = 0; c < mProxy->columnCount(); ++c)
                indexes << mProxy->index(r, c);
        }
    }
    return IndicatorTableModel::toTsv(indexes);
}

void IndicatorTableView::copy()
{
    QApplication::clipboard()->setText(selectionAsTsv());
}

void IndicatorTableView::fillYears()
{
    mYear->clear();
    const QList<int> years = mModel->years();
    for (int i = years.size() - 1; i >= 0; --i)
        mYear->addItem(QString::number(years[i]), years[i]);
    mYear->setCurrentIndex(mYear->findData(mModel->year()));
}

void IndicatorTableView::modelReset()
{
    fillYears();
    QString note;
    if (!mModel->error().isEmpty())
        note = mModel->error();
    else if (mModel->isSample())
        note = tr("Sample data (示例数据), not official figures");
    mNote->setText(note);
    mView->resizeColumnsToContents();
    // Names fit their text; value columns get a common width so the header wraps in two or
    // three lines instead of making the table a screen wide.
    const int valueWidth = mView->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 16;
    for (int c = IndicatorTableModel::IndexColumn; c < mModel->columnCount(); ++c)
        mView->setColumnWidth(c, valueWidth);
    for (int c : { IndicatorTableModel::CountyColumn, IndicatorTableModel::PrefectureColumn })
        mView->setColumnWidth(c, mView->columnWidth(c) + 16);
}

} // namespace dv
