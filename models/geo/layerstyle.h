// How a layer is drawn: fill, outline, point symbols by category, labels, clustering.
#pragma once

#include "geometrybuffer.h"

#include <QColor>
#include <QString>
#include <QVector>

namespace dv {

// One value of the category field with its own symbol, e.g. type = tea_garden.
struct SymbolCategory {
    QString value;
    QString label;
    QString iconPath; // an SVG in the resources, empty for a plain circle
    QColor color;
    bool visible = true;
};

class LayerStyle {
public:
    QColor fillColor = QColor(0, 0, 0, 0);
    QColor strokeColor = Qt::black;
    double strokeWidth = 1.0; // logical pixels
    double pointSize = 6.0; // logical pixels, symbol diameter
    QString labelField; // empty: no labels
    QString categoryField; // empty: one symbol for all features
    QVector<SymbolCategory> categories;
    bool clusterPoints = false;

    int categoryIndex(const QString &value) const;

    static LayerStyle counties();
    static LayerStyle prefectures();
    static LayerStyle sites();
    // A distinct colour for the n-th layer a user adds.
    static LayerStyle userLayer(int n, GeometryKind kind);
};

} // namespace dv
