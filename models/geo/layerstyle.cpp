// How a layer is drawn: fill, outline, point symbols by category, labels, clustering.
#include "layerstyle.h"

#include "fieldlabels.h"

namespace dv {

int LayerStyle::categoryIndex(const QString &value) const
{
    for (int i = 0; i < categories.size(); ++i) {
        if (categories[i].value == value)
            return i;
    }
    return -1;
}

LayerStyle LayerStyle::counties()
{
    LayerStyle s;
    s.fillColor = QColor(0xf3, 0xf0, 0xe2);
    s.strokeColor = QColor(0x9a, 0x95, 0x86);
    s.strokeWidth = 0.8;
    s.labelField = QStringLiteral("name");
    return s;
}

LayerStyle LayerStyle::prefectures()
{
    LayerStyle s;
    s.strokeColor = QColor(0x5b, 0x4a, 0x3a);
    s.strokeWidth = 2.2;
    return s;
}

LayerStyle LayerStyle::sites()
{
    LayerStyle s;
    s.pointSize = 22;
    s.categoryField = QStringLiteral("type");
    s.clusterPoints = true;
    // Colours from the Okabe-Ito set: told apart by colour-blind viewers too.
    const QStringList types = FieldLabels::siteTypes();
    const QColor colors[]
        = { QColor(0x00, 0x9e, 0x73), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x72, 0xb2) };
    for (int i = 0; i < types.size(); ++i) {
        s.categories.push_back({ types[i], FieldLabels::siteTypeLabel(types[i]),
            QStringLiteral(":/icons/%1.svg").arg(types[i]), colors[i % 3], true });
    }
    return s;
}

LayerStyle LayerStyle::userLayer(int n, GeometryKind kind)
{
    static const QColor palette[]
        = { QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9), QColor(0xe6, 0x9f, 0x00),
              QColor(0x00, 0x9e, 0x73), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x72, 0xb2) };
    const QColor c = palette[n % 6];
    LayerStyle s;
    s.strokeColor = kind == GeometryKind::Point ? c.darker(160) : c.darker(130);
    s.strokeWidth = kind == GeometryKind::Line ? 1.6 : 0.8;
    QColor fill = c;
    fill.setAlpha(kind == GeometryKind::Polygon ? 110 : 230);
    s.fillColor = fill;
    s.pointSize = 6;
    return s;
}

} // namespace dv
