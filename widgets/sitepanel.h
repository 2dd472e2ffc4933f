// A site's sensors: live and historical charts; for a pig farm, its sows with their sparklines.
#pragma once

#include "chartseries.h"
#include "markedspan.h"
#include "sensorstore.h"

#include <QElapsedTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

namespace dv {

class SensorChart;
class SowTableModel;
class VectorLayer;

class SitePanel : public QWidget {
    Q_OBJECT
public:
    enum class Range { Live, Day, Week, Month, Year, Custom };
    static constexpr qint64 kLiveWindowMs = 15 * 60 * 1000;

    explicit SitePanel(QWidget *parent = nullptr);
    ~SitePanel() override;

    // The GUI thread's store connection; nullptr shows nothing but the site.
    void setStore(SensorStore *store);
    // Alerts to mark on the chart for these devices (county/site/device) and metric.
    using AlertSpans
        = std::function<QVector<MarkedSpan>(const QStringList &deviceKeys, int metricId)>;
    void setAlertSpans(AlertSpans spans) { mAlertSpans = std::move(spans); }
    void showSite(const VectorLayer &sites, int feature);
    void clear();
    // Reads the store again for what is shown (after seeding history, for instance).
    void reload();
    // New readings were committed: a live chart appends them (at most once a second).
    void refreshLive();

    void setRange(Range range);
    // Custom range, ms UTC.
    void setCustomRange(qint64 from, qint64 to);
    void setMetric(int metricId);
    // Keeps the chart's current series on the chart for comparison with the next sites.
    void pinCurrentSeries();
    void clearPinned();
    // For a pig farm: one sow's chart with her own baseline; -1 for the whole herd.
    void selectSow(int row);

    QString siteId() const { return mSiteId; }
    QString siteType() const { return mSiteType; }
    Range range() const { return mRange; }
    int metric() const { return mMetric; }
    SensorChart *chart() const { return mChart; }
    SowTableModel *sowModel() const { return mSows; }
    QComboBox *metricBox() const { return mMetricBox; }

private:
    struct SeriesSource {
        quint32 device = 0;
        int metric = 0;
        QString label;
        QString key; // county/site/device
    };

    void buildRangeButtons(QLayout *bar);
    void loadChart();
    void loadHistory(qint64 from, qint64 to);
    void loadLive();
    std::vector<SeriesSource> currentSources() const;
    QVector<ChartSeries> query(
        const std::vector<SeriesSource> &sources, qint64 from, qint64 to, int buckets);
    std::pair<qint64, qint64> rangeBounds() const;
    void chooseCustomRange();
    void exportPng();
    void exportCsv();
    void showError(const QString &message);
    QString deviceLabel(const DeviceEntry &device) const;

    void markAlerts();

    SensorStore *mStore = nullptr;
    AlertSpans mAlertSpans;
    QString mSiteId;
    QString mSiteType;
    QString mSiteName;
    QString mDevicePrefix; // county/site/
    std::vector<DeviceEntry> mDevices;
    int mMetric = 0;
    Range mRange = Range::Day;
    qint64 mCustomFrom = 0;
    qint64 mCustomTo = 0;
    int mSelectedSow = -1;
    std::vector<SeriesSource> mPinned;
    std::vector<SeriesSource> mLiveSources;
    std::vector<qint64> mLiveNewest; // per live series, the newest reading shown
    QElapsedTimer mSinceLiveRefresh;

    QLabel *mTitle;
    QLabel *mSubtitle;
    QLabel *mMessage;
    QComboBox *mMetricBox;
    QButtonGroup *mRangeGroup;
    QToolButton *mPinButton;
    QTableView *mSowTable;
    SowTableModel *mSows;
    SensorChart *mChart;
};

} // namespace dv
