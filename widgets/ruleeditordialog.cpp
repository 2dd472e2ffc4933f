// The early-warning rule editor: the list of rules, a form for one, problems shown as you type.
#include "ruleeditordialog.h"

#include "rulenames.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace dv {

namespace {

enum Column { NameColumn, KindColumn, SeverityColumn, WhenColumn };

// "Feb–Apr · 08:00-18:00", or "All year": when a rule may raise alerts, at a glance in the list.
QString whenText(const AlertRule &rule)
{
    QStringList parts;
    if (rule.hasActiveMonths()) {
        // Runs of consecutive months, so the bud season reads "Feb–Apr", not three names.
        QStringList runs;
        for (int m = 1; m <= 12; ++m) {
            if (!rule.isActiveInMonth(m) || (m > 1 && rule.isActiveInMonth(m - 1)))
                continue;
            int last = m;
            while (last < 12 && rule.isActiveInMonth(last + 1))
                ++last;
            const QString first = QLocale().monthName(m, QLocale::ShortFormat);
            runs << (last == m
                    ? first
                    : first + QChar(0x2013) + QLocale().monthName(last, QLocale::ShortFormat));
        }
        parts << runs.join(QStringLiteral(", "));
    }
    if (rule.hasActiveHours())
        parts << RuleBook::activeHoursText(rule);
    return parts.isEmpty() ? RuleEditorDialog::tr("All year") : parts.join(QStringLiteral(" · "));
}

QIcon problemIcon()
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xc6, 0x28, 0x28));
    p.drawEllipse(QRectF(2, 2, 12, 12));
    p.setPen(QPen(Qt::white, 2));
    p.drawLine(QPointF(8, 5), QPointF(8, 9));
    p.drawPoint(QPointF(8, 11.5));
    return QIcon(pixmap);
}

QIcon okIcon()
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    return QIcon(pixmap);
}

QString kindLabel(AlertRule::Kind kind)
{
    switch (kind) {
    case AlertRule::Threshold:
        return RuleEditorDialog::tr("Threshold");
    case AlertRule::RateOfChange:
        return RuleEditorDialog::tr("Rate");
    case AlertRule::BaselineDeviation:
        return RuleEditorDialog::tr("Baseline");
    case AlertRule::Stale:
        return RuleEditorDialog::tr("Stale");
    case AlertRule::SensorFault:
        return RuleEditorDialog::tr("Sensor fault");
    }
    return {};
}

} // namespace

RuleEditorDialog::RuleEditorDialog(const RuleBook &rules, QWidget *parent)
    : QDialog(parent)
    , mList(new QTreeWidget(this))
    , mForm(new RuleForm(this))
    , mProblems(new QListWidget(this))
    , mDuplicate(new QPushButton(tr("Duplicate"), this))
    , mRemove(new QPushButton(tr("Remove"), this))
{
    setWindowTitle(tr("Early-warning rules"));
    mList->setObjectName(QStringLiteral("ruleList"));
    mList->setHeaderLabels({ tr("Rule"), tr("Kind"), tr("Severity"), tr("Active") });
    mList->setRootIsDecorated(false);
    mList->setUniformRowHeights(true);
    mList->header()->setStretchLastSection(false);
    mList->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    mList->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    mList->header()->setSectionResizeMode(SeverityColumn, QHeaderView::ResizeToContents);
    mList->header()->setSectionResizeMode(WhenColumn, QHeaderView::ResizeToContents);
    mList->setMinimumWidth(380);
    auto *add = new QPushButton(tr("Add"), this);
    auto *defaults = new QPushButton(tr("Restore defaults…"), this);
    auto *listButtons = new QGridLayout;
    listButtons->addWidget(add, 0, 0);
    listButtons->addWidget(mDuplicate, 0, 1);
    listButtons->addWidget(mRemove, 0, 2);
    listButtons->addWidget(defaults, 1, 0, 1, 3);
    auto *left = new QVBoxLayout;
    left->addWidget(mList, 1);
    left->addLayout(listButtons);

    mProblems->setObjectName(QStringLiteral("problems"));
    mProblems->setFixedHeight(4 * mProblems->fontMetrics().height() + 8);
    mProblems->setStyleSheet(QStringLiteral("QListWidget { color: #c62828; }"));
    auto *problemsTitle = new QLabel(tr("Problems:"), this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    auto *import = buttons->addButton(tr("Import…"), QDialogButtonBox::ActionRole);
    mExport = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);

    auto *top = new QHBoxLayout;
    top->addLayout(left, 2);
    top->addWidget(mForm, 5);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(problemsTitle);
    layout->addWidget(mProblems);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &RuleEditorDialog::addRule);
    connect(mDuplicate, &QPushButton::clicked, this, &RuleEditorDialog::duplicateRule);
    connect(mRemove, &QPushButton::clicked, this, &RuleEditorDialog::removeRule);
    connect(defaults, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Restore defaults"),
                tr("Replace every rule in this list with the rules dvdash ships with?"))
            == QMessageBox::Yes)
            restoreDefaults();
    });
    connect(import, &QPushButton::clicked, this, &RuleEditorDialog::chooseImport);
    connect(mExport, &QPushButton::clicked, this, &RuleEditorDialog::chooseExport);
    connect(mList, &QTreeWidget::currentItemChanged, this, &RuleEditorDialog::showCurrent);
    connect(mForm, &RuleForm::edited, this, &RuleEditorDialog::formEdited);
    connect(mProblems, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { selectRule(item->data(Qt::UserRole).toInt()); });
    connect(mProblems, &QListWidget::itemClicked, this,
        [this](QListWidgetItem *item) { selectRule(item->data(Qt::UserRole).toInt()); });

    QVector<Entry> entries;
    for (const AlertRule &rule : rules.rules())
        entries.append({ rule, {} });
    setEntries(std::move(entries), 0);
    resize(1180, 720);
}

