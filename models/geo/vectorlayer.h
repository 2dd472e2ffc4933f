// A map layer: features with attributes, kept in lon/lat and projected for display.
#pragma once

#include "featuretable.h"
#include "geometrybuffer.h"
#include "layerstyle.h"
#include "projectedgeometry.h"

#include <QStringList>

#include <memory>

namespace dv {

enum class LayerRole { Counties, Prefectures, Sites, User };

// Cheap to copy: the data is shared and immutable, only style and visibility are per copy.
// Render jobs get copies, so the GUI thread can restyle a layer while a frame is painted.
class VectorLayer {
public:
    VectorLayer(QString name, std::shared_ptr<const FeatureTable> table,
        std::shared_ptr<const GeometryBuffer> lonLat);

    QString id() const { return mId; }
    void setId(const QString &id) { mId = id; }
    QString name() const { return mName; }
    void setName(const QString &name) { mName = name; }
    LayerRole role() const { return mRole; }
    void setRole(LayerRole role) { mRole = role; }
    QString sourcePath() const { return mSourcePath; }
    void setSourcePath(const QString &path) { mSourcePath = path; }
    // The layer's name inside its file (a GeoPackage holds several).
    QString sourceLayerName() const { return mSourceLayerName; }
    void setSourceLayerName(const QString &name) { mSourceLayerName = name; }

    GeometryKind kind() const { return mLonLat->kind(); }
    int featureCount() const { return mLonLat->featureCount(); }
    const FeatureTable &table() const { return *mTable; }
    const GeometryBuffer &lonLat() const { return *mLonLat; }

    // Projects into crs once; rendering then reads only the projected copy.
    bool project(const DisplayCrs &crs, QString *error = nullptr);
    const ProjectedGeometry *projected() const { return mProjected.get(); }

    const LayerStyle &style() const { return mStyle; }
    void setStyle(const LayerStyle &style);
    void setCategoryVisible(int category, bool visible);
    bool isVisible() const { return mVisible; }
    void setVisible(bool visible) { mVisible = visible; }
    // A feature hidden by its category (e.g. clinics switched off in the legend).
    bool isFeatureVisible(int feature) const;
    int featureCategory(int feature) const;

    // A human title for a feature: its name, or else its first text attribute.
    QString featureTitle(int feature) const;

    // Notices from loading, e.g. skipped geometries or an assumed CRS.
    QStringList notices() const { return mNotices; }
    void setNotices(const QStringList &notices) { mNotices = notices; }

private:
    void resolveCategories();
    std::vector<QPointF> labelAnchors() const;

    QString mId;
    QString mName;
    LayerRole mRole = LayerRole::User;
    QString mSourcePath;
    QString mSourceLayerName;
    std::shared_ptr<const FeatureTable> mTable;
    std::shared_ptr<const GeometryBuffer> mLonLat;
    std::shared_ptr<const ProjectedGeometry> mProjected;
    std::shared_ptr<const std::vector<int>> mCategories; // per feature, -1 for none
    LayerStyle mStyle;
    bool mVisible = true;
    QStringList mNotices;
};

} // namespace dv
