// Store queries for the GUI thread, run on a worker thread of their own: the window never waits.
#include "storereader.h"

#include <QMetaObject>

namespace dv {

StoreReader::StoreReader(const QString &spec, QObject *parent)
    : QObject(parent)
    , mSpec(spec)
    , mThread(QThread::create([this] { work(); }))
{
    mThread->setObjectName(QStringLiteral("dvdash-store-reader"));
    mThread->start();
}

StoreReader::~StoreReader()
{
    {
        QMutexLocker lock(&mMutex);
        mStopping = true;
        mQueue.clear();
        mWake.wakeAll();
    }
    mThread->wait();
    delete mThread;
}

bool StoreReader::isIdle() const
{
    QMutexLocker lock(&mMutex);
    return mQueue.empty() && mRunning == 0 && mUndelivered == 0;
}

void StoreReader::enqueue(const QString &channel, Job job)
{
    QMutexLocker lock(&mMutex);
    const quint64 generation = ++mGeneration;
    if (!channel.isEmpty()) {
        mLatest.insert(channel, generation);
        // The request it replaces has not started: it never will.
        for (auto it = mQueue.begin(); it != mQueue.end(); ++it) {
            if (it->channel == channel) {
                mQueue.erase(it);
                break; // at most one per channel is ever queued
            }
        }
    }
    mQueue.push_back({ channel, generation, std::move(job) });
    mWake.wakeOne();
}

void StoreReader::work()
{
    StoreSet stores(mSpec); // opened, used and closed in this thread
    for (;;) {
        Pending next;
        {
            QMutexLocker lock(&mMutex);
            while (mQueue.empty() && !mStopping)
                mWake.wait(&mMutex);
            if (mStopping)
                return;
            next = std::move(mQueue.front());
            mQueue.pop_front();
            ++mRunning;
        }
        std::function<void()> answer = next.job(stores);
        {
            QMutexLocker lock(&mMutex);
            --mRunning;
            ++mUndelivered;
        }
        QMetaObject::invokeMethod(
            this,
            [this, channel = next.channel, generation = next.generation,
                answer = std::move(answer)] { deliver(channel, generation, answer); },
            Qt::QueuedConnection);
    }
}

void StoreReader::deliver(
    const QString &channel, quint64 generation, const std::function<void()> &answer)
{
    bool current = true;
    {
        QMutexLocker lock(&mMutex);
        --mUndelivered;
        current = channel.isEmpty() || mLatest.value(channel) == generation;
    }
    if (current)
        answer();
    emit answered(channel);
}

} // namespace dv
