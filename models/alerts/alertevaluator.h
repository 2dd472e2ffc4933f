// Judges live readings against the alert rules with constant work per reading; reports episodes.
#pragma once

#include "reading.h"
#include "rulebook.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <limits>
#include <utility>
#include <vector>

namespace dv {

// One step in the life of an alert episode, as a plain value: the evaluator runs on the writer
// thread and must not block on whoever shows or logs alerts. Acknowledging is the alert log's
// business, not the evaluator's.
struct AlertTransition {
    enum Kind {
        Raised, // the condition started; pending while the rule's minimum duration runs
        Activated, // the condition lasted the minimum duration: this is the alert
        Cancelled, // the condition cleared before the minimum duration: no alert after all
        Resolved, // an active alert cleared (recovery threshold crossed, or data came back)
        PeakRose, // an active alert's peak went further by a quarter of the rule's hysteresis
    };
    Kind kind = Raised;
    int device = -1; // AlertEvaluator::addDevice() handle
    QString deviceKey; // county/site/device
    int rule = -1; // index in the evaluator's rule book
    QString ruleId;
    int metric = 0; // MetricInfo::id; 0 for a stale alert that watches every metric
    quint64 episode = 0; // the same from Raised to Resolved, and across saveState/restoreState
    qint64 episodeStart = 0; // when the condition began, ms UTC
    qint64 time = 0; // when this step happened, ms UTC (see AlertEvaluator)
    double value = 0; // the reading's value; for stale alerts, minutes without data
    // The reading that raised the episode, and the furthest one beyond the trigger since (the
    // highest for an upper limit, the lowest for a lower one): the value at activation or at
    // the end may lie inside the hysteresis band and says little about how bad it was.
    double triggerValue = 0;
    double peak = 0;
};

// Evaluates a rule book on a stream of readings, one thread at a time.
//
// Cost: addDevice() matches the rules' scopes once per device; the first reading of a metric
// from a device builds that series' list of applicable rules and their state. From then on a
// reading costs a table look-up and a few comparisons per rule that applies to it: baseline
// medians are recomputed once per hour of the day, rate references once per window/16.
//
// Time: readings are judged by device time. A reading whose device time is not later than the
// last one evaluated for the same device and metric (late, out of order, or a resent duplicate)
// is counted in ignoredReadings() and changes nothing, except that it proves the device is alive
// for stale rules: judging old values after newer ones would reopen episodes that already
// closed. Stale rules use arrival time (device time when arrival is 0) and checkStale's now.
//
// Sensor faults: a reading flagged sensorFault never reaches threshold, rate or baseline rules
// (nor the baseline history); only sensor-fault and stale rules see it.
//
// Active hours: outside a rule's active hours no episode starts or becomes active; readings still
// end episodes, so an alert raised at 17:50 ends when the condition clears, even at night.
class AlertEvaluator {
    Q_DECLARE_TR_FUNCTIONS(dv::AlertEvaluator)
public:
    static constexpr int kBaselineDays = 7; // the baseline is the median of up to 7 days...
    static constexpr int kBaselineMinDays = 3; // ...and is used once 3 days are known
    static constexpr int kRateBuckets = 16;
    static constexpr int kStaleGaps = 5; // the usual interval is the median of the last 5 gaps

    // Rules that fail validation are kept in rules() but never evaluated.
    explicit AlertEvaluator(RuleBook rules);

    const RuleBook &rules() const { return mBook; }

    // Registers a device once; returns its handle. The same key returns the same handle.
    // siteType is "tea_garden", "pig_farm" or "clinic" (empty when unknown).
    int addDevice(const QString &deviceKey, const QString &siteType);
    // Lets evaluate(const Reading &) find a device by the store's number (Reading::device).
    void bindStoreDevice(quint32 storeDevice, int device);
    int deviceCount() const { return static_cast<int>(mDevices.size()); }

    // Appends the transitions this reading causes to out.
    void evaluate(int device, const Reading &reading, std::vector<AlertTransition> &out);
    void evaluate(const Reading &reading, std::vector<AlertTransition> &out);

    // Raises stale alerts; call periodically (every minute or so) with the current time.
    void checkStale(qint64 now, std::vector<AlertTransition> &out);
    // After a restart the dashboard itself was deaf: silence before ms is not the devices'
    // fault, so stale rules count silence from no earlier than this.
    void setFeedStart(qint64 ms) { mFeedStart = ms; }

    // Episodes pending (as Raised) or active (as Activated) right now, e.g. to fill an alert list
    // after a restart; time is when the episode began or became active. A restored episode of a
    // device not added yet has device -1.
    std::vector<AlertTransition> openEpisodes() const;

    // Open episodes, baseline histories, rate windows and stale clocks, keyed by device key, rule
    // id and metric, so they survive restarts and edits to other rules. restoreState() may be
    // called before or after the devices are added; on error nothing changes.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state, QString *error);

