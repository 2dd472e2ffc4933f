// The map's layers in drawing order, the display CRS they are projected into, and search.
#include "layerstack.h"

#include <algorithm>

namespace dv {

LayerStack::LayerStack(QObject *parent)
    : QObject(parent)
{
}

bool LayerStack::setDisplayCrs(const DisplayCrs &crs, QString *error)
{
    if (crs == mCrs)
        return true;
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
    emit layersChanged();
    return true;
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
