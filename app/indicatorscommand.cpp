// dvdash indicators import / export: county indicator tables in and out of the store.
#include "indicatorscommand.h"

#include "appsettings.h"
#include "countydirectory.h"
#include "indicatorcatalogue.h"
#include "indicatorexporter.h"
#include "indicatorimporter.h"
#include "indicatorstore.h"
#include "storespec.h"

#include <QDir>
#include <QFileInfo>

namespace dv {

namespace {

QString storePath(const QString &spec)
{
    QString ignored; // an unusable spec is reported by the store itself
    return StoreSpec::sqlitePath(spec, &ignored);
}

} // namespace

int IndicatorsCommand::run(const IndicatorsOptions &options, QTextStream &out, QTextStream &err)
{
    const int code = options.action == IndicatorsOptions::Action::Import
        ? runImport(options, out, err)
        : runExport(options, out, err);
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

} // namespace dv
