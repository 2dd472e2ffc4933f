// A page painted once, on any thread, and replayed onto another painter in order.
#include "pagerecording.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <cmath>

namespace dv {

namespace {

// A cosmetic pen is as wide in device pixels whatever the transform. Replayed onto a device finer
// than the recording's (a 1200 dpi printer, the page scaled up to it), it keeps its width on the
// page by growing with the replay's own scale: a county's outline prints as it shows in the PDF,
// not a twelfth as wide. A hairline (width 0) stays one, as in the PDF.
QPen onDevice(QPen pen, const QTransform &base)
{
    const double scale = std::sqrt(std::abs(base.determinant()));
    if (pen.isCosmetic() && pen.widthF() > 0 && !qFuzzyCompare(scale, 1.0))
        pen.setWidthF(pen.widthF() * scale);
    return pen;
}

// Records every call as a command on the painter it is replayed on. QPainter hands a
// non-raster engine untransformed primitives and the transform in its state (PrimitiveTransform
// among AllFeatures), so what is recorded is in the page's logical coordinates.
class RecordingEngine : public QPaintEngine {
public:
    RecordingEngine(std::vector<PageRecording::Command> *commands, int dpi)
        : QPaintEngine(AllFeatures)
        , mCommands(commands)
        , mDpi(dpi)
    {
    }

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    Type type() const override { return User; }

    // In QPicture's order: the transform before the clip that was set under it.
    void updateState(const QPaintEngineState &state) override
    {
        const DirtyFlags flags = state.state();
        if (flags & DirtyPen)
            add([pen = state.pen()](
                    QPainter &p, const QTransform &base) { p.setPen(onDevice(pen, base)); });
        if (flags & DirtyBrush)
            add([brush = state.brush()](QPainter &p, const QTransform &) { p.setBrush(brush); });
        if (flags & DirtyBrushOrigin) {
            add([origin = state.brushOrigin()](
                    QPainter &p, const QTransform &) { p.setBrushOrigin(origin); });
        }
        if (flags & DirtyFont) {
            add([font = state.font(), dpi = mDpi](
                    QPainter &p, const QTransform &) { p.setFont(fitted(font, dpi, p)); });
        }
        if (flags & DirtyBackground) {
            add([brush = state.backgroundBrush()](
                    QPainter &p, const QTransform &) { p.setBackground(brush); });
        }
        if (flags & DirtyBackgroundMode) {
            add([mode = state.backgroundMode()](
                    QPainter &p, const QTransform &) { p.setBackgroundMode(mode); });
        }
        if (flags & DirtyTransform) {
            add([t = state.transform()](
                    QPainter &p, const QTransform &base) { p.setTransform(t * base); });
        }
        if (flags & DirtyClipEnabled) {
            add([on = state.isClipEnabled()](QPainter &p, const QTransform &) {
                if (on != p.hasClipping())
                    p.setClipping(on);
            });
        }
        if (flags & DirtyClipRegion) {
            add([region = state.clipRegion(), op = state.clipOperation()](
                    QPainter &p, const QTransform &) { p.setClipRegion(region, op); });
        }
        if (flags & DirtyClipPath) {
            add([path = state.clipPath(), op = state.clipOperation()](
                    QPainter &p, const QTransform &) { p.setClipPath(path, op); });
        }
        if (flags & DirtyHints) {
            add([hints = state.renderHints()](QPainter &p, const QTransform &) {
                p.setRenderHints(~QPainter::RenderHints(), false);
                p.setRenderHints(hints, true);
            });
        }
        if (flags & DirtyCompositionMode) {
            add([mode = state.compositionMode()](
                    QPainter &p, const QTransform &) { p.setCompositionMode(mode); });
        }
        if (flags & DirtyOpacity) {
            add([opacity = state.opacity()](
                    QPainter &p, const QTransform &) { p.setOpacity(opacity); });
        }
    }

