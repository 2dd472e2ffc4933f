// Installs the program's and Qt's own translations for the chosen language.
#include "translationloader.h"

#include "reportlanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QScopeGuard>
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

QString TranslationLoader::qtCataloguePath(const QString &language)
{
    // Next to the program on Windows (windeployqt), in Qt's folder on Linux. windeployqt merges
    // Qt's catalogues into qt_<lang>.qm; Debian ships qt_<lang>.qm as a list pointing at
    // qtbase_<lang>.qm and the others. Either name will do, the merged one first.
    const QStringList dirs { QCoreApplication::applicationDirPath()
            + QStringLiteral("/translations"),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) };
    for (const QString &dir : dirs) {
        for (const char *prefix : { "qt_", "qtbase_" }) {
            const QString file
                = QDir(dir).filePath(QLatin1String(prefix) + language + QStringLiteral(".qm"));
            if (QFileInfo::exists(file))
                return file;
        }
    }
    return {};
}

bool TranslationLoader::install(QCoreApplication &app, const QString &language)
{
    QLocale::setDefault(QLocale(language));
    // Reports in a language of their own answer first: put in front once ours are in.
    auto reportLanguage = qScopeGuard([] { ReportLanguage::install(); });
    if (language == QLatin1String("en"))
        return true; // the source strings are English
    auto *own = new QTranslator(&app);
    const bool ok = own->load(QStringLiteral(":/i18n/dvdash_%1.qm").arg(language));
    if (ok)
        QCoreApplication::installTranslator(own);
    else
        qCWarning(lcI18n) << "no translation for" << language;
    const QString qtCatalogue = qtCataloguePath(language);
    auto *qt = new QTranslator(&app);
    if (!qtCatalogue.isEmpty() && qt->load(qtCatalogue))
        QCoreApplication::installTranslator(qt);
    else
        qCInfo(lcI18n) << "no Qt translation for" << language; // Qt's dialogs stay English
    return ok;
}

} // namespace dv
