// A map layer: features with attributes, kept in lon/lat and projected for display.
#include "vectorlayer.h"

namespace dv {

VectorLayer::VectorLayer(QString name, std::shared_ptr<const FeatureTable> table,
    std::shared_ptr<const GeometryBuffer> lonLat)
    : mName(std::move(name))
    , mTable(std::move(table))
    , mLonLat(std::move(lonLat))
{
}

bool VectorLayer::project(const DisplayCrs &crs, QString *error)
{
    if (mProjected && mProjected->crs() == crs)
        return true;
    auto projected = ProjectedGeometry::project(*mLonLat, labelAnchors(), crs, error);
    if (!projected)
        return false;
    mProjected = std::move(projected);
    return true;
}

std::vector<QPointF> VectorLayer::labelAnchors() const
{
    std::vector<QPointF> anchors(featureCount());
    const int lonField = mTable->fieldIndex(QStringLiteral("label_lon"));
    const int latField = mTable->fieldIndex(QStringLiteral("label_lat"));
    for (int f = 0; f < featureCount(); ++f) {
        const QVariant lon = mTable->value(f, lonField), lat = mTable->value(f, latField);
        if (!lon.isNull() && !lat.isNull()) {
            anchors[f] = QPointF(lon.toDouble(), lat.toDouble());
            continue;
        }
        switch (kind()) {
        case GeometryKind::Point:
            anchors[f] = mLonLat->firstVertex(f);
            break;
        case GeometryKind::Line: {
            const int part = mLonLat->firstPart(f);
            anchors[f] = mLonLat->partVertices(part)[mLonLat->partSize(part) / 2];
            break;
        }
        case GeometryKind::Polygon: {
            // The centre of the largest ring's bounds: good enough for a label, and cheap.
            int best = mLonLat->firstPart(f);
            for (int p = best + 1; p < mLonLat->endPart(f); ++p)
                best = mLonLat->partSize(p) > mLonLat->partSize(best) ? p : best;
            const QPointF *v = mLonLat->partVertices(best);
            QRectF r(v[0], QSizeF(0, 0));
            for (int i = 1; i < mLonLat->partSize(best); ++i)
                r = r.united(QRectF(v[i], QSizeF(0, 0)));
            anchors[f] = r.center();
            break;
        }
        }
    }
    return anchors;
}

void VectorLayer::setStyle(const LayerStyle &style)
{
    const bool fieldChanged = style.categoryField != mStyle.categoryField
        || style.categories.size() != mStyle.categories.size();
    mStyle = style;
    if (fieldChanged || !mCategories)
        resolveCategories();
}

void VectorLayer::setCategoryVisible(int category, bool visible)
{
    if (category >= 0 && category < mStyle.categories.size())
        mStyle.categories[category].visible = visible;
}

// Resolved once per style, not per frame: the category is a string compare per feature.
void VectorLayer::resolveCategories()
{
    auto cats = std::make_shared<std::vector<int>>(featureCount(), -1);
    const int field = mTable->fieldIndex(mStyle.categoryField);
    if (field >= 0) {
        for (int f = 0; f < featureCount(); ++f)
            (*cats)[f] = mStyle.categoryIndex(mTable->value(f, field).toString());
    }
    mCategories = std::move(cats);
}

int VectorLayer::featureCategory(int feature) const
{
    return mCategories ? (*mCategories)[feature] : -1;
}

bool VectorLayer::isFeatureVisible(int feature) const
{
    const int c = featureCategory(feature);
    return c < 0 || mStyle.categories[c].visible;
}

QString VectorLayer::featureTitle(int feature) const
{
    for (const char *field : { "name", "名称", "Name", "NAME", "title" }) {
        const QString v = mTable->text(feature, QString::fromUtf8(field));
        if (!v.isEmpty())
            return v;
    }
    for (int i = 0; i < mTable->fieldCount(); ++i) {
        const QVariant v = mTable->value(feature, i);
        if (v.typeId() == QMetaType::QString && !v.toString().isEmpty())
            return v.toString();
    }
    return QStringLiteral("#%1").arg(feature + 1);
}

} // namespace dv
