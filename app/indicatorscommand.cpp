// dvdash indicators: county indicator tables in and out of the store, its revisions, restores
// and an office's own indicators.
#include "indicatorscommand.h"

#include "appsettings.h"
#include "countydirectory.h"
#include "csvtext.h"
#include "indicatorcatalogue.h"
#include "indicatorexporter.h"
#include "indicatorimporter.h"
#include "indicatorstore.h"
#include "storespec.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace dv {

namespace {

QString storeName(const QString &spec)
{
    return StoreSpec::displayName(spec); // an unusable spec is reported by the store itself
}

// revisions and restore only read or rebuild what is there: a store that does not exist is an
// error, never created (a mistyped path must not leave an empty store behind).
std::unique_ptr<IndicatorStore> openExisting(const QString &spec, QString *error)
{
    if (!StoreSpec::exists(spec, error))
        return nullptr;
    return IndicatorStore::create(spec, error);
}

} // namespace

QString IndicatorsCommand::name() const
{
    return QStringLiteral("indicators");
}

QString IndicatorsCommand::summary() const
{
    return tr("Import, export, restore and define county indicators.");
}

void IndicatorsCommand::describe(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"),
        tr("import FILE; export --year Y --out FILE; revisions; restore REVISION; define --id ID "
           "--name-zh NAME --unit UNIT."),
        QStringLiteral("import|export|revisions|restore|define"));
    parser.addPositionalArgument(QStringLiteral("argument"),
        tr("import: the CSV, XLSX or ODS file to read; restore: the revision to bring back."),
        QStringLiteral("[FILE|REVISION]"));
    parser.addOption(storeOption());
    parser.addOption(QCommandLineOption(QStringLiteral("year"),
        tr("Export: the year to write. Import: the year of a wide table without a year column."),
        QStringLiteral("year")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("dry-run"), tr("Check the file and report, writing nothing.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("out"), tr("CSV or XLSX file to write."), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("id"),
        tr("Define: the new indicator's id (lower-case letters, digits and _)."),
        QStringLiteral("id")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("name-zh"), tr("Define: the Chinese name."), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("name-en"), tr("Define: the English name."), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(QStringLiteral("unit"),
        tr("Define: the unit shown after the name, e.g. %."), QStringLiteral("unit")));
    parser.addOption(QCommandLineOption(QStringLiteral("decimals"),
        tr("Define: decimals shown, 0 to 6 (default 1)."), QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("lower-is-better"), tr("Define: lower values are better.")));
    parser.addOption(QCommandLineOption(QStringLiteral("dimension"),
        tr("Define: infrastructure, economy (default), governance or life."),
        QStringLiteral("dimension")));
    parser.addOption(QCommandLineOption(QStringLiteral("min"),
        tr("Define: the smallest value an import accepts."), QStringLiteral("X")));
    parser.addOption(QCommandLineOption(QStringLiteral("max"),
        tr("Define: the largest value an import accepts."), QStringLiteral("Y")));
    parser.addOption(QCommandLineOption(QStringLiteral("not-in-index"),
        tr("Define: leave the indicator out of the digital-village index.")));
    parser.addOption(QCommandLineOption(QStringLiteral("source"),
        tr("Define: where the figures come from and what they mean."), QStringLiteral("text")));
}

int IndicatorsCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    // One line naming the problem on err, and 2: a usage error.
    auto refuse = [&err](const QString &message) {
        err << message << Qt::endl;
        return 2;
    };
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    IndicatorsOptions options;
    options.store = parser.value(QStringLiteral("store"));
    if (parser.isSet(QStringLiteral("year"))) {
        const QString year = parser.value(QStringLiteral("year"));
        bool ok = false;
        options.year = year.toInt(&ok);
        if (!ok || options.year < 1900 || options.year > 2100)
            return refuse(tr("--year must be a year from 1900 to 2100, not %1").arg(year));
    }
    if (action == QLatin1String("import")) {
        options.action = IndicatorsOptions::Action::Import;
        if (args.size() != 2)
            return refuse(tr("indicators import needs exactly one FILE (CSV, XLSX or ODS)"));
        options.file = args.at(1);
        options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    } else if (action == QLatin1String("export")) {
        options.action = IndicatorsOptions::Action::Export;
        options.file = parser.value(QStringLiteral("out"));
        if (args.size() != 1 || options.file.isEmpty() || !parser.isSet(QStringLiteral("year")))
            return refuse(tr("indicators export needs --year Y and --out FILE.csv or FILE.xlsx"));
    } else if (action == QLatin1String("revisions")) {
        options.action = IndicatorsOptions::Action::Revisions;
        if (args.size() != 1)
            return refuse(tr("indicators revisions takes no arguments"));
    } else if (action == QLatin1String("restore")) {
        options.action = IndicatorsOptions::Action::Restore;
        bool ok = false;
        options.revision = args.value(1).toLongLong(&ok);
        if (args.size() != 2)
            return refuse(tr("indicators restore needs one REVISION number"));
        if (!ok || options.revision < 1)
            return refuse(tr("indicators restore needs a REVISION number, not %1").arg(args.at(1)));
    } else if (action == QLatin1String("define")) {
        options.action = IndicatorsOptions::Action::Define;
        if (args.size() != 1) {
            return refuse(tr("indicators define takes options only, not %1")
                              .arg(args.mid(1).join(QLatin1Char(' '))));
        }
        const QString error = readDefinition(parser, options.definition);
        if (!error.isEmpty())
            return refuse(error);
    } else {
        return refuse(tr("indicators needs import FILE, export --year Y --out FILE, revisions, "
                         "restore REVISION or define --id ID"));
    }
    return run(options, out, err);
}

