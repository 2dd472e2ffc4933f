// Which view the wall shows now: the rotation on a timer, and a critical warning interrupting it.
#include "wallrotation.h"

#include <QTimer>

namespace dv {

WallRotation::WallRotation(QObject *parent)
    : QObject(parent)
    , mTimer(new QTimer(this))
    , mInterruptTimer(new QTimer(this))
{
    mTimer->setInterval(30 * 1000);
    mInterruptTimer->setSingleShot(true);
    mInterruptTimer->setInterval(300 * 1000);
    connect(mTimer, &QTimer::timeout, this, [this] {
        if (!mInterrupted)
            go(mIndex + 1);
    });
    connect(mInterruptTimer, &QTimer::timeout, this, &WallRotation::dismiss);
}

void WallRotation::setViews(const QStringList &views)
{
    mViews = views;
    mIndex = 0;
    if (!mInterrupted)
        emit currentChanged(current());
}

void WallRotation::setInterval(int ms)
{
    mTimer->setInterval(ms);
}

int WallRotation::interval() const
{
    return mTimer->interval();
}

void WallRotation::setInterruptTimeout(int ms)
{
    mInterruptTimer->setInterval(ms);
}

int WallRotation::interruptTimeout() const
{
    return mInterruptTimer->interval();
}

QString WallRotation::current() const
{
    if (mInterrupted)
        return QStringLiteral("interrupt");
    return mViews.value(mIndex);
}

int WallRotation::upcomingIndex() const
{
    if (mViews.isEmpty())
        return 0;
    return mInterrupted ? mIndex : (mIndex + 1) % int(mViews.size());
}

QString WallRotation::upcoming() const
{
    return mViews.value(upcomingIndex());
}

int WallRotation::remainingMs() const
{
    return mTimer->isActive() ? mTimer->remainingTime() : -1;
}

bool WallRotation::isRunning() const
{
    return mTimer->isActive();
}

void WallRotation::start()
{
    mTimer->start();
}

void WallRotation::stop()
{
    mTimer->stop();
}

void WallRotation::go(int index)
{
    if (mViews.isEmpty())
        return;
    const int n = int(mViews.size());
    mIndex = ((index % n) + n) % n;
    emit currentChanged(current());
}

void WallRotation::next()
{
    if (mInterrupted) {
        dismiss();
        return;
    }
    if (mTimer->isActive())
        mTimer->start(); // a full interval for the view the presenter chose
    go(mIndex + 1);
}

void WallRotation::previous()
{
    if (mInterrupted) {
        dismiss();
        return;
    }
    if (mTimer->isActive())
        mTimer->start();
    go(mIndex - 1);
}

void WallRotation::interrupt(quint64 episode)
{
    mInterrupted = true;
    mEpisode = episode;
    mInterruptTimer->start();
    emit currentChanged(current());
}

void WallRotation::acknowledged(quint64 episode)
{
    if (mInterrupted && episode == mEpisode)
        dismiss();
}

void WallRotation::dismiss()
{
    if (!mInterrupted)
        return;
    mInterrupted = false;
    mEpisode = 0;
    mInterruptTimer->stop();
    if (mTimer->isActive())
        mTimer->start();
    emit currentChanged(current());
}

} // namespace dv
