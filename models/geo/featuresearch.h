// Finds counties and sites by name, former name, code or ID, best matches first.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <memory>
#include <utility>
#include <vector>

namespace dv {

class VectorLayer;

class FeatureSearch {
    Q_DECLARE_TR_FUNCTIONS(dv::FeatureSearch)
public:
    struct Hit {
        QString layerId;
        int feature = -1;
        QString title; // e.g. 盘州市
        QString detail; // e.g. 六盘水市 · 曾用名 盘县
        int rank = 0; // lower is better
    };

    // One layer's searchable texts. Building it reads every feature (tens of milliseconds for
    // 100,000), so the loading thread builds it and the GUI thread only adds it.
    class LayerIndex {
        friend class FeatureSearch;
        struct Entry {
            int feature;
            QString title;
            QString detail;
            QStringList keys; // lower-cased searchable texts, first is the title
        };
        QVector<Entry> entries;
        int layerOrder = 2; // counties first, then sites, then the user's layers
    };

    // Indexes the name, former name, code and ID fields that the layer has; any thread.
    static std::shared_ptr<const LayerIndex> index(const VectorLayer &layer);
    void addLayer(const QString &layerId, std::shared_ptr<const LayerIndex> index);
    void addLayer(const VectorLayer &layer);
    void removeLayer(const QString &layerId);
    void clear() { mLayers.clear(); }
    QVector<Hit> find(const QString &query, int maxHits = 20) const;

private:
    std::vector<std::pair<QString, std::shared_ptr<const LayerIndex>>> mLayers;
};

} // namespace dv