QString IndicatorsCommand::readDefinition(const QCommandLineParser &parser, Indicator &d)
{
    // --unit "" is allowed: an index or a score may have none.
    for (const char *name : { "id", "name-zh", "unit" }) {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option)
            || (option != QLatin1String("unit") && parser.value(option).trimmed().isEmpty()))
            return tr("indicators define needs %1").arg(QStringLiteral("--") + option);
    }
    d.id = parser.value(QStringLiteral("id"));
    d.nameZh = parser.value(QStringLiteral("name-zh")).trimmed();
    d.nameEn = parser.value(QStringLiteral("name-en")).trimmed();
    d.unit = parser.value(QStringLiteral("unit")).trimmed();
    d.source = parser.value(QStringLiteral("source"));
    d.higherIsBetter = !parser.isSet(QStringLiteral("lower-is-better"));
    d.inIndex = !parser.isSet(QStringLiteral("not-in-index"));
    if (parser.isSet(QStringLiteral("decimals"))) {
        const QString decimals = parser.value(QStringLiteral("decimals"));
        bool ok = false;
        d.decimals = decimals.toInt(&ok);
        if (!ok || d.decimals < 0 || d.decimals > 6)
            return tr("--decimals must be a whole number from 0 to 6, not %1").arg(decimals);
    }
    if (parser.isSet(QStringLiteral("dimension"))) {
        const QString key = parser.value(QStringLiteral("dimension"));
        const auto dimension = Indicator::dimensionFromKey(key);
        if (!dimension)
            return tr("--dimension must be infrastructure, economy, governance or life, not %1")
                .arg(key);
        d.dimension = *dimension;
    }
    for (const auto &[name, bound] :
        { std::pair { "min", &d.minimum }, std::pair { "max", &d.maximum } }) {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        *bound = parser.value(option).toDouble(&ok);
        if (!ok || !std::isfinite(*bound))
            return tr("--%1 must be a number, not %2").arg(option, parser.value(option));
    }
    // The store checks again; here a bad definition is a usage error naming the option.
    if (!(d.minimum <= d.maximum))
        return tr("--min must not exceed --max");
    // What is left for validate() to refuse is the id's spelling.
    const QString invalid = d.validate();
    if (!invalid.isEmpty())
        return QStringLiteral("--id: ") + invalid;
    return {};
}

int IndicatorsCommand::run(const IndicatorsOptions &options, QTextStream &out, QTextStream &err)
{
    int code = 1;
    switch (options.action) {
    case IndicatorsOptions::Action::Import:
        code = runImport(options, out, err);
        break;
    case IndicatorsOptions::Action::Export:
        code = runExport(options, out, err);
        break;
    case IndicatorsOptions::Action::Revisions:
        code = runRevisions(options, out, err);
        break;
    case IndicatorsOptions::Action::Restore:
        code = runRestore(options, out, err);
        break;
    case IndicatorsOptions::Action::Define:
        code = runDefine(options, out, err);
        break;
    }
    out.flush();
    err.flush();
    return code;
}

