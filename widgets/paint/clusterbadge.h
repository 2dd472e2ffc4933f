// The badge that stands for a cluster of sites: a ring showing the share of each site type
// around the count. Raster painters stamp a pre-drawn image of each look (hundreds of badges
// per frame cost a pie, an ellipse and a text layout each when drawn as vectors); other
// painters (PDF, recordings) get the vectors.
#pragma once

#include <QColor>
#include <QFont>
#include <QImage>
#include <QPoint>
#include <QPointF>

#include <array>

class QPainter;

namespace dv {

class ClusterBadge {
public:
    // `categoryCounts` per style category as SiteCluster counts them; `colours` their fills.
    ClusterBadge(
        int count, const std::array<int, 4> &categoryCounts, const std::array<QColor, 4> &colours);

    // Paints the badge centred on `centre` (logical pixels of `p`).
    void paint(QPainter &p, const QPointF &centre) const;

    // Radius in logical pixels (SiteClusterer::badgeRadius of the count).
    double radius() const { return m_radius; }

private:
    void drawVectors(QPainter &p, const QPointF &centre, const QFont &font) const;
    QImage image(qreal dpr, int dpiX, int dpiY, const QFont &font, QPoint phase) const;

    int m_count;
    double m_radius;
    std::array<int, 4> m_spans {}; // sixteenths of a degree, clockwise from twelve o'clock
    std::array<QRgb, 4> m_colours {};
};

} // namespace dv