    void drawPath(const QPainterPath &path) override
    {
        add([path](QPainter &p, const QTransform &) { p.drawPath(path); });
    }

    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override
    {
        add([polygon = QPolygonF(QList<QPointF>(points, points + count)), mode](
                QPainter &p, const QTransform &) {
            switch (mode) {
            case PolylineMode:
                p.drawPolyline(polygon);
                break;
            case OddEvenMode:
                p.drawPolygon(polygon, Qt::OddEvenFill);
                break;
            case ConvexMode:
                p.drawConvexPolygon(polygon);
                break;
            default:
                p.drawPolygon(polygon, Qt::WindingFill);
                break;
            }
        });
    }

    void drawRects(const QRectF *rects, int count) override
    {
        add([list = QList<QRectF>(rects, rects + count)](
                QPainter &p, const QTransform &) { p.drawRects(list); });
    }

    void drawLines(const QLineF *lines, int count) override
    {
        add([list = QList<QLineF>(lines, lines + count)](
                QPainter &p, const QTransform &) { p.drawLines(list); });
    }

    void drawEllipse(const QRectF &rect) override
    {
        add([rect](QPainter &p, const QTransform &) { p.drawEllipse(rect); });
    }

    void drawPoints(const QPointF *points, int count) override
    {
        add([polygon = QPolygonF(QList<QPointF>(points, points + count))](
                QPainter &p, const QTransform &) { p.drawPoints(polygon); });
    }

    // Pixmaps belong to the GUI thread: a recording on the pool keeps them as images.
    void drawPixmap(const QRectF &rect, const QPixmap &pixmap, const QRectF &source) override
    {
        drawImage(rect, pixmap.toImage(), source, Qt::AutoColor);
    }

    void drawImage(const QRectF &rect, const QImage &image, const QRectF &source,
        Qt::ImageConversionFlags flags) override
    {
        add([rect, image, source, flags](
                QPainter &p, const QTransform &) { p.drawImage(rect, image, source, flags); });
    }

    // The item's own text and font at its baseline: the replaying painter shapes it again
    // with the same font list, so a fallback font's run keeps the baseline it was painted on.
    void drawTextItem(const QPointF &position, const QTextItem &item) override
    {
        QFont font = item.font();
        font.setUnderline(item.renderFlags() & QTextItem::Underline);
        font.setOverline(item.renderFlags() & QTextItem::Overline);
        font.setStrikeOut(item.renderFlags() & QTextItem::StrikeOut);
        add([position, font, text = item.text(), dpi = mDpi](QPainter &p, const QTransform &) {
            p.setFont(fitted(font, dpi, p));
            p.drawText(position, text);
        });
    }

private:
    void add(PageRecording::Command command) { mCommands->push_back(std::move(command)); }

    // A font sized in points grows with the device's resolution; the recording's page is
    // scaled onto a printer's, so the font is given the points that make the same pixels.
    static QFont fitted(QFont font, int dpi, const QPainter &painter)
    {
        const int target = painter.device() ? painter.device()->logicalDpiY() : dpi;
        if (font.pointSizeF() > 0 && target != dpi && target > 0)
            font.setPointSizeF(font.pointSizeF() * dpi / target);
        return font;
    }

    std::vector<PageRecording::Command> *mCommands;
    int mDpi;
};

} // namespace

PageRecording::PageRecording(const QSize &size, int dpi)
    : mSize(size)
    , mDpi(dpi)
    , mEngine(std::make_unique<RecordingEngine>(&mCommands, dpi))
{
}

PageRecording::~PageRecording() = default;

QPaintEngine *PageRecording::paintEngine() const
{
    return mEngine.get();
}

void PageRecording::replay(QPainter &painter) const
{
    painter.save();
    const QTransform base = painter.transform();
    for (const Command &command : mCommands)
        command(painter, base);
    painter.restore();
}

int PageRecording::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return mSize.width();
    case PdmHeight:
        return mSize.height();
    case PdmWidthMM:
        return qRound(mSize.width() * 25.4 / mDpi);
    case PdmHeightMM:
        return qRound(mSize.height() * 25.4 / mDpi);
    case PdmNumColors:
        return INT_MAX;
    case PdmDepth:
        return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return mDpi;
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    default:
        return QPaintDevice::metric(metric);
    }
}

} // namespace dv
