// The data-quality view: problems by kind, quarantined devices to accept, the latest problems.
#include "dataqualitypanel.h"

#include "chinatime.h"
#include "dataqualitylog.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace dv {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

QTableWidgetItem *item(const QString &text, Qt::Alignment align = Qt::AlignLeft)
{
    auto *i = new QTableWidgetItem(text);
    i->setTextAlignment(align | Qt::AlignVCenter);
    return i;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    return l;
}

} // namespace

DataQualityPanel::DataQualityPanel(
    DataQualityLog *log, QuarantineSource quarantine, CountSource duplicates, QWidget *parent)
    : QWidget(parent)
    , mLog(log)
    , mQuarantineSource(std::move(quarantine))
    , mDuplicates(std::move(duplicates))
{
    mCounts = makeTable({ tr("Problem"), tr("Count") }, this);
    mCounts->horizontalHeader()->setStretchLastSection(false);
    mCounts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    mQuarantine = makeTable({ tr("Device"), tr("Readings held"), QString(), QString() }, this);
    mRecent = makeTable({ tr("Time"), tr("Source"), tr("Field"), tr("Problem") }, this);
    mQuarantineNote = new QLabel(
        tr("Devices the store does not know send to quarantine: their readings are held, not "
           "stored, until you accept them."),
        this);
    mQuarantineNote->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Problems since the dashboard started"), this));
    layout->addWidget(mCounts, 2);
    layout->addWidget(heading(tr("Quarantined devices"), this));
    layout->addWidget(mQuarantineNote);
    layout->addWidget(mQuarantine, 1);
    layout->addWidget(heading(tr("Latest problems"), this));
    layout->addWidget(mRecent, 3);

    connect(mLog, &DataQualityLog::changed, this, [this] { mRecentDirty = true; });
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    timer->start(2000);
    refresh();
}

void DataQualityPanel::refresh()
{
    refreshCounts();
    refreshQuarantine();
    if (mRecentDirty)
        refreshRecent();
}

void DataQualityPanel::refreshCounts()
{
    QList<QPair<QString, qint64>> rows;
    for (int kind = 0; kind < DataQualityLog::KindCount; ++kind) {
        if (mLog->count(kind) > 0)
            rows.append({ DataQualityLog::kindLabel(kind), mLog->count(kind) });
    }
    const qint64 duplicates = mDuplicates ? mDuplicates() : 0;
    if (duplicates > 0)
        rows.append({ tr("Duplicate readings (stored once)"), duplicates });
    if (rows.isEmpty())
        rows.append({ tr("No problems"), 0 });
    mCounts->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        mCounts->setItem(r, 0, item(rows[r].first));
        mCounts->setItem(r, 1, item(QLocale().toString(rows[r].second), Qt::AlignRight));
    }
    mCounts->resizeColumnToContents(1);
}

void DataQualityPanel::refreshQuarantine()
{
    const QMap<QString, qint64> held
        = mQuarantineSource ? mQuarantineSource() : QMap<QString, qint64>();
    // Rebuild the rows only when the devices change: a button replaced under the mouse every
    // refresh would swallow the click.
    bool sameDevices = mQuarantine->rowCount() == held.size();
    int r = 0;
    for (auto it = held.begin(); sameDevices && it != held.end(); ++it, ++r)
        sameDevices = mQuarantine->item(r, 0) && mQuarantine->item(r, 0)->text() == it.key();
    if (!sameDevices) {
        mQuarantine->setRowCount(int(held.size()));
        r = 0;
        for (auto it = held.begin(); it != held.end(); ++it, ++r) {
            mQuarantine->setItem(r, 0, item(it.key()));
            auto *accept = new QPushButton(tr("Accept"), mQuarantine);
            accept->setToolTip(tr("Register %1 and store its held readings").arg(it.key()));
            connect(accept, &QPushButton::clicked, this,
                [this, key = it.key()] { emit acceptRequested({ key }); });
            mQuarantine->setCellWidget(r, 2, accept);
            // A device whose topic names a site the office has not registered (or names
            // wrongly) joins one of the office's sites instead.
            auto *intoSite = new QPushButton(tr("Accept into site…"), mQuarantine);
            intoSite->setToolTip(tr("Register %1 under one of your sites").arg(it.key()));
            connect(intoSite, &QPushButton::clicked, this,
                [this, key = it.key()] { emit acceptIntoSiteRequested({ key }); });
            mQuarantine->setCellWidget(r, 3, intoSite);
        }
        mQuarantine->resizeColumnToContents(0);
    }
    r = 0;
    for (auto it = held.begin(); it != held.end(); ++it, ++r)
        mQuarantine->setItem(r, 1, item(QLocale().toString(it.value()), Qt::AlignRight));
}

void DataQualityPanel::refreshRecent()
{
    mRecentDirty = false;
    const auto &recent = mLog->recent();
    mRecent->setRowCount(int(recent.size()));
    int r = 0;
    for (const DataProblem &p : recent) {
        mRecent->setItem(r, 0,
            item(ChinaTime::dateTime(p.time).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        mRecent->setItem(r, 1, item(p.source));
        mRecent->setItem(r, 2, item(p.issue.field));
        mRecent->setItem(r, 3, item(p.issue.message));
        ++r;
    }
    mRecent->resizeColumnsToContents();
}

} // namespace dv
