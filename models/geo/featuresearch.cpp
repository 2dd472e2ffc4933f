// Finds counties and sites by name, former name, code or ID, best matches first.
#include "featuresearch.h"

#include "fieldlabels.h"
#include "vectorlayer.h"

#include <algorithm>

namespace dv {

void FeatureSearch::addLayer(const VectorLayer &layer)
{
    removeLayer(layer.id());
    const FeatureTable &t = layer.table();
    const int order = layer.role() == LayerRole::Counties ? 0
        : layer.role() == LayerRole::Sites                ? 1
                                                          : 2;
    const QStringList keyFields = {QStringLiteral("code"), QStringLiteral("former_name"),
                                   QStringLiteral("site_id"), QStringLiteral("county_code")};
    for (int f = 0; f < layer.featureCount(); ++f) {
        Entry e{layer.id(), f, order, layer.featureTitle(f), QString(), {}};
        e.keys << e.title.toLower();
        for (const QString &field : keyFields) {
            const QString v = t.text(f, field);
            if (!v.isEmpty() && field != QLatin1String("county_code"))
                e.keys << v.toLower();
        }
        QStringList detail;
        switch (layer.role()) {
        case LayerRole::Counties:
            detail << t.text(f, QStringLiteral("prefecture_name")) << t.text(f, QStringLiteral("code"));
            if (!t.text(f, QStringLiteral("former_name")).isEmpty())
                detail << tr("formerly %1").arg(t.text(f, QStringLiteral("former_name")));
            break;
        case LayerRole::Sites:
            detail << FieldLabels::siteTypeLabel(t.text(f, QStringLiteral("type")))
                   << t.text(f, QStringLiteral("county_name")) << t.text(f, QStringLiteral("site_id"));
            break;
        default:
            detail << layer.name();
        }
        detail.removeAll(QString());
        e.detail = detail.join(QStringLiteral(" · "));
        mEntries.push_back(std::move(e));
    }
}

void FeatureSearch::removeLayer(const QString &layerId)
{
    mEntries.erase(std::remove_if(mEntries.begin(), mEntries.end(),
                                  [&](const Entry &e) { return e.layerId == layerId; }),
                   mEntries.end());
}

QVector<FeatureSearch::Hit> FeatureSearch::find(const QString &query, int maxHits) const
{
    const QString q = query.trimmed().toLower();
    QVector<Hit> hits;
    if (q.isEmpty())
        return hits;
    for (const Entry &e : mEntries) {
        int best = -1;
        for (int k = 0; k < e.keys.size(); ++k) {
            const QString &key = e.keys[k];
            int r = -1;
            if (key == q)
                r = 0;
            else if (key.startsWith(q))
                r = 1;
            else if (key.contains(q))
                r = 2;
            if (r >= 0 && (best < 0 || r < best))
                best = r;
        }
        if (best >= 0)
            hits.push_back({e.layerId, e.feature, e.title, e.detail, best * 10 + e.layerOrder});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.title.size() < b.title.size();
    });
    if (hits.size() > maxHits)
        hits.resize(maxHits);
    return hits;
}

} // namespace dv
