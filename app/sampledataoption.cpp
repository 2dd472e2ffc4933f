// --sample on|off: whether a command shows the bundled sample sites (示例数据).
#include "sampledataoption.h"

#include "appsettings.h"
#include "samplesites.h"
#include "sitestore.h"
#include "storeregistry.h"
#include "storespec.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace dv {

QCommandLineOption SampleDataOption::option()
{
    return QCommandLineOption(QStringLiteral("sample"),
        tr("Show the sample sites (示例数据): on or off (default: as in Settings › Sample data)."),
        QStringLiteral("on|off"));
}

bool SampleDataOption::parse(
    const QCommandLineParser &parser, std::optional<bool> *choice, QString *error)
{
    choice->reset();
    if (!parser.isSet(QStringLiteral("sample")))
        return true;
    const QString value = parser.value(QStringLiteral("sample")).toLower();
    if (value == QLatin1String("on"))
        *choice = true;
    else if (value == QLatin1String("off"))
        *choice = false;
    else {
        *error
            = tr("--sample must be on or off, not %1").arg(parser.value(QStringLiteral("sample")));
        return false;
    }
    return true;
}

std::optional<SiteVisibility> SampleDataOption::visibility(
    std::optional<bool> choice, const QString &storeSpec, QString *error)
{
    const QString spec = storeSpec.isEmpty() ? AppSettings::defaultStoreSpec() : storeSpec;
    bool shown = true;
    if (choice) {
        shown = *choice;
    } else {
        bool real = false;
        QString pathError;
        const bool absent = StoreRegistry::schemeOf(spec) == QLatin1String("sqlite")
            && !QFileInfo(StoreSpec::sqlitePath(spec, &pathError)).isFile();
        if (!absent) {
            const std::unique_ptr<SiteStore> store
                = SiteStore::create(StoreSpec::readOnly(spec), error);
            const auto has = store ? store->hasRealSites(error) : std::nullopt;
            if (!has)
                return std::nullopt;
            real = *has;
        }
        shown = AppSettings::sampleDataShown(real);
    }
    const auto samples = SampleSites::loadBundled(error);
    if (!samples)
        return std::nullopt;
    return SiteVisibility(shown, SampleSites::ids(*samples));
}

QString SampleDataOption::hiddenNotice()
{
    return tr("sample data (示例数据) is hidden: Settings › Sample data is off, or --sample off");
}

} // namespace dv
