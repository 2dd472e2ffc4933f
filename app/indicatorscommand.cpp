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

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace dv {

namespace {

QString storePath(const QString &spec)
{
    QString ignored; // an unusable spec is reported by the store itself
    return StoreSpec::sqlitePath(spec, &ignored);
}

// revisions and restore only read or rebuild what is there: a store that does not exist is an
// error, never created (a mistyped path must not leave an empty store behind).
std::unique_ptr<IndicatorStore> openExisting(const QString &spec, QString *error)
{
    if (StoreSpec::existingSqlitePath(spec, error).isEmpty())
        return nullptr;
    return IndicatorStore::create(spec, error);
}

} // namespace

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
    if (spec.contains(QLatin1String("://")) || QFileInfo::exists(storePath(spec))) {
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
    const QString path = storePath(spec);
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
    if (!store || !store->ensureSampleData(&error)) {
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
    const auto store = openExisting(spec, &error);
    const auto revisions = store ? store->revisions(&error) : std::nullopt;
    if (!revisions) {
        err << error << Qt::endl;
        return 1;
    }
    out << "revision,created,kind,source,values,changed,restored_from\n";
    for (const IndicatorRevision &r : *revisions) {
        out << r.id << ',' << CsvText::chinaTime(r.created.toMSecsSinceEpoch()) << ','
            << IndicatorRevision::kindKey(r.kind) << ',' << CsvText::field(r.source) << ','
            << r.valueCount << ',' << r.changedCount << ','
            << (r.restoredFrom > 0 ? QString::number(r.restoredFrom) : QString()) << '\n';
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
               .arg(QDir::toNativeSeparators(storePath(spec)), options.definition.id,
                   options.definition.labelZh())
        << Qt::endl;
    return 0;
}

} // namespace dv
