// Renders MapSettings into a QImage on a worker thread; the newest request wins.
#include "maprenderjob.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace dv {

MapRenderJob::MapRenderJob(QObject *parent)
    : QObject(parent)
{
    connect(&mWatcher, &QFutureWatcher<RenderedFrame>::finished, this, &MapRenderJob::onFinished);
}

MapRenderJob::~MapRenderJob()
{
    mQueued.reset();
    mWatcher.waitForFinished();
}

void MapRenderJob::request(const MapSettings &settings)
{
    if (mWatcher.isRunning())
        mQueued = settings;
    else
        startNow(settings);
}

void MapRenderJob::startNow(const MapSettings &settings)
{
    mDelivered = false;
    mWatcher.setFuture(QtConcurrent::run([settings] {
        QElapsedTimer timer;
        timer.start();
        RenderedFrame frame;
        frame.settings = settings;
        frame.image = MapRenderer::renderImage(settings, &frame.result);
        frame.milliseconds = timer.nsecsElapsed() / 1e6;
        return frame;
    }));
}

void MapRenderJob::onFinished()
{
    // waitForIdle() delivers a frame before the watcher's queued signal does: each frame goes
    // out once, and a late signal never waits on the next job.
    if (mDelivered || !mWatcher.isFinished())
        return;
    mDelivered = true;
    const RenderedFrame frame = mWatcher.result();
    if (mQueued) {
        const MapSettings next = *mQueued;
        mQueued.reset();
        startNow(next);
    }
    emit frameReady(frame);
}

void MapRenderJob::waitForIdle()
{
    while (isBusy()) {
        mWatcher.waitForFinished();
        onFinished();
    }
}

} // namespace dv
