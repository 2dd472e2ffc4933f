// Which view the wall shows now: the rotation on a timer, and a critical warning interrupting it.
#pragma once

#include <QObject>
#include <QStringList>

class QTimer;

namespace dv {

// The wall's state machine, free of painting so tests drive it with short intervals. Views
// rotate every interval; next()/previous() (a presenter's clicker) move at once and restart
// the interval. interrupt() shows a critical warning until it is acknowledged, dismissed or
// times out, then the rotation goes on where it was.
class WallRotation : public QObject {
    Q_OBJECT
public:
    explicit WallRotation(QObject *parent = nullptr);

    void setViews(const QStringList &views);
    QStringList views() const { return mViews; }
    void setInterval(int ms);
    int interval() const;
    void setInterruptTimeout(int ms);
    int interruptTimeout() const;

    // The view shown, or "interrupt" while a critical warning is.
    QString current() const;
    int index() const { return mIndex; }
    bool isInterrupted() const { return mInterrupted; }
    quint64 interruptEpisode() const { return mEpisode; }
    bool isRunning() const;
    // The view the next turn shows (after an interruption: the view it interrupted), and its
    // 0-based place in the rotation; what the wall prepares ahead.
    QString upcoming() const;
    int upcomingIndex() const;
    // Until the timer turns the views; -1 when it does not run.
    int remainingMs() const;

public slots:
    void start();
    void stop();
    void next();
    void previous();
    // A newer critical warning replaces the one shown and restarts the timeout.
    void interrupt(quint64 episode);
    // The warning was acknowledged (at a desk, on the shared store): back to the rotation.
    void acknowledged(quint64 episode);
    void dismiss();

signals:
    void currentChanged(const QString &view);

private:
    void go(int index);

    QStringList mViews;
    int mIndex = 0;
    bool mInterrupted = false;
    quint64 mEpisode = 0;
    QTimer *mTimer;
    QTimer *mInterruptTimer;
};

} // namespace dv
