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
    // Kept in the user's settings like a browser's saved password: readable by that user.
    static QString brokerPassword();
    static void setBrokerPassword(const QString &password);
    // A beep with the notification of a new critical alert.
    static bool alertSound();
    static void setAlertSound(bool on);
    // "sqlite:PATH" of the user's own store, in their local (never roaming) application data
    // folder.
    static QString defaultStoreSpec();

    // What every map shows: the 审图号 when one is set, else the 示意图 note.
    static QString mapNote();
};

} // namespace dv