    quint64 ignoredReadings() const { return mIgnored; }

private:
    enum Phase : quint8 { Idle, Pending, Active };
    static constexpr qint64 kNever = std::numeric_limits<qint64>::min();
    static constexpr qint32 kNoDay = std::numeric_limits<qint32>::min();

    // What the hot path needs of a rule, without the strings.
    struct CompiledRule {
        AlertRule::Kind kind = AlertRule::Threshold;
        bool above = true;
        bool usable = false;
        bool hasHours = false;
        int metric = 0; // 0: any metric
        double trigger = 0;
        double recovery = 0;
        qint64 duration = 0;
        qint64 bucketWidth = 1; // rate rules: window / kRateBuckets
        double staleFactor = 0;
    };
    struct State {
        quint64 episode = 0;
        qint64 start = 0;
        qint64 activated = 0;
        double value = 0;
        double trigger = 0; // the reading that raised the episode
        double peak = 0;
        double reportedPeak = 0; // the peak in the last transition: throttles PeakRose
        int rule = 0;
        int device = 0;
        int metric = 0;
        int aux = -1; // index into the kind's own table
        Phase phase = Idle;
    };
    struct Series {
        qint64 last = kNever; // device time of the last reading evaluated
        int firstSlot = 0;
        int slotCount = 0;
    };
    struct Device {
        QString key;
        std::vector<int> rules; // rules whose scope matches
        std::vector<std::pair<int, int>> shared; // rule -> state for "any metric" stale rules
    };
    // Per hour of the day (China time), the mean of that hour on each of the last 7 days, in a
    // ring indexed by day % 7; the median is cached per hour and day.
    struct Baseline {
        float value[24][kBaselineDays];
        qint32 day[24][kBaselineDays];
        float median[24];
        qint32 medianDay[24];
        bool medianValid[24];
        qint32 accDay = kNoDay;
        qint32 accHour = 0;
        double accSum = 0;
        qint32 accCount = 0;
        Baseline();
    };
    // Bucket means over the window; the reference (lowest or highest mean) is cached per bucket.
    struct RateWindow {
        qint64 bucket[kRateBuckets + 1];
        double sum[kRateBuckets + 1];
        qint32 count[kRateBuckets + 1];
        qint64 refBucket = kNever;
        double ref = 0;
        bool hasRef = false;
        RateWindow();
    };
    struct StaleClock {
        qint64 lastTs = kNever; // device time, for the usual interval
        qint64 lastSeen = kNever; // arrival time, for silence
        qint64 gaps[kStaleGaps] = {};
        quint8 gapCount = 0;
        quint8 nextGap = 0;
    };
    // One state as saveState() wrote it, waiting for its device to be added.
    struct Saved {
        AlertRule::Kind kind = AlertRule::Threshold;
        Phase phase = Idle;
        quint64 episode = 0;
        qint64 start = 0;
        qint64 activated = 0;
        double value = 0;
        qint64 seriesLast = kNever;
        bool hasAux = false;
        Baseline baseline;
        qint64 bucketWidth = 0;
        RateWindow rate;
        StaleClock clock;
    };

    int buildSeries(int device, int metric);
    int createState(int device, int rule, int metric, qint64 *seriesLast);
    bool applySaved(State &state, const Saved &saved);
    QString stateKey(const State &state) const;
    bool activeAt(int rule, qint64 t) const;
    void advance(State &s, bool triggered, bool recovered, qint64 t, double value,
        std::vector<AlertTransition> &out);
    void emitTransition(AlertTransition::Kind kind, const State &s, qint64 time, double value,
        std::vector<AlertTransition> &out) const;
    void judgeBaseline(State &s, const Reading &r, std::vector<AlertTransition> &out);
    void judgeRate(State &s, const Reading &r, std::vector<AlertTransition> &out);
    void touchStale(State &s, const Reading &r, std::vector<AlertTransition> &out);
    static qint64 usualInterval(const StaleClock &c);

    RuleBook mBook;
    std::vector<CompiledRule> mCompiled;
    int mMetricSlots = 1; // largest metric id + 1
    std::vector<Device> mDevices;
    QHash<QString, int> mDeviceByKey;
    std::vector<int> mDeviceByStoreId; // store number -> handle, -1 when unbound
    QHash<quint32, int> mDeviceByLargeStoreId; // numbers too large for a table
    std::vector<int> mSeriesOf; // device * mMetricSlots + metric -> series, -1 until first reading
    std::vector<Series> mSeries;
    std::vector<int> mSlots; // state indices, contiguous per series
    std::vector<State> mStates;
    std::vector<Baseline> mBaselines;
    std::vector<RateWindow> mRates;
    std::vector<StaleClock> mClocks;
    std::vector<int> mStaleStates;
    QHash<QString, Saved> mRestored; // saved states not yet claimed by a device
    quint64 mLastEpisode = 0;
    quint64 mIgnored = 0;
    qint64 mFeedStart = kNever;
};

} // namespace dv
