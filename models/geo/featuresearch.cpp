// Finds counties and sites by name, former name, code or ID, best matches first.
#include "featuresearch.h"

#include "fieldlabels.h"
#include "vectorlayer.h"

#include <algorithm>

namespace dv {

std::shared_ptr<const FeatureSearch::LayerIndex> FeatureSearch::index(const VectorLayer &layer)
{
    auto index = std::make_shared<LayerIndex>();
    const FeatureTable &t = layer.table();
    index->layerOrder = layer.role() == LayerRole::Counties ? 0
        : layer.role() == LayerRole::Sites                  ? 1
                                                            : 2;
    const QStringList keyFields
        = { QStringLiteral("code"), QStringLiteral("former_name"), QStringLiteral("site_id") };
    index->entries.reserve(layer.featureCount());
    for (int f = 0; f < layer.featureCount(); ++f) {
        LayerIndex::Entry e { f, layer.featureTitle(f), QString(), {} };
        e.keys << e.title.toLower();
        for (const QString &field : keyFields) {
            const QString v = t.text(f, field);
            if (!v.isEmpty())
                e.keys << v.toLower();
        }
        QStringList detail;
        switch (layer.role()) {
        case LayerRole::Counties:
            detail << t.text(f, QStringLiteral("prefecture_name"))
                   << t.text(f, QStringLiteral("code"));
            if (!t.text(f, QStringLiteral("former_name")).isEmpty())
                detail << tr("formerly %1").arg(t.text(f, QStringLiteral("former_name")));
            break;
        case LayerRole::Sites:
            detail << FieldLabels::siteTypeLabel(t.text(f, QStringLiteral("type")))
                   << t.text(f, QStringLiteral("county_name"))
                   << t.text(f, QStringLiteral("site_id"));
            break;
        default:
            detail << layer.name();
        }
        detail.removeAll(QString());
        e.detail = detail.join(QStringLiteral(" · "));
        index->entries.push_back(std::move(e));
    }
    return index;
}

void FeatureSearch::addLayer(const QString &layerId, std::shared_ptr<const LayerIndex> index)
{
    removeLayer(layerId);
    mLayers.emplace_back(layerId, std::move(index));
}

void FeatureSearch::addLayer(const VectorLayer &layer)
{
    addLayer(layer.id(), index(layer));
}

void FeatureSearch::removeLayer(const QString &layerId)
{
    mLayers.erase(std::remove_if(mLayers.begin(), mLayers.end(),
                      [&](const auto &l) { return l.first == layerId; }),
        mLayers.end());
}

QVector<FeatureSearch::Hit> FeatureSearch::find(const QString &query, int maxHits) const
{
    const QString q = query.trimmed().toLower();
    QVector<Hit> hits;
    if (q.isEmpty())
        return hits;
    for (const auto &[layerId, index] : mLayers) {
        for (const LayerIndex::Entry &e : index->entries) {
            int best = -1;
            for (const QString &key : e.keys) {
                const int r = key == q ? 0 : key.startsWith(q) ? 1 : key.contains(q) ? 2 : -1;
                if (r >= 0 && (best < 0 || r < best))
                    best = r;
            }
            if (best >= 0)
                hits.push_back(
                    { layerId, e.feature, e.title, e.detail, best * 10 + index->layerOrder });
        }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.title.size() < b.title.size();
    });
    if (hits.size() > maxHits)
        hits.resize(maxHits);
    return hits;
}

} // namespace dv
