// dvdash sites: import, export and list the office's own sites (tea gardens, pig farms, clinics).
#include "sitescommand.h"

#include "alertstore.h"
#include "appsettings.h"
#include "countylocator.h"
#include "csvtext.h"
#include "sampledataoption.h"
#include "samplesites.h"
#include "siteexporter.h"
#include "siteimporter.h"
#include "siteretirement.h"
#include "sitestore.h"
#include "storespec.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace dv {

namespace {

// list, export, revisions and restore only read or rebuild what is there: a store that does
// not exist is an error, never created.
std::unique_ptr<SiteStore> openExisting(const QString &spec, QString *error)
{
    if (!StoreSpec::exists(spec, error))
        return nullptr;
    return SiteStore::create(spec, error);
}

QString specOf(const SitesOptions &options)
{
    return options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
}

} // namespace

QString SitesCommand::name() const
{
    return QStringLiteral("sites");
}

QString SitesCommand::summary() const
{
    return tr("Import, export, list and retire the office's own sites; add site types.");
}

void SitesCommand::describe(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"),
        tr("import FILE; export --out FILE; list; revisions; restore REVISION; retire SITE; "
           "types; add-type TYPE --name-zh NAME --icon ICON."),
        QStringLiteral("import|export|list|revisions|restore|retire|types|add-type"));
    parser.addPositionalArgument(QStringLiteral("argument"),
        tr("import: the CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON or KML file; restore: the "
           "revision to bring back; retire: the site's id; add-type: the new type's id (lower-case "
           "letters, digits and _)."),
        QStringLiteral("[FILE|REVISION|SITE|TYPE]"));
    parser.addOption(storeOption());
    parser.addOption(QCommandLineOption(
        QStringLiteral("dry-run"), tr("Import: check the file and report, writing nothing.")));
    parser.addOption(QCommandLineOption(QStringLiteral("confirm-type-change"),
        tr("Import: allow a registered site with devices to change type.")));
    parser.addOption(QCommandLineOption(QStringLiteral("out"),
        tr("Export: the .csv, .xlsx or .gpkg file to write."), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("county"),
        tr("List, export: only sites of this county (six-digit division code)."),
        QStringLiteral("code")));
    parser.addOption(QCommandLineOption(QStringLiteral("type"),
        tr("List, export: only sites of this type (tea_garden, pig_farm, clinic, 茶园, ...)."),
        QStringLiteral("type")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("retired"), tr("List, export: retired sites too.")));
    parser.addOption(SampleDataOption::option());
    parser.addOption(QCommandLineOption(QStringLiteral("name-zh"),
        tr("Add-type: the type's Chinese name (养蜂场)."), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(QStringLiteral("name-en"),
        tr("Add-type: the type's English name (Apiary)."), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(QStringLiteral("icon"),
        tr("Add-type: its map symbol, one of %1.")
            .arg(SiteType::icons().join(QStringLiteral(", "))),
        QStringLiteral("icon")));
}

int SitesCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    auto refuse = [&err](const QString &message) {
        err << message << Qt::endl;
        return 2;
    };
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    SitesOptions options;
    options.store = parser.value(QStringLiteral("store"));
    options.county = parser.value(QStringLiteral("county"));
    options.type = parser.value(QStringLiteral("type"));
    options.includeRetired = parser.isSet(QStringLiteral("retired"));
    QString optionError;
    if (!SampleDataOption::parse(parser, &options.sample, &optionError))
        return refuse(optionError);
    if (!options.county.isEmpty()
        && (options.county.size() != 6
            || !std::all_of(
                options.county.begin(), options.county.end(), [](QChar c) { return c.isDigit(); })))
        return refuse(tr("--county must be a six-digit division code, not %1").arg(options.county));
    if (action == QLatin1String("import")) {
        options.action = SitesOptions::Action::Import;
        if (args.size() != 2)
            return refuse(tr("sites import needs exactly one FILE"));
        options.file = args.at(1);
        options.dryRun = parser.isSet(QStringLiteral("dry-run"));
        options.confirmTypeChange = parser.isSet(QStringLiteral("confirm-type-change"));
    } else if (action == QLatin1String("export")) {
        options.action = SitesOptions::Action::Export;
        options.file = parser.value(QStringLiteral("out"));
        if (args.size() != 1 || options.file.isEmpty())
            return refuse(tr("sites export needs --out FILE.csv, FILE.xlsx or FILE.gpkg"));
        const QString suffix = QFileInfo(options.file).suffix().toLower();
        if (suffix != QLatin1String("csv") && suffix != QLatin1String("xlsx")
            && suffix != QLatin1String("gpkg"))
            return refuse(tr("sites export writes .csv, .xlsx or .gpkg, not %1").arg(options.file));
    } else if (action == QLatin1String("list") || action.isEmpty()) {
        options.action = SitesOptions::Action::List;
        if (args.size() > 1)
            return refuse(tr("sites list takes no arguments"));
    } else if (action == QLatin1String("revisions")) {
        options.action = SitesOptions::Action::Revisions;
        if (args.size() != 1)
            return refuse(tr("sites revisions takes no arguments"));
    } else if (action == QLatin1String("restore")) {
        options.action = SitesOptions::Action::Restore;
        bool ok = false;
        options.revision = args.value(1).toLongLong(&ok);
        if (args.size() != 2 || !ok || options.revision < 1)
            return refuse(tr("sites restore needs one REVISION number"));
    } else if (action == QLatin1String("retire")) {
        options.action = SitesOptions::Action::Retire;
        options.site = args.value(1);
        if (args.size() != 2 || options.site.isEmpty())
            return refuse(tr("sites retire needs exactly one SITE id"));
    } else if (action == QLatin1String("types")) {
        options.action = SitesOptions::Action::Types;
        if (args.size() != 1)
            return refuse(tr("sites types takes no arguments"));
    } else if (action == QLatin1String("add-type")) {
        options.action = SitesOptions::Action::AddType;
        if (args.size() != 2)
            return refuse(tr("sites add-type needs exactly one TYPE id"));
        options.newType.id = args.at(1);
        options.newType.nameZh = parser.value(QStringLiteral("name-zh")).trimmed();
        options.newType.nameEn = parser.value(QStringLiteral("name-en")).trimmed();
        options.newType.icon = parser.value(QStringLiteral("icon"));
        options.newType.builtIn = false;
        if (options.newType.nameZh.isEmpty())
            return refuse(tr("sites add-type needs --name-zh NAME"));
        if (!SiteType::icons().contains(options.newType.icon))
            return refuse(
                tr("--icon must be one of %1, not %2")
                    .arg(SiteType::icons().join(QStringLiteral(", ")),
                        options.newType.icon.isEmpty() ? tr("(none)") : options.newType.icon));
    } else {
        return refuse(tr("unknown action %1; use import, export, list, revisions, restore, "
                         "retire, types or add-type")
                          .arg(action));
    }
    return run(options, out, err);
}

