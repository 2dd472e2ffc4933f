// The form for one early-warning rule: every field, shown as the rule's kind needs it.
#include "ruleform.h"

#include "metriccatalogue.h"
#include "rulebook.h"
#include "timeunits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTime>
#include <QTimeEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace dv {

namespace {

// Wide enough for any metric, in the metric's unit; the rule's own checks judge the value.
constexpr double kThresholdLimit = 1e6;
constexpr int kMaxDecimals = 4;

QDoubleSpinBox *thresholdBox(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(-kThresholdLimit, kThresholdLimit);
    return box;
}

void setComboData(QComboBox *combo, const QVariant &data)
{
    combo->setCurrentIndex(std::max(0, combo->findData(data)));
}

} // namespace

RuleForm::RuleForm(QWidget *parent)
    : QWidget(parent)
    , mId(new QLineEdit(this))
    , mName(new QLineEdit(this))
    , mKind(new QComboBox(this))
    , mMetric(new QComboBox(this))
    , mDirection(new QComboBox(this))
    , mSeverity(new QComboBox(this))
    , mTrigger(thresholdBox(this))
    , mRecovery(thresholdBox(this))
    , mMinimumDuration(new QLineEdit(this))
    , mWindow(new QLineEdit(this))
    , mStaleFactor(new QDoubleSpinBox(this))
    , mCounty(new QLineEdit(this))
    , mSiteType(new QComboBox(this))
    , mSite(new QLineEdit(this))
    , mDevice(new QLineEdit(this))
    , mActiveHours(new QCheckBox(tr("Only from"), this))
    , mActiveFrom(new QTimeEdit(this))
    , mActiveTo(new QTimeEdit(this))
    , mMonthsNote(new QLabel(this))
    , mSource(new QPlainTextEdit(this))
{
    mId->setPlaceholderText(tr("letters, digits, _ - ."));
    mKind->addItem(tr("Threshold"), AlertRule::Threshold);
    mKind->addItem(tr("Rate of change"), AlertRule::RateOfChange);
    mKind->addItem(tr("Deviation from own baseline"), AlertRule::BaselineDeviation);
    mKind->addItem(tr("No data (stale)"), AlertRule::Stale);
    mKind->addItem(tr("Sensor fault"), AlertRule::SensorFault);
    mMetric->addItem(tr("Any metric"), QString());
    for (const MetricInfo &m : MetricCatalogue::all())
        mMetric->addItem(MetricCatalogue::label(m.id), QString::fromUtf8(m.name));
    mDirection->addItem(tr("Above"), AlertRule::Above);
    mDirection->addItem(tr("Below"), AlertRule::Below);
    mSeverity->addItem(tr("Warning"), AlertRule::Warning);
    mSeverity->addItem(tr("Critical"), AlertRule::Critical);
    mMinimumDuration->setPlaceholderText(tr("e.g. 30m, 2h, 3d"));
    mWindow->setPlaceholderText(tr("e.g. 1h"));
    mStaleFactor->setRange(0, 1000);
    mStaleFactor->setDecimals(1);
    mStaleFactor->setSuffix(tr(" × usual interval"));
    mCounty->setPlaceholderText(tr("any county; e.g. 520328"));
    mSiteType->addItem(tr("Any site type"), QString());
    mSiteType->addItem(tr("Tea garden"), QStringLiteral("tea_garden"));
    mSiteType->addItem(tr("Pig farm"), QStringLiteral("pig_farm"));
    mSiteType->addItem(tr("Clinic"), QStringLiteral("clinic"));
    mSite->setPlaceholderText(tr("any site; e.g. T0001"));
    mDevice->setPlaceholderText(tr("any device; e.g. 520328/T0001/station-1"));
    mActiveFrom->setDisplayFormat(QStringLiteral("HH:mm"));
    mActiveTo->setDisplayFormat(QStringLiteral("HH:mm"));
    mSource->setPlaceholderText(tr("Where the numbers come from"));
    mSource->setTabChangesFocus(true);

    auto *ruleBox = new QGroupBox(tr("Rule"), this);
    auto *ruleForm = new QFormLayout(ruleBox);
    addField(ruleForm, QStringLiteral("id"), mId);
    addField(ruleForm, QStringLiteral("name"), mName);
    addField(ruleForm, QStringLiteral("kind"), mKind);
    addField(ruleForm, QStringLiteral("metric"), mMetric);
    addField(ruleForm, QStringLiteral("direction"), mDirection);
    addField(ruleForm, QStringLiteral("severity"), mSeverity);
    addField(ruleForm, QStringLiteral("trigger"), mTrigger);
    addField(ruleForm, QStringLiteral("recovery"), mRecovery);
    addField(ruleForm, QStringLiteral("minimum_duration"), mMinimumDuration);
    addField(ruleForm, QStringLiteral("window"), mWindow);
    addField(ruleForm, QStringLiteral("stale_factor"), mStaleFactor);

    auto *scopeBox = new QGroupBox(tr("Where and when"), this);
    auto *scopeForm = new QFormLayout(scopeBox);
    addField(scopeForm, QStringLiteral("scope.county"), mCounty);
    addField(scopeForm, QStringLiteral("scope.site_type"), mSiteType);
    addField(scopeForm, QStringLiteral("scope.site"), mSite);
    addField(scopeForm, QStringLiteral("scope.device"), mDevice);
    auto *hours = new QWidget(this);
    auto *hoursLayout = new QHBoxLayout(hours);
    hoursLayout->setContentsMargins(0, 0, 0, 0);
    hoursLayout->addWidget(mActiveHours);
    hoursLayout->addWidget(mActiveFrom);
    hoursLayout->addWidget(new QLabel(tr("to"), hours));
    hoursLayout->addWidget(mActiveTo);
    hoursLayout->addWidget(new QLabel(tr("China time"), hours), 1);
    addField(scopeForm, QStringLiteral("active_hours"), hours);
    // Twelve toggles rather than a text field: a season is seen at a glance, and December
    // cannot be typed as 13.
    auto *months = new QWidget(this);
    auto *monthsLayout = new QHBoxLayout(months);
    monthsLayout->setContentsMargins(0, 0, 0, 0);
    monthsLayout->setSpacing(2);
    for (int m = 1; m <= 12; ++m) {
        auto *b = new QToolButton(months);
        b->setCheckable(true);
        b->setAutoRaise(false);
        b->setText(QLocale().monthName(m, QLocale::ShortFormat));
        b->setToolTip(QLocale().monthName(m));
        b->setObjectName(QStringLiteral("active_months.%1").arg(m));
        connect(b, &QToolButton::toggled, this, &RuleForm::activeMonthsEdited);
        monthsLayout->addWidget(b);
        mMonths.append(b);
    }
    monthsLayout->addWidget(mMonthsNote, 1);
    addField(scopeForm, QStringLiteral("active_months"), months);
    addField(scopeForm, QStringLiteral("source"), mSource);
    auto *scopeNote = new QLabel(tr("Empty fields match every device."), scopeBox);
    scopeNote->setEnabled(false);
    scopeForm->insertRow(0, scopeNote);

    // Object names are the JSON field names, so tests and problem lists speak the same language.
    for (auto it = mFields.begin(); it != mFields.end(); ++it)
        it->editor->setObjectName(it.key());
    mActiveHours->setObjectName(QStringLiteral("active_hours.enabled"));
    mActiveFrom->setObjectName(QStringLiteral("active_hours.from"));
    mActiveTo->setObjectName(QStringLiteral("active_hours.to"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(ruleBox, 1);
    layout->addWidget(scopeBox, 1);

    auto text = [this](QString AlertRule::*member) {
        return [this, member](const QString &value) {
            mRule.*member = value;
            commit();
        };
    };
    connect(mId, &QLineEdit::textChanged, this, text(&AlertRule::id));
    connect(mName, &QLineEdit::textChanged, this, text(&AlertRule::name));
    connect(mMetric, &QComboBox::currentIndexChanged, this, [this] {
        mRule.metric = mMetric->currentData().toString();
        updateUnit();
        commit();
    });
    connect(mKind, &QComboBox::currentIndexChanged, this, [this] {
        mRule.kind = static_cast<AlertRule::Kind>(mKind->currentData().toInt());
        // Sensible starting values rather than an error for a field the user has not seen yet.
        if (mRule.kind == AlertRule::RateOfChange && mRule.windowMs <= 0
            && !mDrafts.contains(QStringLiteral("window"))) {
            mRule.windowMs = kHourMs;
            const QSignalBlocker block(mWindow);
            mWindow->setText(RuleBook::durationText(mRule.windowMs));
        }
        if (mRule.kind == AlertRule::Stale && !(mRule.staleFactor > 1)) {
            mRule.staleFactor = 6;
            const QSignalBlocker block(mStaleFactor);
            mStaleFactor->setValue(mRule.staleFactor);
        }
        updateKindFields();
        commit();
    });
    connect(mDirection, &QComboBox::currentIndexChanged, this, [this] {
        mRule.direction = static_cast<AlertRule::Direction>(mDirection->currentData().toInt());
        commit();
    });
    connect(mSeverity, &QComboBox::currentIndexChanged, this, [this] {
        mRule.severity = static_cast<AlertRule::Severity>(mSeverity->currentData().toInt());
        commit();
    });
    connect(mTrigger, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        mRule.trigger = v;
        commit();
    });
    connect(mRecovery, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        mRule.recovery = v;
        commit();
    });
    connect(mStaleFactor, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        mRule.staleFactor = v;
        commit();
    });
    connect(mMinimumDuration, &QLineEdit::textChanged, this,
        [this](const QString &t) { durationEdited(QStringLiteral("minimum_duration"), t); });
    connect(mWindow, &QLineEdit::textChanged, this,
        [this](const QString &t) { durationEdited(QStringLiteral("window"), t); });
    auto scopeText = [this](QString AlertScope::*member) {
        return [this, member](const QString &value) {
            mRule.scope.*member = value.trimmed();
            commit();
        };
    };
    connect(mCounty, &QLineEdit::textChanged, this, scopeText(&AlertScope::countyCode));
    connect(mSite, &QLineEdit::textChanged, this, scopeText(&AlertScope::siteId));
    connect(mDevice, &QLineEdit::textChanged, this, scopeText(&AlertScope::deviceKey));
    connect(mSiteType, &QComboBox::currentIndexChanged, this, [this] {
        mRule.scope.siteType = mSiteType->currentData().toString();
        commit();
    });
    connect(mActiveHours, &QCheckBox::toggled, this, &RuleForm::activeHoursEdited);
    connect(mActiveFrom, &QTimeEdit::timeChanged, this, &RuleForm::activeHoursEdited);
    connect(mActiveTo, &QTimeEdit::timeChanged, this, &RuleForm::activeHoursEdited);
    connect(mSource, &QPlainTextEdit::textChanged, this, [this] {
        if (mLoading)
            return;
        mRule.source = mSource->toPlainText();
        commit();
    });
    setRule(AlertRule());
}

