// Where alerts are on the map: a red pulsing ring per site, an alert count per county.
#include "alertmarkers.h"

#include "mapsettings.h"
#include "projectedgeometry.h"
#include "vectorlayer.h"

#include <QFontMetricsF>
#include <QPainter>

namespace dv {

namespace {
const QColor kCritical(0xd3, 0x2f, 0x2f);
const QColor kWarning(0xef, 0x6c, 0x00);
} // namespace

void AlertMarkers::paint(QPainter &painter, const MapSettings &view, const VectorLayer *sites,
    const VectorLayer *counties, double phase) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF visible(QPointF(-40, -40), QSizeF(view.outputSize()) + QSizeF(80, 80));
    if (sites && sites->projected()) {
        for (const Site &s : mSites) {
            if (s.feature < 0 || s.feature >= sites->featureCount())
                continue;
            const QPointF p = view.toPixel(sites->projected()->anchor(s.feature));
            if (!visible.contains(p))
                continue;
            const QColor c = s.critical ? kCritical : kWarning;
            // A steady ring says where; a second one grows and fades to catch the eye.
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(c, 2.5));
            painter.drawEllipse(p, 11, 11);
            QColor pulse = c;
            pulse.setAlphaF(0.8 * (1.0 - phase));
            painter.setPen(QPen(pulse, 2.0));
            painter.drawEllipse(p, 11 + 14 * phase, 11 + 14 * phase);
        }
    }
    if (counties && counties->projected()) {
        QFont font = painter.font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter.setFont(font);
        const QFontMetricsF metrics(font);
        for (const County &c : mCounties) {
            if (c.feature < 0 || c.feature >= counties->featureCount() || c.count <= 0)
                continue;
            // Beside the county's name, not on it: up and to the right of the label point.
            const QPointF anchor = view.toPixel(counties->projected()->anchor(c.feature));
            const QString text = QString::number(c.count);
            const double w = std::max(metrics.height(), metrics.horizontalAdvance(text) + 8);
            const QRectF badge(
                anchor + QPointF(8, -metrics.height() - 10), QSizeF(w, metrics.height() + 2));
            if (!visible.intersects(badge))
                continue;
            painter.setPen(QPen(Qt::white, 1.5));
            painter.setBrush(c.critical ? kCritical : kWarning);
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
            painter.setPen(Qt::white);
            painter.drawText(badge, Qt::AlignCenter, text);
        }
    }
    painter.restore();
}

} // namespace dv
