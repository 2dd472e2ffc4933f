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
    // Reprojects every layer here and now; on failure nothing changes. For a stack with few
    // features (start-up, commands); a window with the province on it uses requestDisplayCrs.
    bool setDisplayCrs(const DisplayCrs &crs, QString *error = nullptr);
    // Reprojects every layer on a worker thread (the province's 2 M vertices take seconds);
    // meanwhile the layers keep the projection they have, so the map keeps showing it. The
    // results are swapped in together on this thread (layersChanged, displayCrsChanged). The
    // newest request wins: an older result still running is dropped. A projection PROJ cannot
    // build changes nothing (displayCrsFailed).
    void requestDisplayCrs(const DisplayCrs &crs);
    // The projection a request is working towards; invalid when none runs.
    DisplayCrs pendingDisplayCrs() const { return mPendingCrs; }

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
    // A requestDisplayCrs() finished: every layer is in crs now (also when a request went
    // back to the projection already shown).
    void displayCrsChanged(const DisplayCrs &crs);
    void displayCrsFailed(const DisplayCrs &crs, const QString &error);

private:
    // layer -> its copy projected into the pending CRS
    using Reprojected = std::vector<std::pair<std::shared_ptr<VectorLayer>, VectorLayer>>;
    void reproject(quint64 generation, const DisplayCrs &crs, Reprojected done);

    DisplayCrs mCrs = DisplayCrs::defaultCrs();
    DisplayCrs mPendingCrs;
    quint64 mCrsGeneration = 0; // bumped by every change of CRS asked for
    std::vector<std::shared_ptr<VectorLayer>> mLayers;
    FeatureSearch mSearch;
    int mUserLayersAdded = 0;
};

} // namespace dv