RuleBook RuleEditorDialog::rules() const
{
    QVector<AlertRule> rules;
    rules.reserve(mEntries.size());
    for (const Entry &e : mEntries)
        rules.append(e.rule);
    return RuleBook(std::move(rules));
}

int RuleEditorDialog::currentRow() const
{
    return mList->currentItem() ? mList->indexOfTopLevelItem(mList->currentItem()) : -1;
}

void RuleEditorDialog::selectRule(int row)
{
    if (QTreeWidgetItem *item = mList->topLevelItem(row))
        mList->setCurrentItem(item);
}

QStringList RuleEditorDialog::problems() const
{
    QStringList lines;
    for (int i = 0; i < mProblems->count(); ++i) {
        if (mProblems->item(i)->data(Qt::UserRole).toInt() >= 0) // not the "None" line
            lines.append(mProblems->item(i)->text());
    }
    return lines;
}

QVector<RuleIssue> RuleEditorDialog::issuesOf(int row) const
{
    return mIssues.value(row);
}

void RuleEditorDialog::setEntries(QVector<Entry> entries, int select)
{
    // A shipped rule nobody renamed is edited under its name in the user's language.
    for (Entry &entry : entries)
        entry.rule.name = RuleNames::display(entry.rule);
    mEntries = std::move(entries);
    {
        const QSignalBlocker block(mList);
        mList->clear();
        for (int i = 0; i < mEntries.size(); ++i) {
            mList->addTopLevelItem(new QTreeWidgetItem);
            updateItem(i);
        }
    }
    revalidate();
    if (mEntries.isEmpty())
        showCurrent();
    else
        selectRule(std::clamp(select, 0, int(mEntries.size()) - 1));
}

void RuleEditorDialog::showCurrent()
{
    const int row = currentRow();
    const bool valid = row >= 0 && row < mEntries.size();
    mForm->setEnabled(valid);
    mDuplicate->setEnabled(valid);
    mRemove->setEnabled(valid);
    mForm->setRule(
        valid ? mEntries[row].rule : AlertRule(), valid ? mEntries[row].drafts : RuleDrafts());
    mForm->setIssues(mIssues.value(row));
}

void RuleEditorDialog::formEdited()
{
    const int row = currentRow();
    if (row < 0 || row >= mEntries.size())
        return;
    mEntries[row] = { mForm->rule(), mForm->drafts() };
    updateItem(row);
    revalidate();
}

void RuleEditorDialog::revalidate()
{
    mIssues = QVector<QVector<RuleIssue>>(mEntries.size());
    for (int i = 0; i < mEntries.size(); ++i)
        mIssues[i] = RuleForm::draftIssues(mEntries[i].drafts);
    // "rules[2].recovery: must be below …": the book's own checks, duplicates included.
    for (const QString &problem : rules().validate()) {
        const int close = problem.indexOf(QLatin1String("]."));
        const int colon = problem.indexOf(QLatin1String(": "), close);
        if (!problem.startsWith(QLatin1String("rules[")) || close < 0 || colon < 0)
            continue;
        const int row = problem.mid(6, close - 6).toInt();
        const QString field = problem.mid(close + 2, colon - close - 2);
        // The typed text is the problem, not the last good value the rule still holds.
        if (row >= 0 && row < mIssues.size() && !mEntries[row].drafts.contains(field))
            mIssues[row].append({ field, problem.mid(colon + 2) });
    }

    mProblems->clear();
    for (int i = 0; i < mIssues.size(); ++i) {
        QStringList tips;
        const AlertRule &rule = mEntries[i].rule;
        const QString name = rule.name.trimmed().isEmpty()
            ? (rule.id.isEmpty() ? tr("Rule %1").arg(i + 1) : rule.id)
            : rule.name.trimmed();
        for (const RuleIssue &issue : mIssues[i]) {
            const QString text
                = RuleForm::fieldLabel(issue.field) + QLatin1Char(' ') + issue.message;
            tips.append(text);
            auto *item = new QListWidgetItem(tr("%1 — %2").arg(name, text), mProblems);
            item->setData(Qt::UserRole, i);
        }
        if (QTreeWidgetItem *item = mList->topLevelItem(i)) {
            item->setIcon(NameColumn, tips.isEmpty() ? okIcon() : problemIcon());
            item->setToolTip(NameColumn, tips.join(QLatin1Char('\n')));
        }
    }
    if (mProblems->count() == 0) {
        auto *none = new QListWidgetItem(tr("None"), mProblems);
        none->setFlags(Qt::NoItemFlags);
        none->setData(Qt::UserRole, -1);
    }
    const int row = currentRow();
    mForm->setIssues(mIssues.value(row));
    const bool ok = std::all_of(
        mIssues.begin(), mIssues.end(), [](const QVector<RuleIssue> &i) { return i.isEmpty(); });
    mOk->setEnabled(ok);
    mExport->setEnabled(ok);
}

