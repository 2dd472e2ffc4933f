// A page painted once, on any thread, and replayed onto another painter in order.
#pragma once

#include <QPaintDevice>
#include <QSize>
#include <QTransform>

#include <functional>
#include <memory>
#include <vector>

class QPainter;

namespace dv {

// Lets report pages paint in parallel on the thread pool and go into one PDF (or printer) in
// page order: each page is painted into a recording, then the recordings are replayed one after
// the other, staying vector. QPicture would do the same, but Qt 6.4 replays its text items
// through a fresh layout placed by the first font's ascent, so a run of fallback-font text
// (Chinese in the reports' Latin-first font list) lands a few pixels below its baseline. A
// recording keeps each text item at the baseline it was painted at.
class PageRecording : public QPaintDevice {
public:
    // A page of size logical pixels at dpi (the resolution fonts given in points size by).
    PageRecording(const QSize &size, int dpi);
    ~PageRecording() override;
    PageRecording(const PageRecording &) = delete;
    PageRecording &operator=(const PageRecording &) = delete;

    QPaintEngine *paintEngine() const override;
    // Paints what was recorded onto painter, under its current transform and within its state
    // (saved and restored around the replay).
    void replay(QPainter &painter) const;
    int commandCount() const { return int(mCommands.size()); }

    using Command = std::function<void(QPainter &, const QTransform &base)>;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QSize mSize;
    int mDpi;
    std::vector<Command> mCommands;
    std::unique_ptr<QPaintEngine> mEngine;
};

} // namespace dv
