// Where readings come from: an MQTT broker or the built-in simulator, behind one interface.
#pragma once

#include "payloadparser.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace dv {

class SensorWriter;

// Like PlotJuggler's data sources: the window, the status bar and the data-quality view never
// know whether messages came from a broker or the simulator. Every feed parses the same wire
// format, so bad input is caught and counted the same way.
class SensorFeed : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Connected, Reconnecting, Simulating };
    Q_ENUM(State)

    SensorFeed(SensorWriter *writer, QObject *parent);

    // false with a message naming the source and the reason.
    virtual bool start(QString *error) = 0;
    // Returns once no more readings will be submitted.
    virtual void stop() = 0;
    // "tcp://host:1883" or "Built-in simulator", for the status bar.
    virtual QString sourceName() const = 0;

    State state() const { return mState.load(); }
    qint64 messagesReceived() const { return mMessages.load(); }
    qint64 readingsReceived() const { return mReadings.load(); }
    qint64 problems() const { return mProblems.load(); }
    qint64 lastMessageMs() const { return mLastMessage.load(); } // 0 before the first

signals:
    // Emitted from the feed's own thread: connect queued.
    void stateChanged(dv::SensorFeed::State state);
    void payloadProblem(const QString &topic, const dv::PayloadIssue &issue);

protected:
    // Parses one message, reports its problems and queues its readings. Thread-safe.
    void deliver(const QString &topic, const QByteArray &payload, qint64 arrival);
    void setState(State state);

    SensorWriter *mWriter;

private:
    std::atomic<State> mState { State::Stopped };
    std::atomic<qint64> mMessages { 0 };
    std::atomic<qint64> mReadings { 0 };
    std::atomic<qint64> mProblems { 0 };
    std::atomic<qint64> mLastMessage { 0 };
};

} // namespace dv