int IndicatorsCommand::runImport(
    const IndicatorsOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const auto counties = CountyDirectory::loadBundled(&error);
    if (!counties) {
        err << error << Qt::endl;
        return 1;
    }
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    // An existing store gives the definitions (an office's own indicators too); a store that
    // does not exist yet is created only once the file has proved clean.
    std::unique_ptr<IndicatorStore> store;
    std::vector<Indicator> indicators = IndicatorCatalogue::builtIns();
    if (spec.contains(QLatin1String("://")) || QFileInfo::exists(storeName(spec))) {
        store = IndicatorStore::create(spec, &error);
        const auto known = store ? store->indicators(&error) : std::nullopt;
        if (!known) {
            err << error << Qt::endl;
            return 1;
        }
        indicators = *known;
    }
    const IndicatorImporter importer(*counties, indicators);
    const ImportPreview preview = importer.preview(options.file, options.year);
    if (!preview.canCommit()) {
        for (const QString &line : preview.problemLines())
            err << line << Qt::endl;
        return 1;
    }
    out << preview.summary() << Qt::endl;
    if (options.dryRun) {
        out << tr("dry run: nothing written") << Qt::endl;
        return 0;
    }
    if (!store)
        store = IndicatorStore::create(spec, &error);
    const auto revision = store ? IndicatorImporter::commit(preview, *store, &error) : std::nullopt;
    if (!revision) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("written as revision %1").arg(*revision) << Qt::endl;
    return 0;
}

int IndicatorsCommand::runExport(
    const IndicatorsOptions &options, QTextStream &out, QTextStream &err)
{
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    // A named store must exist: a mistyped path must not leave an empty store behind. The
    // user's own store is created on first use, with the sample data, as the window does.
    const QString path = storeName(spec);
    if (!options.store.isEmpty() && !spec.contains(QLatin1String("://"))
        && !QFileInfo::exists(path)) {
        err << tr("%1: no such store").arg(QDir::toNativeSeparators(path)) << Qt::endl;
        return 1;
    }
    QString error;
    const auto counties = CountyDirectory::loadBundled(&error);
    if (!counties) {
        err << error << Qt::endl;
        return 1;
    }
    const auto store = IndicatorStore::create(spec, &error);
    if (!store || !IndicatorStore::ensureSampleDataIfOwn(*store, spec, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    if (!IndicatorExporter::exportYear(*store, *counties, options.year, options.file, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("%1: written").arg(QDir::toNativeSeparators(options.file)) << Qt::endl;
    return 0;
}

int IndicatorsCommand::runRevisions(
    const IndicatorsOptions &options, QTextStream &out, QTextStream &err)
{
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    const auto store = openExisting(StoreSpec::readOnly(spec), &error);
    const auto revisions = store ? store->revisions(&error) : std::nullopt;
    if (!revisions) {
        err << error << Qt::endl;
        return 1;
    }
    out << "revision,created,kind,source,values,changed,restored_from,made_by\n";
    for (const IndicatorRevision &r : *revisions) {
        out << r.id << ',' << CsvText::chinaTime(r.created.toMSecsSinceEpoch()) << ','
            << IndicatorRevision::kindKey(r.kind) << ',' << CsvText::field(r.source) << ','
            << r.valueCount << ',' << r.changedCount << ','
            << (r.restoredFrom > 0 ? QString::number(r.restoredFrom) : QString()) << ','
            << CsvText::field(r.madeBy) << '\n';
    }
    return 0;
}

int IndicatorsCommand::runRestore(
    const IndicatorsOptions &options, QTextStream &out, QTextStream &err)
{
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    const auto store = openExisting(spec, &error);
    const auto revision = store ? store->restoreRevision(options.revision, &error) : std::nullopt;
    if (!revision) {
        err << error << Qt::endl;
        return 1;
    }
    out << *revision << Qt::endl;
    return 0;
}

int IndicatorsCommand::runDefine(
    const IndicatorsOptions &options, QTextStream &out, QTextStream &err)
{
    // Like import, define writes, so it creates a store that does not exist yet; the message
    // names the file so a mistyped path shows.
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    const auto store = IndicatorStore::create(spec, &error);
    if (!store || !store->addIndicator(options.definition, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("%1: indicator %2 (%3) added")
               .arg(QDir::toNativeSeparators(storeName(spec)), options.definition.id,
                   options.definition.labelZh())
        << Qt::endl;
    return 0;
}

} // namespace dv
