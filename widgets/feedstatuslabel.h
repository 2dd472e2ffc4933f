// The status bar's data-source indicator: where readings come from and how fresh they are.
#pragma once

#include <QLabel>
#include <QPointer>

namespace dv {

class SensorFeed;

// Officials trust a dashboard that says when its data is stale: the age of the last message is
// always shown, and a reconnecting broker turns the dot amber, a lost one red.
class FeedStatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit FeedStatusLabel(QWidget *parent = nullptr);

    void setFeed(SensorFeed *feed);
    // -1 hides it; 0..100 shows "seeding history n %" beside the state.
    void setSeedPercent(int percent);
    void setProblemCount(qint64 count);
    // Another process writes the store and this window only reads it: shown instead of a feed.
    void setReadingOnly(const QString &reason);
    // Why the feed is stopped on purpose (the simulator while sample data is hidden): said
    // instead of "not connected", with a grey dot rather than a red one. Empty: none.
    void setPausedNote(const QString &note);
    // The text for the feed's state at `now`; what tests check.
    QString describe(qint64 now) const;
    static QString ageText(qint64 ms);

signals:
    void clicked();

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    void refresh();

    QPointer<SensorFeed> mFeed;
    int mSeedPercent = -1;
    qint64 mProblems = 0;
    QString mReadingOnly;
    QString mPausedNote;
};

} // namespace dv