QLabel *RuleForm::addField(QFormLayout *form, const QString &field, QWidget *editor)
{
    auto *problem = new QLabel(this);
    problem->setObjectName(QStringLiteral("problem:") + field);
    problem->setStyleSheet(QStringLiteral("color: #c62828"));
    problem->setWordWrap(true);
    form->addRow(fieldLabel(field) + QLatin1Char(':'), editor);
    form->addRow(QString(), problem);
    form->setRowVisible(problem, false);
    mFields.insert(field, { form, editor, problem });
    return problem;
}

void RuleForm::setRule(const AlertRule &rule, const RuleDrafts &drafts)
{
    mLoading = true;
    mRule = rule;
    mDrafts = drafts;
    const QList<QWidget *> editors = { mId, mName, mKind, mMetric, mDirection, mSeverity, mTrigger,
        mRecovery, mMinimumDuration, mWindow, mStaleFactor, mCounty, mSiteType, mSite, mDevice,
        mActiveHours, mActiveFrom, mActiveTo, mSource };
    std::vector<QSignalBlocker> blockers;
    blockers.reserve(std::size_t(editors.size() + mMonths.size()));
    for (QWidget *w : editors)
        blockers.emplace_back(w);
    for (QAbstractButton *b : std::as_const(mMonths))
        blockers.emplace_back(b);

    mId->setText(rule.id);
    mName->setText(rule.name);
    setComboData(mKind, rule.kind);
    if (mMetric->findData(rule.metric) < 0) // not in this version's catalogue
        mMetric->addItem(rule.metric, rule.metric);
    setComboData(mMetric, rule.metric);
    setComboData(mDirection, rule.direction);
    setComboData(mSeverity, rule.severity);
    updateUnit(); // decimals before values, so that no digit is rounded away
    mTrigger->setValue(rule.trigger);
    mRecovery->setValue(rule.recovery);
    mMinimumDuration->setText(drafts.value(QStringLiteral("minimum_duration"),
        rule.minimumDurationMs > 0 ? RuleBook::durationText(rule.minimumDurationMs) : QString()));
    mWindow->setText(drafts.value(QStringLiteral("window"),
        rule.windowMs > 0 ? RuleBook::durationText(rule.windowMs) : QString()));
    mStaleFactor->setValue(rule.staleFactor);
    mCounty->setText(rule.scope.countyCode);
    if (mSiteType->findData(rule.scope.siteType) < 0)
        mSiteType->addItem(rule.scope.siteType, rule.scope.siteType);
    setComboData(mSiteType, rule.scope.siteType);
    mSite->setText(rule.scope.siteId);
    mDevice->setText(rule.scope.deviceKey);
    mActiveHours->setChecked(rule.hasActiveHours());
    const auto time = [](int minute) { return QTime(minute / 60, minute % 60); };
    mActiveFrom->setTime(rule.hasActiveHours() ? time(rule.activeFromMinute) : QTime(8, 0));
    mActiveTo->setTime(rule.activeToMinute >= 0 ? time(rule.activeToMinute) : QTime(18, 0));
    for (int m = 1; m <= 12; ++m)
        mMonths[m - 1]->setChecked(rule.hasActiveMonths() && rule.isActiveInMonth(m));
    mSource->setPlainText(rule.source);
    updateKindFields();
    mLoading = false;
}

