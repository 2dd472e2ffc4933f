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
    // Loads dvdash_<lang>.qm from the resources and Qt's own catalogue, so Qt's own
    // dialogs (file chooser, message boxes) speak the same language. False if ours is missing.
    static bool install(QCoreApplication &app, const QString &language);
    // Qt's own catalogue for language: qt_<lang>.qm (what windeployqt writes) or
    // qtbase_<lang>.qm, beside the program first, then in Qt's folder. Empty when neither is.
    static QString qtCataloguePath(const QString &language);
};

} // namespace dv
