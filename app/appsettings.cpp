// The user's preferences, kept with QSettings (the registry on Windows, ~/.config on Linux).
#include "appsettings.h"

#include "mapdecorations.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace dv {

namespace {
QVariant read(const char *key, const QVariant &fallback = {})
{
    return QSettings().value(QLatin1String(key), fallback);
}
void write(const char *key, const QVariant &value)
{
    QSettings().setValue(QLatin1String(key), value);
}
} // namespace

QString AppSettings::language()
{
    return read("ui/language").toString();
}

void AppSettings::setLanguage(const QString &language)
{
    write("ui/language", language);
}

QString AppSettings::displayCrsId()
{
    return read("map/displayCrs").toString();
}

void AppSettings::setDisplayCrsId(const QString &id)
{
    write("map/displayCrs", id);
}

QString AppSettings::mapReviewNumber()
{
    return read("map/reviewNumber").toString().trimmed();
}

void AppSettings::setMapReviewNumber(const QString &number)
{
    write("map/reviewNumber", number.trimmed());
}

bool AppSettings::labelsEnabled()
{
    return read("map/labels", true).toBool();
}

void AppSettings::setLabelsEnabled(bool on)
{
    write("map/labels", on);
}

QString AppSettings::reportOfficeName()
{
    return read("report/officeName").toString();
}

void AppSettings::setReportOfficeName(const QString &name)
{
    write("report/officeName", name);
}

bool AppSettings::sampleDataShown(bool storeHasRealSites)
{
    return read("data/sampleShown", !storeHasRealSites).toBool();
}

void AppSettings::setSampleDataShown(bool on)
{
    write("data/sampleShown", on);
}

QString AppSettings::lastLayerDirectory()
{
    return read("files/lastLayerDirectory", QDir::homePath()).toString();
}

void AppSettings::setLastLayerDirectory(const QString &dir)
{
    write("files/lastLayerDirectory", dir);
}

QString AppSettings::mapNote()
{
    const QString number = mapReviewNumber();
    return number.isEmpty() ? MapDecorations::defaultNote()
                            : tr("Map review number: %1").arg(number);
}

QString AppSettings::brokerUrl()
{
    return read("sensors/brokerUrl").toString().trimmed();
}

void AppSettings::setBrokerUrl(const QString &url)
{
    write("sensors/brokerUrl", url.trimmed());
}

QString AppSettings::brokerUsername()
{
    return read("sensors/brokerUsername").toString();
}

void AppSettings::setBrokerUsername(const QString &name)
{
    write("sensors/brokerUsername", name);
}

QString AppSettings::brokerPassword()
{
    return read("sensors/brokerPassword").toString();
}

void AppSettings::setBrokerPassword(const QString &password)
{
    write("sensors/brokerPassword", password);
}

bool AppSettings::alertSound()
{
    return read("alerts/sound", true).toBool();
}

void AppSettings::setAlertSound(bool on)
{
    write("alerts/sound", on);
}

QString AppSettings::defaultStoreSpec()
{
    return QStringLiteral("sqlite:")
        // Local, not roaming (%LOCALAPPDATA% on Windows): domains redirect the roaming profile
        // to network shares, where SQLite's write-ahead log fails. The same folder on Linux.
        + QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
              .filePath(QStringLiteral("dvdash.sqlite"));
}

} // namespace dv