void RuleForm::updateKindFields()
{
    const bool thresholds = mRule.hasThresholds();
    const QHash<QString, bool> used = {
        { QStringLiteral("direction"), thresholds },
        { QStringLiteral("trigger"), thresholds },
        { QStringLiteral("recovery"), thresholds },
        { QStringLiteral("window"), mRule.kind == AlertRule::RateOfChange },
        { QStringLiteral("stale_factor"), mRule.kind == AlertRule::Stale },
    };
    for (auto it = mFields.begin(); it != mFields.end(); ++it) {
        it->used = used.value(it.key(), true);
        it->form->setRowVisible(it->editor, it->used);
        it->form->setRowVisible(it->problem, it->used && !it->problem->text().isEmpty());
    }
    const bool hours = mActiveHours->isChecked();
    mActiveFrom->setEnabled(hours);
    mActiveTo->setEnabled(hours);
    mMonthsNote->setText(mRule.hasActiveMonths() ? QString() : tr("all year"));
}

void RuleForm::updateUnit()
{
    const MetricInfo *m = MetricCatalogue::byName(mRule.metric);
    const QString unit = m && *m->unit ? QLatin1Char(' ') + QString::fromUtf8(m->unit) : QString();
    // A rate rule judges the change within the window, a baseline rule the difference from the
    // device's own median: both still in the metric's unit.
    mTrigger->setSuffix(unit);
    mRecovery->setSuffix(unit);
    // The metric's precision, or more when the rule's own numbers need it, so showing a rule
    // never hides a digit of it.
    int decimals = std::max(1, m ? m->decimals : 1);
    for (double v : { mRule.trigger, mRule.recovery }) {
        while (decimals < kMaxDecimals
            && std::abs(v * std::pow(10, decimals) - std::round(v * std::pow(10, decimals))) > 1e-6)
            ++decimals;
    }
    mTrigger->setDecimals(decimals);
    mRecovery->setDecimals(decimals);
}