int SitesCommand::run(const SitesOptions &options, QTextStream &out, QTextStream &err)
{
    switch (options.action) {
    case SitesOptions::Action::Import:
        return runImport(options, out, err);
    case SitesOptions::Action::Export:
    case SitesOptions::Action::List:
        return runList(options, out, err);
    case SitesOptions::Action::Revisions:
        return runRevisions(options, out, err);
    case SitesOptions::Action::Restore:
        return runRestore(options, out, err);
    case SitesOptions::Action::Retire:
        return runRetire(options, out, err);
    case SitesOptions::Action::Types:
        return runTypes(options, out, err);
    case SitesOptions::Action::AddType:
        return runAddType(options, out, err);
    }
    return 2;
}

int SitesCommand::runImport(const SitesOptions &options, QTextStream &out, QTextStream &err)
{
    // A mistyped file name must not leave a new, empty store behind.
    if (!QFileInfo(options.file).isFile()) {
        err << tr("%1: the file does not exist").arg(QDir::toNativeSeparators(options.file))
            << Qt::endl;
        return 1;
    }
    QString error;
    const std::unique_ptr<SiteStore> store = SiteStore::create(specOf(options), &error);
    if (!store) {
        err << error << Qt::endl;
        return 1;
    }
    auto counties = CountyLocator::loadBundled(&error);
    const auto samples = counties ? SampleSites::loadBundled(&error) : std::nullopt;
    const auto types = samples ? store->types(&error) : std::nullopt;
    SiteFilter all;
    all.includeRetired = true;
    const auto existing = types ? store->sites(all, &error) : std::nullopt;
    if (!existing) {
        err << error << Qt::endl;
        return 1;
    }
    const SiteImporter importer(std::make_shared<const CountyLocator>(std::move(*counties)), *types,
        *existing, SampleSites::ids(*samples));
    SiteImporter::Options importOptions;
    importOptions.confirmTypeChange = options.confirmTypeChange;
    const SiteImportPreview preview = importer.preview(options.file, importOptions);
    for (const QString &notice : preview.notices)
        err << QDir::toNativeSeparators(options.file) << ": " << notice << Qt::endl;
    if (!preview.canCommit()) {
        for (const QString &line : preview.problemLines())
            err << line << Qt::endl;
        err << tr("%1: nothing imported").arg(QDir::toNativeSeparators(options.file)) << Qt::endl;
        return 1;
    }
    if (options.dryRun) {
        out << tr("%1: %2; dry run, nothing written")
                   .arg(QDir::toNativeSeparators(options.file), preview.summary())
            << Qt::endl;
        return 0;
    }
    const auto revision = SiteImporter::commit(preview, *store, &error);
    if (!revision) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("%1: %2; revision %3")
               .arg(QDir::toNativeSeparators(options.file), preview.summary())
               .arg(*revision)
        << Qt::endl;
    return 0;
}

