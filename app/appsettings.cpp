// The user's preferences, kept with QSettings (the registry on Windows, ~/.config on Linux).
#include "appsettings.h"

#include "keychain.h"
#include "mapdecorations.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

Q_LOGGING_CATEGORY(lcSettings, "dv.settings", QtInfoMsg)

namespace dv {

namespace {
// Where versions before the keychain kept the broker password, in plain text.
const QString kLegacyBrokerPassword = QStringLiteral("sensors/brokerPassword");

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

QString AppSettings::brokerPasswordKey(const QString &brokerUrl, const QString &username)
{
    const QUrl broker(brokerUrl.trimmed(), QUrl::StrictMode);
    if (!broker.isValid() || broker.host().isEmpty())
        return QString();
    QUrl key;
    key.setScheme(QStringLiteral("mqtt"));
    if (!username.isEmpty()) // an empty (not null) name would still write "mqtt://@host"
        key.setUserName(username);
    key.setHost(broker.host());
    key.setPort(broker.port());
    return key.toString();
}

QString AppSettings::brokerPassword()
{
    const QString key = brokerPasswordKey(brokerUrl(), brokerUsername());
    QSettings settings;
    const QVariant legacy = settings.value(kLegacyBrokerPassword);
    if (legacy.isValid()) {
        // Older versions kept it here (and wrote an empty one even without a broker).
        const QString password = legacy.toString();
        QString error;
        if (password.isEmpty() || (!key.isEmpty() && Keychain::write(key, password, &error))) {
            settings.remove(kLegacyBrokerPassword);
            if (!password.isEmpty())
                qCInfo(lcSettings) << "moved the broker password to the keychain as" << key;
        } else if (!key.isEmpty()) {
            qCWarning(lcSettings).noquote()
                << tr("The keychain cannot keep the broker password (%1), so it stays in the "
                      "settings file %2 for now.")
                       .arg(error, settings.fileName());
        }
        return password;
    }
    if (key.isEmpty())
        return QString();
    const KeychainAnswer answer = Keychain::read(key);
    if (answer.status == KeychainAnswer::Failed) {
        qCWarning(lcSettings).noquote()
            << tr("The broker password cannot be read from the keychain: %1").arg(answer.error);
    }
    return answer.password;
}

bool AppSettings::setBrokerPassword(const QString &password, QString *error)
{
    const QString key = brokerPasswordKey(brokerUrl(), brokerUsername());
    QString problem;
    bool kept = true;
    if (key.isEmpty()) {
        if (!password.isEmpty()) {
            problem = tr("Give the broker's address before its password.");
            kept = false;
        }
    } else {
        kept = password.isEmpty() ? Keychain::remove(key, &problem)
                                  : Keychain::write(key, password, &problem);
    }
    if (!kept) {
        if (error)
            *error = problem;
        return false;
    }
    QSettings().remove(kLegacyBrokerPassword); // the keychain holds the one that counts now
    return true;
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
    const QString chosen = storeSpec();
    return chosen.isEmpty() ? ownStoreSpec() : chosen;
}

QString AppSettings::storeSpec()
{
    return read("data/store").toString().trimmed();
}

void AppSettings::setStoreSpec(const QString &spec)
{
    write("data/store", spec.trimmed());
}

QString AppSettings::ownStoreSpec()
{
    return QStringLiteral("sqlite:")
        // Local, not roaming (%LOCALAPPDATA% on Windows): domains redirect the roaming profile
        // to network shares, where SQLite's write-ahead log fails. The same folder on Linux.
        + QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
              .filePath(QStringLiteral("dvdash.sqlite"));
}

} // namespace dv