void RuleForm::durationEdited(const QString &field, const QString &text)
{
    const bool window = field == QLatin1String("window");
    qint64 &target = window ? mRule.windowMs : mRule.minimumDurationMs;
    if (text.trimmed().isEmpty() && !window) {
        mDrafts.remove(field);
        target = 0;
    } else if (const auto ms = RuleBook::parseDuration(text)) {
        mDrafts.remove(field);
        target = *ms;
    } else {
        mDrafts.insert(field, text);
    }
    commit();
}

void RuleForm::activeHoursEdited()
{
    const bool on = mActiveHours->isChecked();
    const auto minute = [](const QTime &t) { return t.hour() * 60 + t.minute(); };
    mRule.activeFromMinute = on ? minute(mActiveFrom->time()) : -1;
    mRule.activeToMinute = on ? minute(mActiveTo->time()) : -1;
    updateKindFields();
    commit();
}

void RuleForm::activeMonthsEdited()
{
    mRule.activeMonths = 0;
    for (int m = 1; m <= 12; ++m) {
        if (mMonths[m - 1]->isChecked())
            mRule.activeMonths |= quint16(1u << (m - 1));
    }
    updateKindFields();
    commit();
}

void RuleForm::commit()
{
    if (!mLoading)
        emit edited();
}

