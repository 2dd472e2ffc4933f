// The office's sites in the window: the map's sites layer from the registry, edits with undo.
#include "siteworkspace.h"

#include "addsitecommand.h"
#include "appsettings.h"
#include "countydirectory.h"
#include "countylocator.h"
#include "devicekey.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "movesitecommand.h"
#include "samplesites.h"
#include "sensorstore.h"
#include "siteeditdialog.h"
#include "sitelayerbuilder.h"
#include "sitemanagerdialog.h"
#include "siteretirement.h"
#include "sitestore.h"
#include "storereader.h"
#include "storeset.h"
#include "vectorlayer.h"

#include <QInputDialog>
#include <QSet>
#include <QUndoStack>

namespace dv {

namespace {

// How often the registry's generation is asked for: a command-line import shows within this.
constexpr int kPollMs = 3000;

} // namespace

// What one read of the registry brings back, with the layer already built and projected.
struct SiteWorkspace::Answer {
    QString error;
    std::vector<Site> registered;
    std::vector<SiteType> types;
    qint64 generation = 0;
    bool samplesShown = true;
    std::shared_ptr<const std::vector<Site>> samples;
    std::shared_ptr<const CountyLocator> locator;
    QHash<QString, QString> countyNames;
    std::shared_ptr<VectorLayer> layer;
    std::shared_ptr<const FeatureSearch::LayerIndex> index;
    bool hasRegistered = false; // the layer shows some of the office's own sites
};

SiteWorkspace::SiteWorkspace(LayerStack *layers, QObject *parent)
    : QObject(parent)
    , mLayers(layers)
    , mUndo(new QUndoStack(this))
{
    mPoll.setInterval(kPollMs);
    connect(&mPoll, &QTimer::timeout, this, &SiteWorkspace::checkGeneration);
    // The province arrives with the bundled sample layer: ours replaces it once it is there.
    // Queued, so whoever waits for the sites (the sensor hub) sees the province's layer first.
    connect(mLayers, &LayerStack::layersChanged, this, [this] {
        if (mPending && mLayers->layer(QStringLiteral("counties"))
            && mLayers->layer(QStringLiteral("sites"))) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (mPending)
                        install(mPending, mPendingIndex, mPendingHasRegistered);
                },
                Qt::QueuedConnection);
        }
    });
}

SiteWorkspace::~SiteWorkspace() = default;

void SiteWorkspace::start(const QString &storeSpec)
{
    if (mReader)
        return;
    mReader
        = new StoreReader(storeSpec.isEmpty() ? AppSettings::defaultStoreSpec() : storeSpec, this);
    reload();
    mPoll.start();
}

void SiteWorkspace::setCanvas(MapCanvas *canvas)
{
    mCanvas = canvas;
    connect(canvas, &MapCanvas::siteAddRequested, this,
        [this](const QPointF &lonLat) { addSiteAt(lonLat, mCanvas->window()); });
    connect(canvas, &MapCanvas::siteMoveRequested, this, &SiteWorkspace::moveSite);
}

void SiteWorkspace::setSamplesShown(bool on)
{
    AppSettings::setSampleDataShown(on);
    const bool changed = mSamplesShown != on;
    mSamplesShown = on;
    if (changed)
        emit samplesShownChanged(on);
    reload();
}

SiteVisibility SiteWorkspace::visibility() const
{
    QSet<QString> sampleIds = mSamples ? SampleSites::ids(*mSamples) : QSet<QString>();
    // An id the office registered is its own site, as on the map (SiteLayerBuilder).
    for (const Site &s : mRegistered)
        sampleIds.remove(s.id);
    return SiteVisibility(mSamplesShown, std::move(sampleIds));
}

std::optional<Site> SiteWorkspace::registeredSite(const QString &id) const
{
    for (const Site &s : mRegistered) {
        if (s.id == id)
            return s;
    }
    return std::nullopt;
}

QString SiteWorkspace::countyAt(const QPointF &lonLat) const
{
    return mLocator ? mLocator->countyAt(lonLat.x(), lonLat.y()) : QString();
}

