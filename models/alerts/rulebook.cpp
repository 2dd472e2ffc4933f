// The set of early-warning rules: the shipped defaults, validation, and the JSON rule file.
#include "rulebook.h"

#include "rulenames.h"
#include "timeunits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

const QLatin1String kFormat("dvdash-alert-rules");
// 2: rules have active months. Version 1 files (every store saved before) have none: a shipped
// rule that has months now takes them on reading, so a saved spring-bud frost rule stops
// firing in December without the user editing it.
constexpr int kVersion = 2;
constexpr int kFirstVersionWithMonths = 2;

// Gives the rules of a version 1 file the active months of the shipped rule with their id; a
// rule the user added keeps firing all year as it did.
void addShippedMonths(QVector<AlertRule> &rules, const QJsonArray &objects)
{
    const RuleBook shipped = RuleBook::defaults();
    for (int i = 0; i < rules.size() && i < objects.size(); ++i) {
        AlertRule &rule = rules[i];
        if (objects[i].toObject().contains(QLatin1String("active_months")))
            continue;
        const int at = shipped.indexOf(rule.id);
        if (at >= 0 && shipped.at(at).hasActiveMonths())
            rule.activeMonths = shipped.at(at).activeMonths;
    }
}

// Reads one rule object, reporting type errors with their path; semantic checks are left to
// AlertRule::validate() so that a rule built in code and one read from a file are judged alike.
class RuleReader {
    Q_DECLARE_TR_FUNCTIONS(dv::RuleBook)
public:
    RuleReader(const QJsonObject &object, const QString &path, QStringList &errors,
        QSet<QString> &badFields)
        : mObject(object)
        , mPath(path)
        , mErrors(errors)
        , mBadFields(badFields)
    {
    }

    AlertRule read()
    {
        static const QStringList known = { QStringLiteral("id"), QStringLiteral("name"),
            QStringLiteral("kind"), QStringLiteral("metric"), QStringLiteral("direction"),
            QStringLiteral("severity"), QStringLiteral("trigger"), QStringLiteral("recovery"),
            QStringLiteral("minimum_duration"), QStringLiteral("window"),
            QStringLiteral("stale_factor"), QStringLiteral("scope"), QStringLiteral("active_hours"),
            QStringLiteral("active_months"), QStringLiteral("source") };
        for (auto it = mObject.begin(); it != mObject.end(); ++it) {
            if (!known.contains(it.key()))
                fail(it.key(), tr("unknown field"));
        }

        AlertRule rule;
        rule.id = text(QStringLiteral("id"));
        rule.name = text(QStringLiteral("name"));
        rule.metric = text(QStringLiteral("metric"));
        rule.source = text(QStringLiteral("source"));

        const QString kind = text(QStringLiteral("kind"));
        if (!mObject.contains(QLatin1String("kind")))
            fail(QStringLiteral("kind"), tr("is required"));
        else if (const auto k = AlertRule::kindFromName(kind))
            rule.kind = *k;
        else if (!mBadFields.contains(field(QStringLiteral("kind"))))
            fail(QStringLiteral("kind"),
                tr("\"%1\" is not one of threshold, rate, baseline, stale, sensor_fault")
                    .arg(kind));
        const bool knownKind = !mBadFields.contains(field(QStringLiteral("kind")));
        const bool thresholds = knownKind && rule.hasThresholds();

        const QString direction = text(QStringLiteral("direction"));
        if (direction == QLatin1String("above"))
            rule.direction = AlertRule::Above;
        else if (direction == QLatin1String("below"))
            rule.direction = AlertRule::Below;
        else if (!direction.isEmpty())
            fail(QStringLiteral("direction"), tr("\"%1\" is not above or below").arg(direction));
        else if (thresholds && !mObject.contains(QLatin1String("direction")))
            fail(QStringLiteral("direction"),
                tr("is required for a \"%1\" rule").arg(AlertRule::kindName(rule.kind)));

        const QString severity = text(QStringLiteral("severity"));
        if (severity == QLatin1String("critical"))
            rule.severity = AlertRule::Critical;
        else if (!severity.isEmpty() && severity != QLatin1String("warning"))
            fail(QStringLiteral("severity"), tr("\"%1\" is not warning or critical").arg(severity));

        rule.trigger = number(QStringLiteral("trigger"), thresholds, rule.kind);
        rule.recovery = number(QStringLiteral("recovery"), thresholds, rule.kind);
        rule.staleFactor = number(
            QStringLiteral("stale_factor"), knownKind && rule.kind == AlertRule::Stale, rule.kind);
        rule.minimumDurationMs = duration(QStringLiteral("minimum_duration"), false, rule.kind);
        rule.windowMs = duration(
            QStringLiteral("window"), knownKind && rule.kind == AlertRule::RateOfChange, rule.kind);

        readScope(rule.scope);
        readActiveHours(rule);
        readActiveMonths(rule);
        return rule;
    }

private:
    QString field(const QString &key) const { return mPath + QLatin1Char('.') + key; }

