// Store queries for the GUI thread, run on a worker thread of their own: the window never waits.
#pragma once

#include "storeset.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <type_traits>

namespace dv {

// One worker thread with its own store connections (a StoreSet on the reader's spec). A
// window client asks on a channel ("site-chart", "alert-list"...): a newer request on the same
// channel replaces one still queued, and an answer to a request that has since been superseded
// is dropped, so the newest request wins and a slow store never shows stale data. Answers run
// on the thread of the reader (the GUI thread), and only while their receiver still exists.
// Writes go through submit(): never dropped, run in the order given, after queued reads.
//
// A query runs on the worker thread: it must copy what it needs, never touch widgets or the
// receiver, and return a value (std::optional, a struct with an error...).
class StoreReader : public QObject {
    Q_OBJECT
public:
    explicit StoreReader(const QString &spec, QObject *parent = nullptr);
    // Drops queued requests and waits for the running one (a query is one store call).
    ~StoreReader() override;

    QString spec() const { return mSpec; }

    template <typename Query, typename Answer>
    void request(const QString &channel, QObject *receiver, Query query, Answer answer)
    {
        enqueue(channel, wrap(receiver, std::move(query), std::move(answer)));
    }
    template <typename Query, typename Answer>
    void submit(QObject *receiver, Query query, Answer answer)
    {
        enqueue(QString(), wrap(receiver, std::move(query), std::move(answer)));
    }
    // Whether no request is queued or running (tests and shutdown wait on this).
    bool isIdle() const;

signals:
    // After each answer was delivered (or dropped): lets tests wait on conditions.
    void answered(const QString &channel);

private:
    // Runs on the worker; returns what to run on the reader's thread.
    using Job = std::function<std::function<void()>(StoreSet &)>;
    struct Pending {
        QString channel; // empty: a write, never replaced
        quint64 generation = 0;
        Job job;
    };

    template <typename Query, typename Answer>
    static Job wrap(QObject *receiver, Query query, Answer answer)
    {
        using Result = std::invoke_result_t<Query &, StoreSet &>;
        return [receiver = QPointer<QObject>(receiver), query = std::move(query),
                   answer = std::move(answer)](StoreSet &stores) mutable {
            auto result = std::make_shared<Result>(query(stores));
            return std::function<void()>([receiver, answer, result] {
                if (receiver)
                    answer(*result);
            });
        };
    }

    void enqueue(const QString &channel, Job job);
    void work();
    void deliver(const QString &channel, quint64 generation, const std::function<void()> &answer);

    QString mSpec;
    QThread *mThread;
    mutable QMutex mMutex;
    QWaitCondition mWake;
    std::deque<Pending> mQueue;
    QHash<QString, quint64> mLatest; // channel -> newest generation asked for
    quint64 mGeneration = 0;
    int mRunning = 0;
    int mUndelivered = 0;
    bool mStopping = false;
};

} // namespace dv
