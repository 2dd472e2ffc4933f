// How a wall screen is set up: screen, focus, views and their timing; saved, exported, loaded.
#include "wallsettings.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>

namespace dv {

namespace {

const QString kScreen = QStringLiteral("screen");
const QString kFocus = QStringLiteral("focus");
const QString kRotate = QStringLiteral("rotate_seconds");
const QString kViews = QStringLiteral("views");
const QString kChartSites = QStringLiteral("chart_sites");
const QString kInterrupt = QStringLiteral("interrupt_seconds");
const QString kCursor = QStringLiteral("cursor_hide_seconds");
const QString kStale = QStringLiteral("stale_feed_minutes");

QStringList allKeys()
{
    return { kScreen, kFocus, kRotate, kViews, kChartSites, kInterrupt, kCursor, kStale };
}

bool isJson(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
}

// A list from an INI value: QSettings gives a list for "a, b", a string for one item.
QStringList listOf(const QVariant &v)
{
    QStringList out;
    for (const QString &s : v.toStringList())
        for (const QString &part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    return out;
}

} // namespace

QStringList WallSettings::knownViews()
{
    return { QStringLiteral("overview"), QStringLiteral("charts"), QStringLiteral("warnings"),
        QStringLiteral("ranking") };
}

QString WallSettings::validate() const
{
    if (screen < 0 || screen > 16)
        return kScreen + QStringLiteral(": ") + tr("must be 0 (automatic) to 16");
    static const QRegularExpression code(QStringLiteral("^52(\\d{2}(\\d{2})?)?$"));
    if (!code.match(focus).hasMatch())
        return kFocus + QStringLiteral(": ")
            + tr("\"%1\" is not 52, a prefecture code (5203) or a county code (520328)").arg(focus);
    if (rotateSeconds < 5 || rotateSeconds > 3600)
        return kRotate + QStringLiteral(": ") + tr("must be 5 to 3600");
    if (views.isEmpty())
        return kViews + QStringLiteral(": ") + tr("needs at least one view");
    for (const QString &v : views) {
        if (!knownViews().contains(v))
            return kViews + QStringLiteral(": ")
                + tr("\"%1\" is not one of %2").arg(v, knownViews().join(QStringLiteral(", ")));
    }
    if (interruptSeconds < 10 || interruptSeconds > 86400)
        return kInterrupt + QStringLiteral(": ") + tr("must be 10 to 86400");
    if (cursorHideSeconds < 1 || cursorHideSeconds > 600)
        return kCursor + QStringLiteral(": ") + tr("must be 1 to 600");
    if (staleFeedMinutes < 1 || staleFeedMinutes > 10080)
        return kStale + QStringLiteral(": ") + tr("must be 1 to 10080");
    return {};
}

bool WallSettings::operator==(const WallSettings &o) const
{
    return screen == o.screen && focus == o.focus && rotateSeconds == o.rotateSeconds
        && views == o.views && chartSites == o.chartSites && interruptSeconds == o.interruptSeconds
        && cursorHideSeconds == o.cursorHideSeconds && staleFeedMinutes == o.staleFeedMinutes;
}

WallSettings WallSettings::load()
{
    QSettings s;
    s.beginGroup(QStringLiteral("wall"));
    WallSettings w;
    WallSettings read = w;
    read.screen = s.value(kScreen, w.screen).toInt();
    read.focus = s.value(kFocus, w.focus).toString();
    read.rotateSeconds = s.value(kRotate, w.rotateSeconds).toInt();
    read.views = s.contains(kViews) ? listOf(s.value(kViews)) : w.views;
    read.chartSites = listOf(s.value(kChartSites));
    read.interruptSeconds = s.value(kInterrupt, w.interruptSeconds).toInt();
    read.cursorHideSeconds = s.value(kCursor, w.cursorHideSeconds).toInt();
    read.staleFeedMinutes = s.value(kStale, w.staleFeedMinutes).toInt();
    return read.validate().isEmpty() ? read : w; // a hand-broken registry gives the defaults
}

void WallSettings::save() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("wall"));
    s.setValue(kScreen, screen);
    s.setValue(kFocus, focus);
    s.setValue(kRotate, rotateSeconds);
    s.setValue(kViews, views);
    s.setValue(kChartSites, chartSites);
    s.setValue(kInterrupt, interruptSeconds);
    s.setValue(kCursor, cursorHideSeconds);
    s.setValue(kStale, staleFeedMinutes);
}

