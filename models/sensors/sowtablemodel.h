// A pig farm's sows as a table: ear tag, latest temperature, trend, status, battery, last day.
#pragma once

#include "alertrecord.h"
#include "sensorstore.h"

#include <QAbstractTableModel>
#include <QVector>

#include <vector>

namespace dv {

// Each sow is judged against her own normal: the median of her hourly means over the last
// seven days. Ear tags read below rectal temperature and follow the barn, so a fixed
// threshold would miss a fever in a cool sow and cry wolf for a warm one.
class SowTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { EarTag, Latest, Trend, Status, Battery, LastDay, ColumnCount };
    enum SowStatus { Normal, Raised, Fever, SensorFault, NoData };
    enum Role {
        SparklineRole = Qt::UserRole + 1, // QList<double>: hourly means of the last 24 h
        DeviceRole, // quint32, the store's device number
        BaselineRole, // double, NaN when unknown
        StatusRole, // SowStatus
    };
    // Above the sow's own baseline by this much: raised; by twice this much: fever.
    static constexpr double kRaisedDelta = 0.7;
    // No reading for this long: the tag is silent (flat battery, lost tag).
    static constexpr qint64 kSilentAfterMs = 30 * 60 * 1000;

    struct Sow {
        DeviceEntry device;
        QString earTag;
        double latest = qQNaN();
        qint64 latestTime = 0;
        bool latestFault = false;
        double hourAgo = qQNaN();
        double baseline = qQNaN();
        double battery = qQNaN();
        QList<double> lastDay;
        SowStatus judged = NoData; // by her readings alone
        SowStatus status = NoData; // judged, raised to what an open alert on her says
        QString alertRule; // the open alert on her temperature, empty when none
        bool alertCritical = false;
    };

    explicit SowTableModel(QObject *parent = nullptr);

    // Reads every tag's figures at `now` (ms UTC); false and *error if the store fails.
    bool load(SensorStore &store, const std::vector<DeviceEntry> &tags, qint64 now, QString *error);
    void clear();
    // The alert list and the table must agree: a sow with an open temperature alert reads at
    // least Raised (Fever for a critical one) whatever her latest reading, and says so.
    void setOpenAlerts(const std::vector<AlertRecord> &alerts);
    const std::vector<Sow> &sows() const { return mSows; }
    static QString statusText(SowStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    static SowStatus judge(const Sow &sow, qint64 now);

    std::vector<Sow> mSows;
};

} // namespace dv
