// The data-quality view: problems by kind, quarantined devices to accept, the latest problems.
#pragma once

#include <QMap>
#include <QWidget>

#include <functional>

class QLabel;
class QTableWidget;

namespace dv {

class DataQualityLog;

class DataQualityPanel : public QWidget {
    Q_OBJECT
public:
    // Unknown devices and the readings held back from each, e.g. SensorWriter::quarantined.
    using QuarantineSource = std::function<QMap<QString, qint64>()>;
    using CountSource = std::function<qint64()>;

    DataQualityPanel(DataQualityLog *log, QuarantineSource quarantine, CountSource duplicates,
        QWidget *parent = nullptr);

    // Reads the log and the quarantine again; also done every 2 s while visible.
    void refresh();
    QTableWidget *countsTable() const { return mCounts; }
    QTableWidget *quarantineTable() const { return mQuarantine; }
    QTableWidget *recentTable() const { return mRecent; }

signals:
    void acceptRequested(const QStringList &deviceKeys);
    // Accept into site…: the devices join a registered site the user picks.
    void acceptIntoSiteRequested(const QStringList &deviceKeys);

private:
    void refreshCounts();
    void refreshQuarantine();
    void refreshRecent();

    DataQualityLog *mLog;
    QuarantineSource mQuarantineSource;
    CountSource mDuplicates;
    QTableWidget *mCounts;
    QTableWidget *mQuarantine;
    QTableWidget *mRecent;
    QLabel *mQuarantineNote;
    bool mRecentDirty = true;
};

} // namespace dv
