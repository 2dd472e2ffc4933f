// Sites…: the office's registered sites in a table with filters, to edit and retire.
#include "sitemanagerdialog.h"

#include "siteeditdialog.h"
#include "sitetablemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace dv {

SiteManagerDialog::SiteManagerDialog(QWidget *parent)
    : QDialog(parent)
    , mModel(new SiteTableModel(this))
    , mTable(new QTableView(this))
    , mCounty(new QComboBox(this))
    , mType(new QComboBox(this))
    , mStatus(new QComboBox(this))
    , mText(new QLineEdit(this))
    , mEdit(new QPushButton(tr("&Edit…"), this))
    , mRetire(new QPushButton(tr("&Retire…"), this))
    , mMessage(new QLabel(this))
    , mCount(new QLabel(this))
{
    setWindowTitle(tr("Sites"));
    setObjectName(QStringLiteral("siteManager"));
    resize(900, 560);
    mStatus->addItem(tr("Active"), int(SiteTableModel::StatusFilter::Active));
    mStatus->addItem(tr("Retired"), int(SiteTableModel::StatusFilter::Retired));
    mStatus->addItem(tr("Active and retired"), int(SiteTableModel::StatusFilter::All));
    mText->setPlaceholderText(tr("ID, name, township or contact"));
    mText->setClearButtonEnabled(true);
    mTable->setModel(mModel);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setAlternatingRowColors(true);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 8);
    mTable->horizontalHeader()->setStretchLastSection(false);
    mMessage->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("County:"), this));
    filters->addWidget(mCounty);
    filters->addWidget(new QLabel(tr("Type:"), this));
    filters->addWidget(mType);
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(mStatus);
    filters->addWidget(mText, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(mEdit, QDialogButtonBox::ActionRole);
    buttons->addButton(mRetire, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(mCount);
    bottom->addWidget(mMessage, 1);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(mTable, 1);
    layout->addLayout(bottom);

    connect(mCounty, &QComboBox::currentIndexChanged, this,
        [this] { mModel->setCountyFilter(mCounty->currentData().toString()); });
    connect(mType, &QComboBox::currentIndexChanged, this,
        [this] { mModel->setTypeFilter(mType->currentData().toString()); });
    connect(mStatus, &QComboBox::currentIndexChanged, this, [this] {
        mModel->setStatusFilter(SiteTableModel::StatusFilter(mStatus->currentData().toInt()));
    });
    connect(mText, &QLineEdit::textChanged, mModel, &SiteTableModel::setTextFilter);
    connect(mModel, &QAbstractItemModel::modelReset, this, &SiteManagerDialog::updateButtons);
    connect(mTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SiteManagerDialog::updateButtons);
    connect(mTable, &QTableView::doubleClicked, this, &SiteManagerDialog::editCurrent);
    connect(mEdit, &QPushButton::clicked, this, &SiteManagerDialog::editCurrent);
    connect(mRetire, &QPushButton::clicked, this, &SiteManagerDialog::retireCurrent);
    updateButtons();
}

void SiteManagerDialog::setSites(const std::vector<Site> &sites, const std::vector<SiteType> &types,
    const QHash<QString, QString> &countyNames)
{
    const QString selected = currentId();
    mModel->setSites(sites, types, countyNames);
    fillFilters();
    mTable->resizeColumnsToContents();
    // The name takes what is left; the other columns are as wide as their contents.
    mTable->horizontalHeader()->setSectionResizeMode(SiteTableModel::Name, QHeaderView::Stretch);
    if (!selected.isEmpty())
        selectSite(selected);
}

// The county and type lists hold what the sites use, so no filter leads to an empty table.
void SiteManagerDialog::fillFilters()
{
    const QString county = mCounty->currentData().toString();
    const QString type = mType->currentData().toString();
    QSignalBlocker blockCounty(mCounty);
    QSignalBlocker blockType(mType);
    mCounty->clear();
    mType->clear();
    mCounty->addItem(tr("All counties"), QString());
    mType->addItem(tr("All types"), QString());
    std::vector<std::pair<QString, QString>> counties; // name, code
    QStringList typeIds;
    for (const Site &s : mModel->allSites()) {
        if (std::none_of(counties.begin(), counties.end(),
                [&](const auto &c) { return c.second == s.county; }))
            counties.emplace_back(mModel->countyNames().value(s.county, s.county), s.county);
        if (!typeIds.contains(s.type))
            typeIds << s.type;
    }
    std::sort(counties.begin(), counties.end(),
        [](const auto &a, const auto &b) { return a.second < b.second; });
    for (const auto &[name, code] : counties)
        mCounty->addItem(name == code ? code : QStringLiteral("%1 (%2)").arg(name, code), code);
    for (const SiteType &t : mModel->types()) {
        if (typeIds.contains(t.id))
            mType->addItem(mModel->typeName(t.id), t.id);
    }
    mCounty->setCurrentIndex(std::max(0, mCounty->findData(county)));
    mType->setCurrentIndex(std::max(0, mType->findData(type)));
    mModel->setCountyFilter(mCounty->currentData().toString());
    mModel->setTypeFilter(mType->currentData().toString());
}

QString SiteManagerDialog::currentId() const
{
    const QModelIndexList rows = mTable->selectionModel()->selectedRows();
    const Site *s = rows.isEmpty() ? nullptr : mModel->siteAt(rows.first().row());
    return s ? s->id : QString();
}

void SiteManagerDialog::selectSite(const QString &id)
{
    const int row = mModel->rowOf(id);
    if (row >= 0)
        mTable->selectRow(row);
}

void SiteManagerDialog::updateButtons()
{
    const QModelIndexList rows = mTable->selectionModel()->selectedRows();
    const Site *s = rows.isEmpty() ? nullptr : mModel->siteAt(rows.first().row());
    mEdit->setEnabled(s != nullptr);
    mRetire->setEnabled(s && s->isActive());
    mCount->setText(tr("%n site(s)", nullptr, mModel->rowCount()));
}

void SiteManagerDialog::showMessage(const QString &message)
{
    mMessage->setStyleSheet(QString());
    mMessage->setText(message);
}

void SiteManagerDialog::showError(const QString &error)
{
    mMessage->setStyleSheet(QStringLiteral("color: #b00020"));
    mMessage->setText(error);
}

void SiteManagerDialog::editCurrent()
{
    const QModelIndexList rows = mTable->selectionModel()->selectedRows();
    const Site *s = rows.isEmpty() ? nullptr : mModel->siteAt(rows.first().row());
    if (!s)
        return;
    auto *dialog = new SiteEditDialog(mModel->types(), mModel->countyNames(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("siteEditDialog"));
    dialog->setSite(*s, false);
    connect(
        dialog, &QDialog::accepted, this, [this, dialog] { emit saveRequested(dialog->site()); });
    dialog->open();
}

void SiteManagerDialog::retireCurrent()
{
    const QModelIndexList rows = mTable->selectionModel()->selectedRows();
    const Site *s = rows.isEmpty() ? nullptr : mModel->siteAt(rows.first().row());
    if (!s || !s->isActive())
        return;
    const QString id = s->id;
    if (QMessageBox::question(this, tr("Retire site"),
            tr("Retire %1 (%2)? It leaves the map and its open alerts are resolved as \"site "
               "retired\"; its devices and history are kept, and the revision can be restored.")
                .arg(s->name, id))
        != QMessageBox::Yes)
        return;
    emit retireRequested(id);
}

} // namespace dv
