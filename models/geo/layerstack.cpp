// The map's layers in drawing order, the display CRS they are projected into, and search.
#include "layerstack.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>

namespace dv {

namespace {

struct Reprojection {
    std::vector<VectorLayer> layers; // the copies given, projected, in the same order
    QString error; // empty on success
};

// The projected copy's geometry with what the user may have changed on the layer since the
// copy was taken (style, visibility, name): only the projection is new.
VectorLayer withProjectionOf(const VectorLayer &layer, const VectorLayer &projected)
{
    VectorLayer next = projected;
    next.setId(layer.id());
    next.setName(layer.name());
    next.setRole(layer.role());
    next.setSourcePath(layer.sourcePath());
    next.setSourceLayerName(layer.sourceLayerName());
    next.setNotices(layer.notices());
    next.setStyle(layer.style());
    next.setVisible(layer.isVisible());
    return next;
}

} // namespace

LayerStack::LayerStack(QObject *parent)
    : QObject(parent)
{
}

bool LayerStack::setDisplayCrs(const DisplayCrs &crs, QString *error)
{
    if (crs == mCrs) {
        ++mCrsGeneration; // newer than any request still running
        mPendingCrs = DisplayCrs();
        return true;
    }
    // Project copies first so a failure leaves every layer as it was.
    std::vector<std::shared_ptr<VectorLayer>> projected;
    for (const auto &layer : mLayers) {
        auto copy = std::make_shared<VectorLayer>(*layer);
        if (!copy->project(crs, error))
            return false;
        projected.push_back(std::move(copy));
    }
    for (std::size_t i = 0; i < mLayers.size(); ++i)
        *mLayers[i] = *projected[i];
    mCrs = crs;
    ++mCrsGeneration;
    mPendingCrs = DisplayCrs();
    emit layersChanged();
    return true;
}

void LayerStack::requestDisplayCrs(const DisplayCrs &crs)
{
    const quint64 generation = ++mCrsGeneration;
    if (crs == mCrs) {
        // Back to the projection shown: whatever still runs is dropped.
        const bool wasPending = mPendingCrs.isValid();
        mPendingCrs = DisplayCrs();
        if (wasPending)
            emit displayCrsChanged(mCrs);
        return;
    }
    mPendingCrs = crs;
    reproject(generation, crs, {});
}

// One round projects the layers not in done; layers added meanwhile (projected into the CRS
// shown) get a round of their own, so all layers change projection in the same frame.
void LayerStack::reproject(quint64 generation, const DisplayCrs &crs, Reprojected done)
{
    const auto isDone = [](const Reprojected &d, const std::shared_ptr<VectorLayer> &layer) {
        return std::any_of(d.begin(), d.end(), [&](const auto &p) { return p.first == layer; });
    };
    std::vector<std::shared_ptr<VectorLayer>> originals;
    std::vector<VectorLayer> copies; // value copies: the worker never sees the stack's layers
    for (const auto &layer : mLayers) {
        if (!isDone(done, layer)) {
            originals.push_back(layer);
            copies.push_back(*layer);
        }
    }
    auto promise = std::make_shared<QPromise<Reprojection>>();
    auto *watcher = new QFutureWatcher<Reprojection>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
        [this, watcher, generation, crs, isDone, originals = std::move(originals),
            done = std::move(done)]() mutable {
            watcher->deleteLater();
            if (generation != mCrsGeneration)
                return; // a newer request replaced this one
            Reprojection result = watcher->result();
            if (!result.error.isEmpty()) {
                mPendingCrs = DisplayCrs();
                emit displayCrsFailed(crs, result.error);
                return;
            }
            for (std::size_t i = 0; i < originals.size(); ++i)
                done.emplace_back(originals[i], std::move(result.layers[i]));
            const bool complete = std::all_of(mLayers.begin(), mLayers.end(),
                [&](const auto &layer) { return isDone(done, layer); });
            if (!complete) {
                reproject(generation, crs, std::move(done));
                return;
            }
            for (const auto &[layer, projected] : done) {
                // Layers removed meanwhile are no longer in mLayers: nothing to do for them.
                if (std::find(mLayers.begin(), mLayers.end(), layer) != mLayers.end())
                    *layer = withProjectionOf(*layer, projected);
            }
            mCrs = crs;
            mPendingCrs = DisplayCrs();
            emit layersChanged();
            emit displayCrsChanged(crs);
        });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, crs, copies = std::move(copies)]() mutable {
        Reprojection result;
        for (VectorLayer &layer : copies) {
            QString why;
            if (!layer.project(crs, &why)) {
                result.error = why;
                break;
            }
        }
        result.layers = std::move(copies);
        promise->addResult(std::move(result));
        promise->finish();
    });
}

bool LayerStack::addLayer(std::shared_ptr<VectorLayer> layer, QString *error,
    std::shared_ptr<const FeatureSearch::LayerIndex> searchIndex)
{
    if (!layer->project(mCrs, error))
        return false;
    if (layer->id().isEmpty())
        layer->setId(QStringLiteral("user-%1").arg(++mUserLayersAdded));
    auto pos = mLayers.end();
    if (layer->role() == LayerRole::User) {
        pos = std::find_if(mLayers.begin(), mLayers.end(),
            [](const auto &l) { return l->role() == LayerRole::Sites; });
    }
    mLayers.insert(pos, layer);
    mSearch.addLayer(
        layer->id(), searchIndex ? std::move(searchIndex) : FeatureSearch::index(*layer));
    emit layersChanged();
    return true;
}

void LayerStack::removeLayer(const QString &id)
{
    const auto it = std::find_if(
        mLayers.begin(), mLayers.end(), [&](const auto &l) { return l->id() == id; });
    if (it == mLayers.end())
        return;
    mLayers.erase(it);
    mSearch.removeLayer(id);
    emit layersChanged();
}

std::shared_ptr<VectorLayer> LayerStack::layer(const QString &id) const
{
    for (const auto &l : mLayers) {
        if (l->id() == id)
            return l;
    }
    return nullptr;
}

std::shared_ptr<VectorLayer> LayerStack::layerByRole(LayerRole role) const
{
    for (const auto &l : mLayers) {
        if (l->role() == role)
            return l;
    }
    return nullptr;
}

std::vector<VectorLayer> LayerStack::snapshot() const
{
    std::vector<VectorLayer> out;
    out.reserve(mLayers.size());
    for (const auto &l : mLayers)
        out.push_back(*l);
    return out;
}

void LayerStack::setLayerVisible(const QString &id, bool visible)
{
    if (auto l = layer(id); l && l->isVisible() != visible) {
        l->setVisible(visible);
        emit appearanceChanged();
    }
}

void LayerStack::setCategoryVisible(const QString &id, int category, bool visible)
{
    if (auto l = layer(id)) {
        l->setCategoryVisible(category, visible);
        emit appearanceChanged();
    }
}

QRectF LayerStack::homeExtent() const
{
    if (auto counties = layerByRole(LayerRole::Counties); counties && counties->projected())
        return counties->projected()->extent();
    QRectF all;
    for (const auto &l : mLayers) {
        if (l->projected())
            all = all.isNull() ? l->projected()->extent() : all.united(l->projected()->extent());
    }
    return all;
}

} // namespace dv