int SitesCommand::runList(const SitesOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::unique_ptr<SiteStore> store
        = openExisting(StoreSpec::readOnly(specOf(options)), &error);
    const auto types = store ? store->types(&error) : std::nullopt;
    if (!types) {
        err << error << Qt::endl;
        return 1;
    }
    SiteFilter filter;
    filter.county = options.county;
    filter.includeRetired = options.includeRetired;
    if (!options.type.isEmpty()) {
        const SiteType *type = SiteType::match(*types, options.type);
        if (!type) {
            err << tr("--type: no site type %1").arg(options.type) << Qt::endl;
            return 2;
        }
        filter.type = type->id;
    }
    auto sites = store->sites(filter, &error);
    const auto visibility = sites
        ? SampleDataOption::visibility(options.sample, specOf(options), &error)
        : std::nullopt;
    if (!visibility) {
        err << error << Qt::endl;
        return 1;
    }
    // The sample sites are one source among the others, shown while the setting says so.
    if (visibility->samplesShown()) {
        const auto samples = SampleSites::loadBundled(&error);
        if (!samples) {
            err << error << Qt::endl;
            return 1;
        }
        for (const Site &s : *samples) {
            if ((filter.county.isEmpty() || s.county == filter.county)
                && (filter.type.isEmpty() || s.type == filter.type))
                sites->push_back(s);
        }
    }
    if (options.action == SitesOptions::Action::Export) {
        if (!SiteExporter::write(*sites, options.file, &error)) {
            err << error << Qt::endl;
            return 1;
        }
        out << tr("%1: %n site(s) written", nullptr, int(sites->size()))
                   .arg(QDir::toNativeSeparators(options.file))
            << Qt::endl;
        return 0;
    }
    QStringList fields;
    for (const QString &h : SiteExporter::header())
        fields << CsvText::field(h);
    out << fields.join(QLatin1Char(',')) << '\n';
    for (const Site &s : *sites) {
        fields.clear();
        for (const QString &c : SiteExporter::row(s))
            fields << CsvText::field(c);
        out << fields.join(QLatin1Char(',')) << '\n';
    }
    out.flush();
    return 0;
}

int SitesCommand::runRevisions(const SitesOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::unique_ptr<SiteStore> store
        = openExisting(StoreSpec::readOnly(specOf(options)), &error);
    const auto revisions = store ? store->revisions(&error) : std::nullopt;
    if (!revisions) {
        err << error << Qt::endl;
        return 1;
    }
    out << "revision,created,kind,source,restored_from,sites\n";
    for (const SiteRevision &r : *revisions) {
        out << r.id << ',' << CsvText::chinaTime(r.created.toMSecsSinceEpoch()) << ','
            << SiteRevision::kindKey(r.kind) << ',' << CsvText::field(r.source) << ','
            << (r.restoredFrom > 0 ? QString::number(r.restoredFrom) : QString()) << ','
            << r.siteCount << '\n';
    }
    out.flush();
    return 0;
}

int SitesCommand::runRestore(const SitesOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::unique_ptr<SiteStore> store = openExisting(specOf(options), &error);
    const auto revision = store ? store->restoreRevision(options.revision, &error) : std::nullopt;
    if (!revision) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("sites as after revision %1 restored as revision %2")
               .arg(options.revision)
               .arg(*revision)
        << Qt::endl;
    return 0;
}

int SitesCommand::runRetire(const SitesOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::unique_ptr<SiteStore> sites = openExisting(specOf(options), &error);
    const std::unique_ptr<AlertStore> alerts
        = sites ? AlertStore::create(specOf(options), &error) : nullptr;
    const auto result
        = alerts ? SiteRetirement::retire(*sites, *alerts, options.site, &error) : std::nullopt;
    if (!result) {
        err << options.site << ": " << error << Qt::endl;
        return 1;
    }
    if (result->revision > 0)
        out << tr("site %1 retired as revision %2").arg(options.site).arg(result->revision);
    else
        out << tr("site %1 was retired already").arg(options.site);
    out << "; "
        << tr("%n open alert(s) resolved as \"%1\"", nullptr, result->resolvedAlerts)
               .arg(SiteRetirement::reason())
        << Qt::endl;
    return 0;
}

int SitesCommand::runTypes(const SitesOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::unique_ptr<SiteStore> store
        = openExisting(StoreSpec::readOnly(specOf(options)), &error);
    const auto types = store ? store->types(&error) : std::nullopt;
    if (!types) {
        err << error << Qt::endl;
        return 1;
    }
    out << "id,name_zh,name_en,icon,source\n";
    for (const SiteType &t : *types) {
        out << CsvText::field(t.id) << ',' << CsvText::field(t.nameZh) << ','
            << CsvText::field(t.nameEn) << ',' << t.icon << ','
            << (t.builtIn ? "built-in" : "office") << '\n';
    }
    out.flush();
    return 0;
}

int SitesCommand::runAddType(const SitesOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::unique_ptr<SiteStore> store = SiteStore::create(specOf(options), &error);
    if (!store || !store->addType(options.newType, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("site type %1 added; sites of this type can now be imported")
               .arg(options.newType.displayName())
        << Qt::endl;
    return 0;
}

} // namespace dv
