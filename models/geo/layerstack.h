// The map's layers in drawing order, the display CRS they are projected into, and search.
#pragma once

#include "displaycrs.h"
#include "featuresearch.h"
#include "vectorlayer.h"

#include <QObject>
#include <QRectF>

#include <memory>
#include <vector>

namespace dv {

// Lives on the GUI thread; render jobs take a snapshot() of value copies.
class LayerStack : public QObject {
    Q_OBJECT
public:
    explicit LayerStack(QObject *parent = nullptr);

    DisplayCrs displayCrs() const { return mCrs; }
    // Reprojects every layer; on failure nothing changes.
    bool setDisplayCrs(const DisplayCrs &crs, QString *error = nullptr);

    // Projects and inserts the layer: user layers go below the sites so sites stay on top.
    // A search index built beforehand (LoadResult::prepareForDisplay) saves the GUI thread
    // from building it.
    bool addLayer(std::shared_ptr<VectorLayer> layer, QString *error = nullptr,
        std::shared_ptr<const FeatureSearch::LayerIndex> searchIndex = nullptr);
    void removeLayer(const QString &id);
    std::shared_ptr<VectorLayer> layer(const QString &id) const;
    std::shared_ptr<VectorLayer> layerByRole(LayerRole role) const;
    // Bottom to top.
    const std::vector<std::shared_ptr<VectorLayer>> &layers() const { return mLayers; }
    std::vector<VectorLayer> snapshot() const;
    int userLayerCount() const { return mUserLayersAdded; }

    void setLayerVisible(const QString &id, bool visible);
    void setCategoryVisible(const QString &id, int category, bool visible);

    // The counties' extent, or all layers' when there are no counties.
    QRectF homeExtent() const;
    const FeatureSearch &search() const { return mSearch; }

signals:
    void layersChanged();
    void appearanceChanged();

private:
    DisplayCrs mCrs = DisplayCrs::defaultCrs();
    std::vector<std::shared_ptr<VectorLayer>> mLayers;
    FeatureSearch mSearch;
    int mUserLayersAdded = 0;
};

} // namespace dv