std::optional<WallSettings> WallSettings::readFile(const QString &path, QString *error)
{
    const QString name = QFileInfo(path).fileName();
    if (!QFileInfo::exists(path)) {
        *error = tr("%1: no such file").arg(path);
        return std::nullopt;
    }
    WallSettings w;
    // Each key as a variant, from either format.
    QVariantMap values;
    if (isJson(path)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("%1: %2").arg(path, file.errorString());
            return std::nullopt;
        }
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = tr("%1: not a JSON object (%2 at byte %3)")
                         .arg(name, parse.errorString())
                         .arg(parse.offset);
            return std::nullopt;
        }
        values = doc.object().toVariantMap();
    } else {
        QSettings ini(path, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError) {
            *error = tr("%1: not a readable INI file").arg(name);
            return std::nullopt;
        }
        ini.beginGroup(QStringLiteral("wall"));
        for (const QString &key : ini.childKeys())
            values.insert(key, ini.value(key));
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!allKeys().contains(it.key())) {
            *error = tr("%1: %2: unknown key (known: %3)")
                         .arg(name, it.key(), allKeys().join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    auto number = [&](const QString &key, int *out) {
        if (!values.contains(key))
            return true;
        bool ok = false;
        const double v = values.value(key).toString().toDouble(&ok);
        if (!ok || v != int(v)) {
            *error = tr("%1: %2: \"%3\" is not a whole number")
                         .arg(name, key, values.value(key).toString());
            return false;
        }
        *out = int(v);
        return true;
    };
    if (!number(kScreen, &w.screen) || !number(kRotate, &w.rotateSeconds)
        || !number(kInterrupt, &w.interruptSeconds) || !number(kCursor, &w.cursorHideSeconds)
        || !number(kStale, &w.staleFeedMinutes))
        return std::nullopt;
    if (values.contains(kFocus))
        w.focus = values.value(kFocus).toString().trimmed();
    if (values.contains(kViews))
        w.views = listOf(values.value(kViews));
    if (values.contains(kChartSites))
        w.chartSites = listOf(values.value(kChartSites));
    const QString problem = w.validate();
    if (!problem.isEmpty()) {
        *error = name + QStringLiteral(": ") + problem;
        return std::nullopt;
    }
    return w;
}

bool WallSettings::writeFile(const QString &path, QString *error) const
{
    if (isJson(path)) {
        QJsonObject o;
        o.insert(kScreen, screen);
        o.insert(kFocus, focus);
        o.insert(kRotate, rotateSeconds);
        o.insert(kViews, QJsonArray::fromStringList(views));
        o.insert(kChartSites, QJsonArray::fromStringList(chartSites));
        o.insert(kInterrupt, interruptSeconds);
        o.insert(kCursor, cursorHideSeconds);
        o.insert(kStale, staleFeedMinutes);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = tr("%1: %2").arg(path, file.errorString());
            return false;
        }
        file.write(QJsonDocument(o).toJson());
        if (!file.commit()) {
            *error = tr("%1: %2").arg(path, file.errorString());
            return false;
        }
        return true;
    }
    QFile::remove(path);
    QSettings ini(path, QSettings::IniFormat);
    ini.beginGroup(QStringLiteral("wall"));
    ini.setValue(kScreen, screen);
    ini.setValue(kFocus, focus);
    ini.setValue(kRotate, rotateSeconds);
    ini.setValue(kViews, views.join(QLatin1Char(',')));
    ini.setValue(kChartSites, chartSites.join(QLatin1Char(',')));
    ini.setValue(kInterrupt, interruptSeconds);
    ini.setValue(kCursor, cursorHideSeconds);
    ini.setValue(kStale, staleFeedMinutes);
    ini.endGroup();
    ini.sync();
    if (ini.status() != QSettings::NoError) {
        *error = tr("%1: cannot be written").arg(path);
        return false;
    }
    return true;
}

} // namespace dv