void SiteWorkspace::reload()
{
    if (!mReader)
        return;
    mReader->request(
        QStringLiteral("site-registry"), this,
        [samples = mSamples, locator = mLocator, names = mCountyNames, crs = mLayers->displayCrs()](
            StoreSet &stores) {
            Answer a;
            a.samples = samples;
            a.locator = locator;
            a.countyNames = names;
            SiteStore *store = stores.sites(&a.error);
            if (!store)
                return a;
            SiteFilter all;
            all.includeRetired = true;
            auto sites = store->sites(all, &a.error);
            auto types = sites ? store->types(&a.error) : std::nullopt;
            auto generation = types ? store->generation(&a.error) : std::nullopt;
            auto real = generation ? store->hasRealSites(&a.error) : std::nullopt;
            if (!real)
                return a;
            // The bundled data is read once, then handed along with every request.
            if (!a.samples) {
                auto loaded = SampleSites::loadBundled(&a.error);
                if (!loaded)
                    return a;
                a.samples = std::make_shared<const std::vector<Site>>(std::move(*loaded));
            }
            if (!a.locator) {
                auto loaded = CountyLocator::loadBundled(&a.error);
                auto directory = loaded ? CountyDirectory::loadBundled(&a.error) : std::nullopt;
                if (!directory)
                    return a;
                a.locator = std::make_shared<const CountyLocator>(std::move(*loaded));
                for (const County &c : directory->counties())
                    a.countyNames.insert(c.code, c.name);
            }
            a.registered = std::move(*sites);
            a.types = std::move(*types);
            a.generation = *generation;
            a.samplesShown = AppSettings::sampleDataShown(*real);
            const std::vector<Site> shown
                = SiteLayerBuilder::visibleSites(a.registered, *a.samples, a.samplesShown);
            a.hasRegistered = std::any_of(shown.begin(), shown.end(),
                [](const Site &s) { return s.source != Site::Source::Sample; });
            a.layer = SiteLayerBuilder::build(shown, a.countyNames);
            QString why;
            if (!a.layer->project(crs, &why)) {
                a.error = why;
                return a;
            }
            a.index = FeatureSearch::index(*a.layer);
            return a;
        },
        [this](const Answer &a) { onAnswer(a); });
}

void SiteWorkspace::onAnswer(const Answer &a)
{
    if (a.samples)
        mSamples = a.samples;
    if (a.locator) {
        mLocator = a.locator;
        mCountyNames = a.countyNames;
    }
    if (!a.error.isEmpty() || !a.layer) {
        emit failed(tr("The site registry cannot be read: %1").arg(a.error));
        return;
    }
    mRegistered = a.registered;
    mTypes = a.types;
    mGeneration = a.generation;
    const bool shownChanged = mSamplesShown != a.samplesShown;
    mSamplesShown = a.samplesShown;
    mLoaded = true;
    if (shownChanged)
        emit samplesShownChanged(mSamplesShown);
    install(a.layer, a.index, a.hasRegistered);
}

void SiteWorkspace::install(std::shared_ptr<VectorLayer> layer,
    std::shared_ptr<const FeatureSearch::LayerIndex> index, bool hasRegistered)
{
    const auto current = mLayers->layer(QStringLiteral("sites"));
    if (!current || !mLayers->layer(QStringLiteral("counties"))) {
        mPending = layer; // the province is still loading
        mPendingIndex = index;
        mPendingHasRegistered = hasRegistered;
        emit sitesChanged();
        return;
    }
    mPending.reset();
    mPendingIndex.reset();
    // The province's own sample layer shows exactly what ours would: keep it, so feature
    // numbers others already hold (alerts, the site panel) stay valid.
    if (current != mInstalled && !hasRegistered && mSamplesShown) {
        emit sitesChanged();
        return;
    }
    if (layer->projected() && layer->projected()->crs() != mLayers->displayCrs())
        index.reset(); // projected for a CRS since left: addLayer projects and indexes again
    // What the user set on the layer (visibility, categories switched off) stays.
    layer->setStyle(current->style());
    layer->setVisible(current->isVisible());
    QString selectedId;
    if (mCanvas && mCanvas->selection().layerId == QLatin1String("sites"))
        selectedId = current->table().text(mCanvas->selection().feature, QStringLiteral("site_id"));
    mLayers->removeLayer(QStringLiteral("sites"));
    QString error;
    if (!mLayers->addLayer(layer, &error, index)) {
        mLayers->addLayer(current); // the old one back rather than none
        emit failed(error);
        return;
    }
    mInstalled = layer;
    if (mCanvas && !selectedId.isEmpty()) {
        int feature = -1;
        for (int f = 0; f < layer->featureCount() && feature < 0; ++f) {
            if (layer->table().text(f, QStringLiteral("site_id")) == selectedId)
                feature = f;
        }
        if (feature >= 0)
            mCanvas->selectFeature(QStringLiteral("sites"), feature);
        else
            mCanvas->clearSelection();
    }
    emit sitesChanged();
}

