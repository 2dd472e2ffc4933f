// The user's preferences, kept with QSettings (the registry on Windows, ~/.config on Linux).
#pragma once

#include <QCoreApplication>
#include <QString>

namespace dv {

class AppSettings {
    Q_DECLARE_TR_FUNCTIONS(dv::AppSettings)
public:
    // "zh_CN", "en", or empty for the system's language.
    static QString language();
    static void setLanguage(const QString &language);
    static QString displayCrsId();
    static void setDisplayCrsId(const QString &id);
    // An office that imports official boundaries enters its map review number (审图号).
    static QString mapReviewNumber();
    static void setMapReviewNumber(const QString &number);
    static bool labelsEnabled();
    static void setLabelsEnabled(bool on);
    // The office a PDF report comes from, on its cover and in every page's header.
    static QString reportOfficeName();
    static void setReportOfficeName(const QString &name);
    // Settings › Sample data: whether the bundled sample sites (示例数据) show. Until the user
    // chooses, they show only while the store holds none of the office's own sites.
    static bool sampleDataShown(bool storeHasRealSites);
    static void setSampleDataShown(bool on);
    static QString lastLayerDirectory();
    static void setLastLayerDirectory(const QString &dir);

    // The MQTT broker the window listens to; empty: the built-in simulator feeds the window.
    static QString brokerUrl();
    static void setBrokerUrl(const QString &url);
    static QString brokerUsername();
    static void setBrokerUsername(const QString &name);
    // In the operating system's keychain under brokerPasswordKey(), never in the settings file.
    // A password an older dvdash kept in the settings file moves to the keychain at the first
    // read and leaves the file once the keychain holds it; without a keychain it is still used
    // from there, with a warning in the log.
    static QString brokerPassword();
    // false and *error when the keychain cannot keep it; nothing is then written anywhere.
    // An empty password removes the saved one.
    static bool setBrokerPassword(const QString &password, QString *error = nullptr);
    // "mqtt://user@host:port": one keychain entry per broker and sign-in; empty without a
    // usable broker address.
    static QString brokerPasswordKey(const QString &brokerUrl, const QString &username);
    // A beep with the notification of a new critical alert.
    static bool alertSound();
    static void setAlertSound(bool on);
    // The store the window and the commands use without --store: the one chosen in Settings ›
    // Data store, else ownStoreSpec().
    static QString defaultStoreSpec();
    // "sqlite:PATH" of the user's own store, in their local (never roaming) application data
    // folder.
    static QString ownStoreSpec();
    // Settings › Data store: "sqlite:PATH" or "postgresql://user@host:port/db?..." (no
    // password: that is in the keychain); empty for the user's own store.
    static QString storeSpec();
    static void setStoreSpec(const QString &spec);

    // What every map shows: the 审图号 when one is set, else the 示意图 note.
    static QString mapNote();
};

} // namespace dv