    void fail(const QString &key, const QString &message)
    {
        mErrors.append(field(key) + QStringLiteral(": ") + message);
        mBadFields.insert(field(key));
    }

    QString text(
        const QString &key, const QJsonObject *object = nullptr, const QString &path = QString())
    {
        const QJsonObject &o = object ? *object : mObject;
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isString()) {
            fail(path.isEmpty() ? key : path, tr("must be a string"));
            return {};
        }
        return v.toString();
    }

    double number(const QString &key, bool required, AlertRule::Kind kind)
    {
        const QJsonValue v = mObject.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(key, tr("is required for a \"%1\" rule").arg(AlertRule::kindName(kind)));
            return 0;
        }
        if (!v.isDouble()) {
            fail(key, tr("must be a number"));
            return 0;
        }
        return v.toDouble();
    }

    qint64 duration(const QString &key, bool required, AlertRule::Kind kind)
    {
        const QJsonValue v = mObject.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(key, tr("is required for a \"%1\" rule").arg(AlertRule::kindName(kind)));
            return 0;
        }
        const auto ms = v.isString() ? RuleBook::parseDuration(v.toString()) : std::nullopt;
        if (!ms) {
            fail(key,
                tr("%1 is not a duration such as \"30m\", \"2h\" or \"3d\"")
                    .arg(v.isString() ? QLatin1Char('"') + v.toString() + QLatin1Char('"')
                                      : tr("the value")));
            return 0;
        }
        return *ms;
    }

    void readScope(AlertScope &scope)
    {
        const QJsonValue v = mObject.value(QLatin1String("scope"));
        if (v.isUndefined())
            return;
        if (!v.isObject()) {
            fail(QStringLiteral("scope"), tr("must be an object"));
            return;
        }
        const QJsonObject o = v.toObject();
        static const QStringList known = { QStringLiteral("county"), QStringLiteral("site_type"),
            QStringLiteral("site"), QStringLiteral("device") };
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!known.contains(it.key()))
                fail(QStringLiteral("scope.") + it.key(), tr("unknown field"));
        }
        scope.countyCode = text(QStringLiteral("county"), &o, QStringLiteral("scope.county"));
        scope.siteType = text(QStringLiteral("site_type"), &o, QStringLiteral("scope.site_type"));
        scope.siteId = text(QStringLiteral("site"), &o, QStringLiteral("scope.site"));
        scope.deviceKey = text(QStringLiteral("device"), &o, QStringLiteral("scope.device"));
    }

    void readActiveHours(AlertRule &rule)
    {
        const QJsonValue v = mObject.value(QLatin1String("active_hours"));
        if (v.isUndefined())
            return;
        static const QRegularExpression re(
            QStringLiteral("^([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)$"));
        const QRegularExpressionMatch m = re.match(v.toString());
        if (!v.isString() || !m.hasMatch()) {
            fail(QStringLiteral("active_hours"),
                tr("must be two times of day in China time such as \"08:00-18:00\""));
            return;
        }
        rule.activeFromMinute = m.captured(1).toInt() * 60 + m.captured(2).toInt();
        rule.activeToMinute = m.captured(3).toInt() * 60 + m.captured(4).toInt();
    }

    // "active_months": [2, 3, 4]: the months (China time) in which the rule raises alerts.
    void readActiveMonths(AlertRule &rule)
    {
        const QJsonValue v = mObject.value(QLatin1String("active_months"));
        if (v.isUndefined())
            return;
        const QJsonArray months = v.toArray();
        bool ok = v.isArray() && !months.isEmpty();
        for (const QJsonValue &m : months) {
            const double n = m.toDouble(0);
            ok = ok && m.isDouble() && n >= 1 && n <= 12 && n == std::floor(n);
            if (ok)
                rule.activeMonths |= quint16(1u << (int(n) - 1));
        }
        if (!ok) {
            rule.activeMonths = 0;
            fail(QStringLiteral("active_months"),
                tr("must be a list of months from 1 to 12 such as [2, 3, 4]"));
        }
    }

    const QJsonObject &mObject;
    QString mPath;
    QStringList &mErrors;
    QSet<QString> &mBadFields;
};

