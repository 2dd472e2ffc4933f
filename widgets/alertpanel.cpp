// The alert list: open alerts first, sorted and filtered; acknowledge with a name and a note.
#include "alertpanel.h"

#include "alertrecord.h"
#include "alerttablemodel.h"
#include "rulenames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace dv {

namespace {

// Severity and free text in one proxy: the text matches county, site, device and rule.
class AlertFilterProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    int severity = 0; // 0 all, 1 critical, 2 warning
    QString text;
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const auto *model = static_cast<const AlertTableModel *>(sourceModel());
        const AlertRecord *a = model->alertAt(row);
        if (!a || (severity == 1 && !a->critical) || (severity == 2 && a->critical))
            return false;
        if (text.isEmpty())
            return true;
        for (int c : { AlertTableModel::County, AlertTableModel::Site, AlertTableModel::Device,
                 AlertTableModel::Rule }) {
            if (model->index(row, c).data().toString().contains(text, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
};

QString systemUserName()
{
    QString name = qEnvironmentVariable("USERNAME"); // Windows
    if (name.isEmpty())
        name = qEnvironmentVariable("USER");
    return name;
}

} // namespace

AlertPanel::AlertPanel(AlertTableModel *model, QWidget *parent)
    : QWidget(parent)
    , mModel(model)
    , mProxy(new AlertFilterProxy(this))
    , mView(new QTableView(this))
    , mShowResolved(new QCheckBox(tr("Show resolved"), this))
    , mSeverity(new QComboBox(this))
    , mFilter(new QLineEdit(this))
    , mAcknowledge(new QPushButton(tr("Acknowledge…"), this))
{
    mProxy->setSourceModel(model);
    mProxy->setSortRole(AlertTableModel::SortRole);
    mView->setModel(mProxy);
    mView->setSortingEnabled(true);
    mView->sortByColumn(AlertTableModel::Raised, Qt::DescendingOrder);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->verticalHeader()->hide();
    mView->horizontalHeader()->setStretchLastSection(true);
    mView->setWordWrap(false);

    mSeverity->addItems({ tr("All severities"), tr("Critical"), tr("Warning") });
    mFilter->setPlaceholderText(tr("Filter by county, site, device or rule"));
    mFilter->setClearButtonEnabled(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(mSeverity);
    bar->addWidget(mFilter, 1);
    bar->addWidget(mShowResolved);
    bar->addWidget(mAcknowledge);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(mView, 1);

    connect(mSeverity, &QComboBox::currentIndexChanged, this, &AlertPanel::setSeverityFilter);
    connect(mFilter, &QLineEdit::textChanged, this, &AlertPanel::setTextFilter);
    connect(mShowResolved, &QCheckBox::toggled, this, &AlertPanel::showResolvedChanged);
    connect(mAcknowledge, &QPushButton::clicked, this, &AlertPanel::acknowledgeSelected);
    connect(mView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &AlertPanel::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        mView->resizeColumnsToContents();
        updateButtons();
    });
    connect(mView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const AlertRecord *a = alertAtRow(index.row()))
            emit alertActivated(a->deviceKey, a->activatedAt > 0 ? a->activatedAt : a->raisedAt);
    });
    updateButtons();
}

void AlertPanel::setShowResolved(bool on)
{
    mShowResolved->setChecked(on);
}

void AlertPanel::setSeverityFilter(int index)
{
    auto *proxy = static_cast<AlertFilterProxy *>(mProxy);
    proxy->severity = index;
    if (mSeverity->currentIndex() != index)
        mSeverity->setCurrentIndex(index);
    proxy->refilter();
}

void AlertPanel::setTextFilter(const QString &text)
{
    // Asked from outside (a county's summary): the field shows it; its change comes back here.
    if (mFilter->text() != text) {
        mFilter->setText(text);
        return;
    }
    auto *proxy = static_cast<AlertFilterProxy *>(mProxy);
    proxy->text = text.trimmed();
    proxy->refilter();
}

int AlertPanel::visibleRows() const
{
    return mProxy->rowCount();
}

const AlertRecord *AlertPanel::alertAtRow(int row) const
{
    return mModel->alertAt(mProxy->mapToSource(mProxy->index(row, 0)).row());
}

void AlertPanel::updateButtons()
{
    const QModelIndexList rows = mView->selectionModel()->selectedRows();
    const AlertRecord *a = rows.isEmpty() ? nullptr : alertAtRow(rows.first().row());
    mAcknowledge->setEnabled(a && a->isOpen());
}

void AlertPanel::acknowledgeSelected()
{
    const QModelIndexList rows = mView->selectionModel()->selectedRows();
    const AlertRecord *a = rows.isEmpty() ? nullptr : alertAtRow(rows.first().row());
    if (!a || !a->isOpen())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Acknowledge alert"));
    auto *form = new QFormLayout(&dialog);
    // Names, not 520330/P0033/tag-0005: the official acknowledges a sow on a farm in a county.
    form->addRow(new QLabel(
        QStringLiteral("<b>%1</b> · %2")
            .arg(RuleNames::display(*a).toHtmlEscaped(), mModel->placeText(*a).toHtmlEscaped()),
        &dialog));
    auto *who = new QLineEdit(
        a->acknowledgedBy.isEmpty() ? systemUserName() : a->acknowledgedBy, &dialog);
    auto *note = new QLineEdit(a->note, &dialog);
    note->setPlaceholderText(tr("What was done, e.g. vet called, tag checked"));
    form->addRow(tr("Who:"), who);
    form->addRow(tr("Note:"), note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    // A name is required: an acknowledgement says who took responsibility.
    auto validate = [who, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!who->text().trimmed().isEmpty());
    };
    connect(who, &QLineEdit::textChanged, &dialog, validate);
    validate();
    const quint64 episode = a->episode;
    if (dialog.exec() == QDialog::Accepted)
        emit acknowledgeRequested(episode, who->text().trimmed(), note->text().trimmed());
}

} // namespace dv