void SiteWorkspace::checkGeneration()
{
    if (!mReader || !mLoaded)
        return;
    mReader->request(
        QStringLiteral("site-generation"), this,
        [](StoreSet &stores) {
            QString error;
            SiteStore *store = stores.sites(&error);
            return store ? store->generation(&error) : std::nullopt;
        },
        [this](const std::optional<qint64> &generation) {
            if (generation && *generation != mGeneration)
                reload();
        });
}

void SiteWorkspace::submitSave(
    const std::vector<Site> &sites, const QString &what, const QString &message)
{
    if (!mReader)
        return;
    mReader->submit(
        this,
        [sites, what](StoreSet &stores) {
            QString error;
            SiteStore *store = stores.sites(&error);
            if (store && store->saveSites(sites, SiteRevision::Kind::Edit, what, &error))
                return QString();
            return error;
        },
        [this, message](const QString &error) {
            if (error.isEmpty())
                emit saved(message);
            else
                emit failed(error);
            reload();
        });
}

void SiteWorkspace::saveSite(const Site &site, const QString &what)
{
    submitSave({ site }, what, tr("Site %1 saved").arg(site.id));
}

void SiteWorkspace::retireSite(const QString &id)
{
    if (!mReader)
        return;
    struct Retired {
        QString error;
        int resolved = 0;
    };
    mReader->submit(
        this,
        [id](StoreSet &stores) {
            Retired out;
            SiteStore *sites = stores.sites(&out.error);
            AlertStore *alerts = sites ? stores.alerts(&out.error) : nullptr;
            if (!alerts)
                return out;
            const auto result = SiteRetirement::retire(*sites, *alerts, id, &out.error);
            if (result)
                out.resolved = result->resolvedAlerts;
            return out;
        },
        [this, id](const Retired &r) {
            if (r.error.isEmpty())
                emit saved(
                    tr("Site %1 retired; %n open alert(s) resolved", nullptr, r.resolved).arg(id));
            else
                emit failed(r.error);
            reload();
        });
}

bool SiteWorkspace::moveSite(const QString &id, const QPointF &fromLonLat, const QPointF &toLonLat)
{
    const auto site = registeredSite(id);
    if (!site || !site->isActive()) {
        emit failed(tr("Only the office's own active sites can be moved; %1 is not one").arg(id));
        return false;
    }
    if (countyAt(toLonLat).isEmpty()) {
        emit failed(tr("%1 was not moved: the place is outside Guizhou").arg(id));
        return false;
    }
    mUndo->push(new MoveSiteCommand(this, id, fromLonLat, toLonLat)); // writes it
    return true;
}

void SiteWorkspace::addSite(const Site &site)
{
    mUndo->push(new AddSiteCommand(this, site)); // writes it
}

bool SiteWorkspace::writeLocation(const QString &id, const QPointF &lonLat)
{
    auto it = std::find_if(
        mRegistered.begin(), mRegistered.end(), [&](const Site &s) { return s.id == id; });
    const QString county = countyAt(lonLat);
    if (it == mRegistered.end() || county.isEmpty()) {
        emit failed(tr("%1 cannot be placed at %2°E %3°N")
                        .arg(id)
                        .arg(lonLat.x(), 0, 'f', 5)
                        .arg(lonLat.y(), 0, 'f', 5));
        return false;
    }
    // Kept here at once, so an undo right after writes on top of this place, not the old one.
    it->lon = lonLat.x();
    it->lat = lonLat.y();
    it->county = county;
    submitSave({ *it }, tr("moved %1").arg(id),
        tr("Site %1 moved to %2°E %3°N (%4)")
            .arg(id)
            .arg(lonLat.x(), 0, 'f', 5)
            .arg(lonLat.y(), 0, 'f', 5)
            .arg(mCountyNames.value(county, county)));
    return true;
}

