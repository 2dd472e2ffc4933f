// Picks the store backend by the spec's scheme: "sqlite:PATH" (or a path), "postgresql://...".
#include "storeregistry.h"

#include "alertstore.h"
#include "indicatorstore.h"
#include "sensorstore.h"
#include "postgresstorebackend.h"
#include "sitestore.h"
#include "sqlitestorebackend.h"

#include <QRegularExpression>

namespace dv {

StoreRegistry::StoreRegistry()
{
    add(std::make_unique<SqliteStoreBackend>());
    add(std::make_unique<PostgresStoreBackend>());
}

StoreRegistry &StoreRegistry::instance()
{
    static StoreRegistry registry;
    return registry;
}

void StoreRegistry::add(std::unique_ptr<StoreBackend> backend)
{
    mBackends.push_back(std::move(backend));
}

QStringList StoreRegistry::schemes() const
{
    QStringList names;
    for (const auto &b : mBackends)
        names << b->scheme();
    return names;
}

QString StoreRegistry::schemeOf(const QString &spec)
{
    // RFC 3986 scheme letters; two at least, so "C:\data\store.sqlite" stays a path.
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]+):"));
    const QRegularExpressionMatch m = scheme.match(spec);
    if (!m.hasMatch())
        return QStringLiteral("sqlite");
    const QString name = m.captured(1).toLower();
    // libpq takes both spellings of its URI.
    return name == QLatin1String("postgres") ? QStringLiteral("postgresql") : name;
}

const StoreBackend *StoreRegistry::backendFor(const QString &spec, QString *error) const
{
    const QString scheme = schemeOf(spec);
    for (const auto &b : mBackends) {
        if (b->scheme() == scheme)
            return b.get();
    }
    QStringList forms;
    for (const auto &b : mBackends)
        forms << b->specForm();
    *error = tr("%1: no store of the kind \"%2\" in this dvdash; use %3")
                 .arg(spec, scheme, forms.join(tr(" or ")));
    return nullptr;
}

std::unique_ptr<SensorStore> StoreRegistry::openSensorStore(
    const QString &spec, QString *error) const
{
    const StoreBackend *backend = backendFor(spec, error);
    return backend ? backend->openSensorStore(spec, error) : nullptr;
}

std::unique_ptr<AlertStore> StoreRegistry::openAlertStore(const QString &spec, QString *error) const
{
    const StoreBackend *backend = backendFor(spec, error);
    return backend ? backend->openAlertStore(spec, error) : nullptr;
}

std::unique_ptr<IndicatorStore> StoreRegistry::openIndicatorStore(
    const QString &spec, QString *error) const
{
    const StoreBackend *backend = backendFor(spec, error);
    return backend ? backend->openIndicatorStore(spec, error) : nullptr;
}

std::unique_ptr<SiteStore> StoreRegistry::openSiteStore(const QString &spec, QString *error) const
{
    const StoreBackend *backend = backendFor(spec, error);
    return backend ? backend->openSiteStore(spec, error) : nullptr;
}

} // namespace dv
