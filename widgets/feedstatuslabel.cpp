// The status bar's data-source indicator: where readings come from and how fresh they are.
#include "feedstatuslabel.h"

#include "sensorfeed.h"
#include "timeunits.h"

#include <QDateTime>
#include <QTimer>

namespace dv {

FeedStatusLabel::FeedStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Data source; click for the data-quality view"));
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &FeedStatusLabel::refresh);
    timer->start(1000);
    refresh();
}

void FeedStatusLabel::setFeed(SensorFeed *feed)
{
    mFeed = feed;
    if (feed)
        connect(
            feed, &SensorFeed::stateChanged, this, &FeedStatusLabel::refresh, Qt::QueuedConnection);
    refresh();
}

void FeedStatusLabel::setReadingOnly(const QString &reason)
{
    mReadingOnly = reason;
    refresh();
}

void FeedStatusLabel::setPausedNote(const QString &note)
{
    mPausedNote = note;
    refresh();
}

void FeedStatusLabel::setSeedPercent(int percent)
{
    mSeedPercent = percent;
    refresh();
}

void FeedStatusLabel::setProblemCount(qint64 count)
{
    mProblems = count;
    refresh();
}

QString FeedStatusLabel::ageText(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    if (ms < kMinuteMs)
        return tr("%n s ago", "", int(ms / kSecondMs));
    if (ms < kHourMs)
        return tr("%n min ago", "", int(ms / kMinuteMs));
    if (ms < 2 * kDayMs)
        return tr("%n h ago", "", int(ms / kHourMs));
    return tr("%n days ago", "", int(ms / kDayMs));
}

QString FeedStatusLabel::describe(qint64 now) const
{
    if (!mFeed)
        return mReadingOnly.isEmpty() ? tr("No data source") : mReadingOnly;
    QString state;
    switch (mFeed->state()) {
    case SensorFeed::State::Stopped:
        state = mPausedNote.isEmpty() ? tr("%1: not connected").arg(mFeed->sourceName())
                                      : mPausedNote;
        break;
    case SensorFeed::State::Connected:
        state = tr("%1: connected").arg(mFeed->sourceName());
        break;
    case SensorFeed::State::Reconnecting:
        state = tr("%1: reconnecting…").arg(mFeed->sourceName());
        break;
    case SensorFeed::State::Simulating:
        state = mFeed->sourceName();
        break;
    }
    QStringList parts { state };
    const qint64 last = mFeed->lastMessageMs();
    parts << (last > 0 ? tr("last message %1").arg(ageText(now - last)) : tr("no message yet"));
    if (mSeedPercent >= 0)
        parts << tr("seeding 90 days of sample history: %1 %").arg(mSeedPercent);
    if (mProblems > 0)
        parts << tr("%n data problem(s)", "", int(std::min<qint64>(mProblems, INT_MAX)));
    return parts.join(QStringLiteral(" · "));
}

void FeedStatusLabel::refresh()
{
    QColor dot(QStringLiteral("#9e9e9e"));
    if (mFeed) {
        switch (mFeed->state()) {
        case SensorFeed::State::Connected:
        case SensorFeed::State::Simulating:
            dot = QColor(QStringLiteral("#2e7d32"));
            break;
        case SensorFeed::State::Reconnecting:
            dot = QColor(QStringLiteral("#f9a825"));
            break;
        case SensorFeed::State::Stopped:
            if (mPausedNote.isEmpty())
                dot = QColor(QStringLiteral("#c62828"));
            break;
        }
    }
    setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                .arg(dot.name(), describe(QDateTime::currentMSecsSinceEpoch()).toHtmlEscaped()));
}

void FeedStatusLabel::mousePressEvent(QMouseEvent *event)
{
    QLabel::mousePressEvent(event);
    emit clicked();
}

} // namespace dv
