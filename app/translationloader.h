// Installs the program's and Qt's own translations for the chosen language.
#pragma once

#include <QString>

class QCoreApplication;

namespace dv {

class TranslationLoader {
public:
    // "zh_CN" or "en": an explicit choice, else the system locale (Chinese -> zh_CN).
    static QString resolve(const QString &requested);
    static bool isSupported(const QString &language);
    // Loads dvdash_<lang>.qm from the resources and Qt's qtbase_<lang>.qm, so Qt's own
    // dialogs (file chooser, message boxes) speak the same language. False if ours is missing.
    static bool install(QCoreApplication &app, const QString &language);
};

} // namespace dv