QString lineAndColumn(const QByteArray &json, int offset)
{
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else if ((json[i] & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return RuleBook::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

RuleBook::RuleBook(QVector<AlertRule> rules)
    : mRules(std::move(rules))
{
}

int RuleBook::indexOf(const QString &id) const
{
    for (int i = 0; i < mRules.size(); ++i) {
        if (mRules[i].id == id)
            return i;
    }
    return -1;
}

QStringList RuleBook::validate() const
{
    QStringList errors;
    QSet<QString> ids, names;
    for (int i = 0; i < mRules.size(); ++i) {
        const AlertRule &rule = mRules[i];
        const QString path = QStringLiteral("rules[%1].").arg(i);
        for (const RuleIssue &issue : rule.validate())
            errors.append(path + issue.field + QStringLiteral(": ") + issue.message);
        if (!rule.id.isEmpty() && ids.contains(rule.id))
            errors.append(path + QStringLiteral("id: ")
                + tr("\"%1\" is used by an earlier rule").arg(rule.id));
        if (!rule.name.trimmed().isEmpty() && names.contains(rule.name.trimmed()))
            errors.append(path + QStringLiteral("name: ")
                + tr("\"%1\" is used by an earlier rule").arg(rule.name));
        ids.insert(rule.id);
        names.insert(rule.name.trimmed());
    }
    return errors;
}

std::optional<RuleBook> RuleBook::fromJson(const QByteArray &json, QString *error)
{
    auto failWith = [error](const QStringList &errors) -> std::optional<RuleBook> {
        if (error)
            *error = errors.join(QLatin1Char('\n'));
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failWith({ lineAndColumn(json, parseError.offset) + QStringLiteral(": ")
            + parseError.errorString() });
    if (!doc.isObject())
        return failWith({ tr("the file must hold a JSON object with a \"rules\" array") });

    const QJsonObject top = doc.object();
    QStringList errors;
    for (auto it = top.begin(); it != top.end(); ++it) {
        if (it.key() != QLatin1String("format") && it.key() != QLatin1String("version")
            && it.key() != QLatin1String("rules"))
            errors.append(it.key() + QStringLiteral(": ") + tr("unknown field"));
    }
    const QJsonValue format = top.value(QLatin1String("format"));
    if (!format.isUndefined() && format.toString() != kFormat)
        errors.append(QStringLiteral("format: ") + tr("must be \"%1\"").arg(kFormat));
    const QJsonValue version = top.value(QLatin1String("version"));
    const bool knownVersion = version.isUndefined()
        || (version.isDouble() && version.toDouble() >= 1 && version.toDouble() <= kVersion
            && version.toDouble() == std::floor(version.toDouble()));
    if (!knownVersion)
        errors.append(QStringLiteral("version: ")
            + tr("this dvdash reads versions 1 to %1 of the rule file").arg(kVersion));
    const QJsonValue rulesValue = top.value(QLatin1String("rules"));
    if (!rulesValue.isArray())
        return failWith(errors << QStringLiteral("rules: ")
                + (rulesValue.isUndefined() ? tr("is required") : tr("must be an array")));

    const QJsonArray array = rulesValue.toArray();
    QVector<AlertRule> rules;
    QSet<QString> badFields;
    for (int i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("rules[%1]").arg(i);
        if (!array[i].isObject()) {
            errors.append(path + QStringLiteral(": ") + tr("must be an object"));
            rules.append(AlertRule());
            badFields.insert(path);
            continue;
        }
        const QJsonObject object = array[i].toObject();
        rules.append(RuleReader(object, path, errors, badFields).read());
    }
    // Without a version the file is taken as written for this dvdash.
    if (!version.isUndefined() && version.toDouble() < kFirstVersionWithMonths)
        addShippedMonths(rules, array);
    RuleBook book(std::move(rules));
    // A field that could not be read has already been reported; its default would only add a
    // second, confusing message.
    for (const QString &e : book.validate()) {
        const QString fieldPath = e.left(e.indexOf(QStringLiteral(": ")));
        const QString rulePath = fieldPath.left(fieldPath.indexOf(QLatin1Char('.')));
        if (!badFields.contains(fieldPath) && !badFields.contains(rulePath))
            errors.append(e);
    }
    // Reading and validating report separately; a user fixes the file from top to bottom.
    auto ruleOf = [](const QString &e) {
        return e.startsWith(QLatin1String("rules[")) ? e.mid(6, e.indexOf(u']') - 6).toInt() : -1;
    };
    std::stable_sort(errors.begin(), errors.end(),
        [&](const QString &a, const QString &b) { return ruleOf(a) < ruleOf(b); });
    if (!errors.isEmpty())
        return failWith(errors);
    return book;
}

QByteArray RuleBook::toJson() const
{
    QJsonArray array;
    for (const AlertRule &rule : mRules) {
        QJsonObject o;
        o.insert(QLatin1String("id"), rule.id);
        o.insert(QLatin1String("name"), rule.name);
        o.insert(QLatin1String("kind"), AlertRule::kindName(rule.kind));
        if (!rule.metric.isEmpty())
            o.insert(QLatin1String("metric"), rule.metric);
        o.insert(QLatin1String("severity"), AlertRule::severityName(rule.severity));
        if (rule.hasThresholds()) {
            o.insert(QLatin1String("direction"), AlertRule::directionName(rule.direction));
            o.insert(QLatin1String("trigger"), rule.trigger);
            o.insert(QLatin1String("recovery"), rule.recovery);
        }
        if (rule.minimumDurationMs > 0)
            o.insert(QLatin1String("minimum_duration"), durationText(rule.minimumDurationMs));
        if (rule.kind == AlertRule::RateOfChange)
            o.insert(QLatin1String("window"), durationText(rule.windowMs));
        if (rule.kind == AlertRule::Stale)
            o.insert(QLatin1String("stale_factor"), rule.staleFactor);
        if (!rule.scope.isEmpty()) {
            QJsonObject scope;
            if (!rule.scope.countyCode.isEmpty())
                scope.insert(QLatin1String("county"), rule.scope.countyCode);
            if (!rule.scope.siteType.isEmpty())
                scope.insert(QLatin1String("site_type"), rule.scope.siteType);
            if (!rule.scope.siteId.isEmpty())
                scope.insert(QLatin1String("site"), rule.scope.siteId);
            if (!rule.scope.deviceKey.isEmpty())
                scope.insert(QLatin1String("device"), rule.scope.deviceKey);
            o.insert(QLatin1String("scope"), scope);
        }
        if (rule.hasActiveHours())
            o.insert(QLatin1String("active_hours"), activeHoursText(rule));
        if (rule.hasActiveMonths()) {
            QJsonArray months;
            for (int m = 1; m <= 12; ++m) {
                if (rule.isActiveInMonth(m))
                    months.append(m);
            }
            o.insert(QLatin1String("active_months"), months);
        }
        if (!rule.source.isEmpty())
            o.insert(QLatin1String("source"), rule.source);
        array.append(o);
    }
    QJsonObject top;
    top.insert(QLatin1String("format"), kFormat);
    top.insert(QLatin1String("version"), kVersion);
    top.insert(QLatin1String("rules"), array);
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

QString RuleBook::durationText(qint64 ms)
{
    if (ms > 0 && ms % kDayMs == 0)
        return QString::number(ms / kDayMs) + QLatin1Char('d');
    if (ms > 0 && ms % kHourMs == 0)
        return QString::number(ms / kHourMs) + QLatin1Char('h');
    if (ms > 0 && ms % kMinuteMs == 0)
        return QString::number(ms / kMinuteMs) + QLatin1Char('m');
    return QString::number((ms + kSecondMs / 2) / kSecondMs) + QLatin1Char('s');
}

std::optional<qint64> RuleBook::parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,6})\\s*([smhd])\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    switch (m.captured(2).at(0).toLatin1()) {
    case 's':
        return n * kSecondMs;
    case 'm':
        return n * kMinuteMs;
    case 'h':
        return n * kHourMs;
    default:
        return n * kDayMs;
    }
}

QString RuleBook::activeHoursText(const AlertRule &rule)
{
    if (!rule.hasActiveHours())
        return {};
    auto hhmm = [](int minute) {
        return QStringLiteral("%1:%2")
            .arg(minute / 60, 2, 10, QLatin1Char('0'))
            .arg(minute % 60, 2, 10, QLatin1Char('0'));
    };
    return hhmm(rule.activeFromMinute) + QLatin1Char('-') + hhmm(rule.activeToMinute);
}

RuleBook RuleBook::defaults()
{
    QVector<AlertRule> rules;
    // The names come from RuleNames, which shows them by id in the user's language.
    auto add = [&rules](const char *id, AlertRule::Kind kind, const char *metric,
                   AlertRule::Direction direction, AlertRule::Severity severity, double trigger,
                   double recovery, qint64 duration, const char *siteType,
                   const QString &source) -> AlertRule & {
        AlertRule r;
        r.id = QLatin1String(id);
        r.name = RuleNames::shippedName(r.id);
        r.kind = kind;
        r.metric = QLatin1String(metric);
        r.direction = direction;
        r.severity = severity;
        r.trigger = trigger;
        r.recovery = recovery;
        r.minimumDurationMs = duration;
        r.scope.siteType = QLatin1String(siteType);
        r.source = source;
        rules.append(r);
        return rules.last();
    };
    using R = AlertRule;

    // Sows. Ear tags read below rectal temperature and every sow has her own normal, so the
    // first fever rule judges each sow against her own history.
    add("sow_fever_baseline", R::BaselineDeviation, "body_temperature", R::Above, R::Warning, 1.0,
        0.5, kHourMs, "pig_farm",
        tr("Normal rectal temperature differs between sows: about 38.3 °C in multiparous sows and "
           "38.8 °C in gilts, each ±0.3 °C (Soerensen & Pedersen 2015, Acta Vet Scand, "
           "doi:10.1186/s13028-015-0094-2, table 3). Each sow is compared with the median of her "
           "own last 7 days at the same hour. +1.0 °C for an hour (over three times that normal "
           "spread) and recovery below +0.5 °C are our judgement, not a published limit."));
    add("sow_fever_ceiling", R::Threshold, "body_temperature", R::Above, R::Critical, 40.0, 39.0,
        30 * kMinuteMs, "pig_farm",
        tr("Normal rectal temperature of pigs is commonly given as 38.7–39.8 °C (e.g. the Merck "
           "Veterinary Manual's table of normal rectal temperatures). Ear tags read lower than the "
           "rectum, so an ear reading of 40.0 °C for 30 minutes is a fever in any sow; it catches "
           "sows whose own normal is not yet known (fewer than 3 days of data). Recovery only "
           "below 39.0 °C, because a fever near the ceiling still swings ±0.3 °C over the day "
           "and a narrower gap raised a new alert every afternoon. The values are our "
           "judgement."));
    add("sow_barn_heat", R::Threshold, "air_temperature", R::Above, R::Warning, 27.0, 25.0,
        2 * kHourMs, "pig_farm",
        tr("Moderate heat stress in sows begins at 25.5 °C (late gestation) to 28.1 °C (not "
           "pregnant), mild heat stress from 24.0-25.5 °C (McConn et al. 2022, J Anim Sci "
           "Biotechnol, doi:10.1186/s40104-022-00789-x). 27 °C for 2 hours is a middle value we "
           "chose; needs a barn climate sensor."));

    // Tea gardens: spring frost on the new buds is the costliest weather risk.
    add("tea_frost_warning", R::Threshold, "air_temperature", R::Below, R::Warning, 4.0, 5.0,
        10 * kMinuteMs, "tea_garden",
        tr("Sprouting tea buds are injured when the air falls to about 2-4 °C, because leaves on "
           "a clear, calm night cool below the screen temperature (Chinese weather-service "
           "advice to tea growers; graded indices: QX/T 410-2017 and the review by Wang et al. "
           "2021, J Appl Meteor Sci, doi:10.11898/1001-7313.20210201). Recovery at 5 °C is our "
           "judgement. Only in the bud season, February to April in Guizhou (early tea sprouts "
           "from late February): dormant winter bushes tolerate far lower temperatures."));
    add("tea_frost_critical", R::Threshold, "air_temperature", R::Below, R::Critical, 0.0, 1.0,
        10 * kMinuteMs, "tea_garden",
        tr("At or below 0 °C sprouting buds freeze; after bud break even -2 °C can destroy a "
           "garden's first flush (o-cha.net, World Green Tea Association, 'Against the "
           "frost damage'; QX/T 410-2017). Recovery at 1 °C is our judgement. Only in the bud "
           "season, February to April."));
    for (AlertRule &r : rules) {
        if (r.id.startsWith(QLatin1String("tea_frost_")))
            r.activeMonths = (1u << 1) | (1u << 2) | (1u << 3); // February to April
    }
    add("tea_drought", R::Threshold, "soil_moisture", R::Below, R::Warning, 20.0, 23.0, 6 * kHourMs,
        "tea_garden",
        tr("Chinese agricultural drought grades start at a soil moisture below 60 % of field "
           "capacity (GB/T 32136-2015). With the field capacity of Guizhou's yellow and red "
           "loams taken as about 33 % VWC, that is 20 % VWC; the field capacity and 6 hours are "
           "our judgement. Calibrate per garden."));
    add("tea_waterlogging", R::Threshold, "soil_moisture", R::Above, R::Warning, 45.0, 42.0,
        12 * kHourMs, "tea_garden",
        tr("Tea roots suffocate and rot in saturated soil. 45 % VWC is close to saturation for "
           "loam; the value and the 12 hours are our judgement."));
    add("tea_heat", R::Threshold, "air_temperature", R::Above, R::Warning, 35.0, 33.0, 3 * kHourMs,
        "tea_garden",
        tr("Tea suffers heat injury when the daily mean rises above 30 °C and the maximum above "
           "35 °C (Zhejiang standard DB33/T 2034-2017 on tea heat injury; Li et al. 2024, J Appl "
           "Meteor Sci, doi:10.11898/1001-7313.20240105, grade it by a 14-day mean maximum of "
           "34.5 °C). 3 hours above 35 °C is our simplification for a single station."));
    add("tea_soil_acid", R::Threshold, "soil_ph", R::Below, R::Warning, 4.5, 4.6, 3 * kDayMs,
        "tea_garden",
        tr("Tea grows best at pH 4.5-5.5 and tolerates 4.0-6.5 (Cheng Qikun, 'Cha lei zhi shi bai "
           "wen'). Soil pH changes slowly, so a reading must stay outside for 3 days (our "
           "judgement) before it is worth a visit."));
    add("tea_soil_alkaline", R::Threshold, "soil_ph", R::Above, R::Warning, 5.5, 5.4, 3 * kDayMs,
        "tea_garden",
        tr("Tea grows best at pH 4.5-5.5 and tolerates 4.0-6.5 (Cheng Qikun, 'Cha lei zhi shi bai "
           "wen'). 3 days is our judgement."));

    // Clinics and every device.
    AlertRule &offline = add("clinic_terminal_offline", R::Threshold, "terminal_online", R::Below,
        R::Critical, 0.0, 0.5, 15 * kMinuteMs, "clinic",
        tr("Telemedicine terminals must be reachable while the clinic is open, 08:00-18:00 China "
           "time (the product's requirement). 15 minutes ignores a brief network drop."));
    offline.activeFromMinute = 8 * 60;
    offline.activeToMinute = 18 * 60;
    add("battery_low", R::Threshold, "battery", R::Below, R::Warning, 20.0, 30.0, 30 * kMinuteMs,
        "",
        tr("20 % leaves a few days to replace or charge a field battery; recovery at 30 % so a "
           "solar-charged station does not warn every evening. Our judgement."));
    add("sensor_fault", R::SensorFault, "", R::Above, R::Warning, 0, 0, 0, "",
        tr("A physically impossible value (outside the limits in the metric catalogue) means a "
           "broken or detached sensor. Such readings never raise fever or other value alerts."));
    AlertRule &silent = add("device_silent", R::Stale, "", R::Above, R::Warning, 0, 0, 0, "",
        tr("No reading for 6 times the device's usual interval (30 minutes for a 5-minute "
           "device). Our judgement: long enough to ride out a lost message or two."));
    silent.staleFactor = 6;
    return RuleBook(std::move(rules));
}

} // namespace dv
