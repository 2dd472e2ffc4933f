// Where everything of one wall frame goes, and the painting of its texts and boxes.
#pragma once

#include "wallcontent.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QVector>

class QPainter;

namespace dv {

// Computed from the size and the content alone, so tests check every text's geometry at
// 1920×1080 and 3840×2160 without a screen, and paint() draws exactly what was checked. Texts
// are fitted when laid out: a text too wide for its box is elided there, never clipped.
class WallScene {
    Q_DECLARE_TR_FUNCTIONS(dv::WallScene)
public:
    struct Text {
        QRectF rect;
        QString text; // as painted (elided if it had to be)
        QFont font;
        QColor colour;
        Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter;
    };
    struct Box {
        QRectF rect;
        QColor colour;
        double radius = 0;
    };
    struct Layout {
        QSize size;
        QVector<Box> boxes; // painted first
        QVector<Text> texts;
        QRectF map; // empty: no map in this view
        QRectF focusSite; // unused unless the interrupt view: where on the map to zoom (none)
        QVector<QRectF> charts; // one per WallContent::charts (or the interrupt chart)
        QRectF freshnessDot;
        double chartFontPx = 0;
    };

    static Layout layout(const QSize &size, const WallContent &content);
    // Boxes and texts; the view paints the map and charts into their rectangles.
    static void paint(QPainter &painter, const Layout &layout);
    // In the user's language: "Overview", "Live charts", ...
    static QString viewTitle(const QString &view);
};

} // namespace dv
