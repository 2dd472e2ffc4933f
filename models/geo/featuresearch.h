// Finds counties and sites by name, former name, code or ID, best matches first.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace dv {

class VectorLayer;

class FeatureSearch {
    Q_DECLARE_TR_FUNCTIONS(dv::FeatureSearch)
public:
    struct Hit {
        QString layerId;
        int feature = -1;
        QString title;  // e.g. 盘州市
        QString detail; // e.g. 六盘水市 · 曾用名 盘县
        int rank = 0;   // lower is better
    };

    void clear() { mEntries.clear(); }
    // Indexes name, former name, code and ID fields that the layer has.
    void addLayer(const VectorLayer &layer);
    void removeLayer(const QString &layerId);
    QVector<Hit> find(const QString &query, int maxHits = 20) const;

private:
    struct Entry {
        QString layerId;
        int feature;
        int layerOrder;
        QString title;
        QString detail;
        QStringList keys; // lower-cased searchable texts, first is the title
    };
    QVector<Entry> mEntries;
};

} // namespace dv