void RuleForm::setIssues(const QVector<RuleIssue> &issues)
{
    QHash<QString, QStringList> byField;
    for (const RuleIssue &issue : issues)
        byField[issue.field].append(fieldLabel(issue.field) + QLatin1Char(' ') + issue.message);
    for (auto it = mFields.begin(); it != mFields.end(); ++it) {
        const QStringList messages = byField.value(it.key());
        it->problem->setText(messages.join(QLatin1Char('\n')));
        it->form->setRowVisible(it->problem, it->used && !messages.isEmpty());
        // A red frame on text fields too; a style sheet on combo and spin boxes would change
        // their whole look.
        if (auto *edit = qobject_cast<QLineEdit *>(it->editor))
            edit->setStyleSheet(messages.isEmpty()
                    ? QString()
                    : QStringLiteral("QLineEdit { border: 1px solid #c62828; padding: 2px; }"));
    }
}

QString RuleForm::issueText(const QString &field) const
{
    const auto it = mFields.constFind(field);
    return it == mFields.constEnd() ? QString() : it->problem->text();
}

bool RuleForm::isFieldShown(const QString &field) const
{
    const auto it = mFields.constFind(field);
    return it != mFields.constEnd() && it->used;
}

QVector<RuleIssue> RuleForm::draftIssues(const RuleDrafts &drafts)
{
    QVector<RuleIssue> issues;
    for (auto it = drafts.begin(); it != drafts.end(); ++it) {
        issues.append({ it.key(),
            tr("\"%1\" is not a duration such as 30m, 2h or 3d").arg(it.value().trimmed()) });
    }
    return issues;
}

QString RuleForm::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels = {
        { QStringLiteral("id"), QT_TR_NOOP("Id") },
        { QStringLiteral("name"), QT_TR_NOOP("Name") },
        { QStringLiteral("kind"), QT_TR_NOOP("Kind") },
        { QStringLiteral("metric"), QT_TR_NOOP("Metric") },
        { QStringLiteral("direction"), QT_TR_NOOP("Direction") },
        { QStringLiteral("severity"), QT_TR_NOOP("Severity") },
        { QStringLiteral("trigger"), QT_TR_NOOP("Trigger") },
        { QStringLiteral("recovery"), QT_TR_NOOP("Recovery") },
        { QStringLiteral("minimum_duration"), QT_TR_NOOP("Minimum duration") },
        { QStringLiteral("window"), QT_TR_NOOP("Window") },
        { QStringLiteral("stale_factor"), QT_TR_NOOP("Silent for") },
        { QStringLiteral("scope.county"), QT_TR_NOOP("County code") },
        { QStringLiteral("scope.site_type"), QT_TR_NOOP("Site type") },
        { QStringLiteral("scope.site"), QT_TR_NOOP("Site id") },
        { QStringLiteral("scope.device"), QT_TR_NOOP("Device key") },
        { QStringLiteral("active_hours"), QT_TR_NOOP("Active hours") },
        { QStringLiteral("active_months"), QT_TR_NOOP("Active months") },
        { QStringLiteral("source"), QT_TR_NOOP("Source") },
    };
    const char *label = labels.value(field);
    return label ? tr(label) : field;
}

} // namespace dv
