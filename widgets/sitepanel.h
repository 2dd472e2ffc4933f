// A site's sensors: live and historical charts; for a pig farm, its sows with their sparklines.
#pragma once

#include "chartseries.h"
#include "markedspan.h"
#include "sensorstore.h"
#include "storereader.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

namespace dv {

class SensorChart;
class SowTableModel;
class VectorLayer;
struct AlertRecord;

// Every store query (devices, history, live readings, the sows, the chart's alerts) is a request
// to a StoreReader on a channel of its own, so the newest choice wins and the GUI thread never
// waits: meanwhile the panel keeps what it shows and says it is loading.
class SitePanel : public QWidget {
    Q_OBJECT
public:
    enum class Range { Live, Day, Week, Month, Year, Custom };
    static constexpr qint64 kLiveWindowMs = 15 * 60 * 1000;

    explicit SitePanel(QWidget *parent = nullptr);
    ~SitePanel() override;

    // Where the panel reads sensors and alerts (not owned; may be shared with other views);
    // nullptr shows nothing but the site.
    void setReader(StoreReader *reader);
    StoreReader *reader() const { return mReader; }
    void showSite(const VectorLayer &sites, int feature);
    void clear();
    // Asks the store again for what is shown (after seeding history, for instance).
    void reload();
    // Whether an answer the panel waits for has not come yet (the chart shows the old data).
    bool isLoading() const;
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

    // The chart's shading of alerts of one metric (stale alerts, metric 0, shade every metric):
    // critical red, warnings orange, open ones up to now; labelled "rule · state".
    static QVector<MarkedSpan> alertSpans(
        const std::vector<AlertRecord> &alerts, int metricId, qint64 now);

private:
    struct SeriesSource {
        quint32 device = 0;
        int metric = 0;
        QString label;
        QString key; // county/site/device
    };

    void buildRangeButtons(QLayout *bar);
    // A channel of this panel's own on the (possibly shared) reader.
    QString channel(const char *name) const;
    void loadChart();
    void applyChartFrame();
    void loadHistory(qint64 from, qint64 to);
    // The user zoomed or panned: the same sources at the new range's resolution.
    void requestSeries(qint64 from, qint64 to);
    void loadLive();
    void requestLive();
    void setLoading(bool site, bool chart);
    std::vector<SeriesSource> currentSources() const;
    std::pair<qint64, qint64> rangeBounds() const;
    void chooseCustomRange();
    void exportPng();
    void exportCsv();
    void showError(const QString &message);
    QString deviceLabel(const DeviceEntry &device) const;

    void markAlerts();

    QPointer<StoreReader> mReader;
    // Bumped whenever what the chart should show changes: answers of an older epoch are late.
    quint64 mEpoch = 0;
    bool mSitePending = false;
    bool mChartPending = false;
    bool mLiveBusy = false; // a live request is out: the next waits, so none is superseded
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
    QLabel *mLoading;
    QComboBox *mMetricBox;
    QButtonGroup *mRangeGroup;
    QToolButton *mPinButton;
    QTableView *mSowTable;
    SowTableModel *mSows;
    SensorChart *mChart;
};

} // namespace dv
