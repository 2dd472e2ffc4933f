// Installs the program's and Qt's own translations for the chosen language.
#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "dv.i18n", QtInfoMsg)

namespace dv {

QString TranslationLoader::resolve(const QString &requested)
{
    if (isSupported(requested))
        return requested;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

bool TranslationLoader::isSupported(const QString &language)
{
    return language == QLatin1String("zh_CN") || language == QLatin1String("en");
}

bool TranslationLoader::install(QCoreApplication &app, const QString &language)
{
    QLocale::setDefault(QLocale(language));
    if (language == QLatin1String("en"))
        return true; // the source strings are English
    auto *own = new QTranslator(&app);
    const bool ok = own->load(QStringLiteral(":/i18n/dvdash_%1.qm").arg(language));
    if (ok)
        QCoreApplication::installTranslator(own);
    else
        qCWarning(lcI18n) << "no translation for" << language;
    // Qt's catalogues: next to the program on Windows, in Qt's folder on Linux.
    const QStringList dirs { QCoreApplication::applicationDirPath()
            + QStringLiteral("/translations"),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) };
    auto *qt = new QTranslator(&app);
    for (const QString &dir : dirs) {
        if (qt->load(QStringLiteral("qtbase_%1").arg(language), dir)) {
            QCoreApplication::installTranslator(qt);
            break;
        }
    }
    return ok;
}

} // namespace dv
