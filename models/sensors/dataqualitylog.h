// What went wrong with incoming data: problems counted by kind, the latest ones listed.
#pragma once

#include "payloadparser.h"

#include <QCoreApplication>
#include <QObject>
#include <QVector>

#include <array>
#include <deque>

namespace dv {

struct DataProblem {
    qint64 time = 0; // arrival, ms UTC
    QString source; // the MQTT topic, or the store
    PayloadIssue issue;
};

// Lives in the GUI thread; feeds report to it through queued signals. Ingest never waits on
// it, and it keeps the last kMaxListed problems so a flood of bad messages costs bounded memory.
class DataQualityLog : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxListed = 500;
    // Problems that are not about a payload: the broker, the store, and devices reporting for a
    // site the registry does not hold (no site-scoped rule applies to them until it does).
    enum ExtraKind {
        BrokerProblem = PayloadIssue::TooOld + 1,
        StoreProblem,
        SiteNotRegistered,
        KindCount
    };

    explicit DataQualityLog(QObject *parent = nullptr);

    void record(const QString &source, const PayloadIssue &issue, qint64 time);
    void recordBroker(const QString &message, qint64 time);
    void recordStore(const QString &message, qint64 time);
    // deviceKey: 520328/MYFARM/TAG7.
    void recordUnregisteredSite(const QString &deviceKey, qint64 time);

    qint64 count(int kind) const { return mCounts.at(static_cast<std::size_t>(kind)); }
    qint64 total() const;
    // Newest first.
    const std::deque<DataProblem> &recent() const { return mRecent; }
    static QString kindLabel(int kind);

signals:
    void changed();

private:
    std::array<qint64, KindCount> mCounts {};
    std::deque<DataProblem> mRecent;
};

} // namespace dv