void RuleEditorDialog::updateItem(int row)
{
    QTreeWidgetItem *item = mList->topLevelItem(row);
    if (!item || row >= mEntries.size())
        return;
    const AlertRule &rule = mEntries[row].rule;
    item->setText(NameColumn, rule.name.isEmpty() ? rule.id : rule.name);
    item->setText(KindColumn, kindLabel(rule.kind));
    item->setText(
        SeverityColumn, rule.severity == AlertRule::Critical ? tr("Critical") : tr("Warning"));
    item->setForeground(SeverityColumn,
        rule.severity == AlertRule::Critical ? QColor(0xc6, 0x28, 0x28) : QColor(0x9a, 0x67, 0x00));
    item->setText(WhenColumn, whenText(rule));
}

QString RuleEditorDialog::uniqueId(const QString &base) const
{
    QString id = base;
    for (int n = 2; std::any_of(
             mEntries.begin(), mEntries.end(), [&id](const Entry &e) { return e.rule.id == id; });
         ++n)
        id = base + QLatin1Char('_') + QString::number(n);
    return id;
}

QString RuleEditorDialog::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; std::any_of(mEntries.begin(), mEntries.end(),
             [&name](const Entry &e) { return e.rule.name.trimmed() == name; });
         ++n)
        name = base + QLatin1Char(' ') + QString::number(n);
    return name;
}

void RuleEditorDialog::addRule()
{
    Entry entry;
    entry.rule.id = uniqueId(QStringLiteral("new_rule"));
    entry.rule.name = uniqueName(tr("New rule"));
    entry.rule.metric = QStringLiteral("air_temperature");
    entry.rule.trigger = 30;
    entry.rule.recovery = 28;
    QVector<Entry> entries = mEntries;
    entries.append(entry);
    setEntries(std::move(entries), mEntries.size());
}

void RuleEditorDialog::duplicateRule()
{
    const int row = currentRow();
    if (row < 0 || row >= mEntries.size())
        return;
    Entry entry = mEntries[row];
    entry.rule.id = uniqueId(entry.rule.id + QStringLiteral("_copy"));
    entry.rule.name = uniqueName(tr("%1 (copy)").arg(entry.rule.name.trimmed()));
    QVector<Entry> entries = mEntries;
    entries.insert(row + 1, entry);
    setEntries(std::move(entries), row + 1);
}

void RuleEditorDialog::removeRule()
{
    const int row = currentRow();
    if (row < 0 || row >= mEntries.size())
        return;
    QVector<Entry> entries = mEntries;
    entries.remove(row);
    setEntries(std::move(entries), row);
}

void RuleEditorDialog::restoreDefaults()
{
    const RuleBook defaults = RuleBook::defaults();
    QVector<Entry> entries;
    for (const AlertRule &rule : defaults.rules())
        entries.append({ rule, {} });
    setEntries(std::move(entries), 0);
}

bool RuleEditorDialog::importFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot be read: %2").arg(path, file.errorString());
        return false;
    }
    const std::optional<RuleBook> book = RuleBook::fromJson(file.readAll(), error);
    if (!book)
        return false;
    QVector<Entry> entries;
    for (const AlertRule &rule : book->rules())
        entries.append({ rule, {} });
    setEntries(std::move(entries), 0);
    return true;
}

bool RuleEditorDialog::exportFile(const QString &path, QString *error) const
{
    // A file with problems could not be read back, so only a usable book is written.
    const QStringList problems = rules().validate();
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QLatin1Char('\n'));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(rules().toJson()) < 0 || !file.commit()) {
        if (error)
            *error = tr("%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void RuleEditorDialog::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import rules"), QString(), tr("Rule files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!importFile(path, &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Import rules"),
            tr("The rules were not imported; the list is unchanged."), QMessageBox::Ok, this);
        box.setInformativeText(
            error.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
        box.exec();
    }
}

void RuleEditorDialog::chooseExport()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export rules"), QStringLiteral("dvdash-rules.json"), tr("Rule files (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QLatin1String(".json");
    QString error;
    if (!exportFile(path, &error))
        QMessageBox::warning(this, tr("Export rules"), error);
}

} // namespace dv