void SiteWorkspace::acceptDevicesIntoSite(const QStringList &deviceKeys, const QString &siteId)
{
    const auto site = registeredSite(siteId);
    if (!mReader || !site || !site->isActive()) {
        emit failed(tr("No active registered site %1").arg(siteId));
        return;
    }
    mReader->submit(
        this,
        [deviceKeys, siteId, county = site->county](StoreSet &stores) {
            QString error;
            SiteStore *store = stores.sites(&error);
            SensorStore *sensors = store ? stores.sensors(&error) : nullptr;
            if (!sensors)
                return error;
            for (const QString &key : deviceKeys) {
                // "520328/OLDNAME/TAG7": the device is the last part of the key; its readings
                // are stored as the chosen site's (the writer finds the route), so the site's
                // rules judge them and its charts show them.
                if (!DeviceKey::isValid(key))
                    return tr("%1 is not a device key").arg(key);
                const QString device = DeviceKey::device(key);
                const QString storedAs = DeviceKey::of(county, siteId, device);
                if ((storedAs != key && !sensors->routeDevice(key, storedAs, &error))
                    || !store->noteDevice(siteId, county, device, QString(), &error))
                    return error;
            }
            return QString();
        },
        [this, deviceKeys, siteId](const QString &error) {
            if (error.isEmpty()) {
                emit devicesAccepted(deviceKeys);
                emit saved(tr("%n device(s) accepted into site %1", nullptr, int(deviceKeys.size()))
                               .arg(siteId));
            } else {
                emit failed(error);
            }
            reload();
        });
}

SiteManagerDialog *SiteWorkspace::manager() const
{
    return mManager;
}

SiteManagerDialog *SiteWorkspace::showManager(QWidget *parent)
{
    if (!mManager) {
        mManager = new SiteManagerDialog(parent);
        mManager->setSites(mRegistered, mTypes, mCountyNames);
        connect(this, &SiteWorkspace::sitesChanged, mManager,
            [this] { mManager->setSites(mRegistered, mTypes, mCountyNames); });
        connect(mManager, &SiteManagerDialog::saveRequested, this,
            [this](const Site &site) { saveSite(site, tr("edited %1").arg(site.id)); });
        connect(mManager, &SiteManagerDialog::retireRequested, this, &SiteWorkspace::retireSite);
        connect(this, &SiteWorkspace::failed, mManager, &SiteManagerDialog::showError);
        connect(this, &SiteWorkspace::saved, mManager, &SiteManagerDialog::showMessage);
    }
    mManager->show();
    mManager->raise();
    mManager->activateWindow();
    return mManager;
}

SiteEditDialog *SiteWorkspace::addSiteAt(const QPointF &lonLat, QWidget *parent)
{
    const QString county = countyAt(lonLat);
    if (county.isEmpty()) {
        emit failed(mLocator ? tr("No site can be added here: the place is outside Guizhou")
                             : tr("The site registry is still loading"));
        return nullptr;
    }
    Site site;
    site.lon = lonLat.x();
    site.lat = lonLat.y();
    site.county = county;
    site.type = QStringLiteral("tea_garden");
    site.source = Site::Source::Entered;
    QSet<QString> taken;
    for (const Site &s : mRegistered)
        taken.insert(s.id);
    if (mSamples)
        taken.unite(SampleSites::ids(*mSamples));
    auto *dialog = new SiteEditDialog(mTypes, mCountyNames, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSite(site, true);
    dialog->setTakenIds(taken);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addSite(dialog->site()); });
    dialog->open();
    return dialog;
}

void SiteWorkspace::chooseSiteForDevices(const QStringList &deviceKeys, QWidget *parent)
{
    QStringList items;
    QStringList ids;
    for (const Site &s : mRegistered) {
        if (!s.isActive() || s.type == SiteType::unknownId())
            continue;
        items << QStringLiteral("%1 · %2 · %3").arg(s.id, s.name, mCountyNames.value(s.county));
        ids << s.id;
    }
    if (items.isEmpty()) {
        emit failed(tr("No registered site to accept devices into: add one with Sites… or "
                       "Add site here first"));
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, tr("Accept into site"),
        tr("Site for %1:").arg(deviceKeys.join(QStringLiteral(", "))), items, 0, false, &ok);
    if (ok && items.indexOf(chosen) >= 0)
        acceptDevicesIntoSite(deviceKeys, ids.at(items.indexOf(chosen)));
}

} // namespace dv
