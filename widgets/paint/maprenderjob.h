// Renders MapSettings into a QImage on a worker thread; the newest request wins.
#pragma once

#include "maprenderer.h"
#include "mapsettings.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>

#include <optional>

namespace dv {

struct RenderedFrame {
    QImage image;
    MapSettings settings;
    RenderResult result;
    double milliseconds = 0;
};

class MapRenderJob : public QObject {
    Q_OBJECT
public:
    explicit MapRenderJob(QObject *parent = nullptr);
    ~MapRenderJob() override;

    // Starts at once when idle; otherwise replaces any queued request, so a burst of wheel
    // events renders the first and the last view, not every one in between.
    void request(const MapSettings &settings);
    bool isBusy() const { return mWatcher.isRunning() || mQueued.has_value(); }
    void waitForIdle();

signals:
    void frameReady(const dv::RenderedFrame &frame);

private:
    void startNow(const MapSettings &settings);
    void onFinished();

    QFutureWatcher<RenderedFrame> mWatcher;
    std::optional<MapSettings> mQueued;
    bool mDelivered = true; // the current future's frame was emitted
};

} // namespace dv
