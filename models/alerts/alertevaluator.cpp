// Judges live readings against the alert rules with constant work per reading; reports episodes.
#include "alertevaluator.h"

#include "chinatime.h"
#include "intmath.h"
#include "metriccatalogue.h"
#include "timeunits.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

constexpr quint32 kStateMagic = 0x44564145; // "DVAE"
constexpr quint32 kStateVersion = 1;
constexpr quint32 kMaxDirectStoreId = 1u << 20; // store numbers are dense rowids in practice

// For the handful of values in a baseline slot or a stale clock; std::sort on such small fixed
// arrays also trips GCC 12's -Warray-bounds.
template <typename T> void sortFew(T *v, int n)
{
    for (int i = 1; i < n; ++i) {
        const T x = v[i];
        int j = i;
        for (; j > 0 && x < v[j - 1]; --j)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

} // namespace

AlertEvaluator::Baseline::Baseline()
{
    for (int h = 0; h < 24; ++h) {
        for (int d = 0; d < kBaselineDays; ++d) {
            value[h][d] = 0;
            day[h][d] = kNoDay;
        }
        median[h] = 0;
        medianDay[h] = kNoDay;
        medianValid[h] = false;
    }
}

AlertEvaluator::RateWindow::RateWindow()
{
    for (int i = 0; i <= kRateBuckets; ++i) {
        bucket[i] = kNever;
        sum[i] = 0;
        count[i] = 0;
    }
}

AlertEvaluator::AlertEvaluator(RuleBook rules)
    : mBook(std::move(rules))
{
    for (const MetricInfo &m : MetricCatalogue::all())
        mMetricSlots = std::max(mMetricSlots, m.id + 1);
    for (const AlertRule &rule : mBook.rules()) {
        CompiledRule c;
        c.kind = rule.kind;
        c.above = rule.direction == AlertRule::Above;
        c.usable = rule.validate().isEmpty();
        c.hasHours = rule.hasActiveHours() || rule.hasActiveMonths();
        const MetricInfo *metric = MetricCatalogue::byName(rule.metric);
        c.metric = metric ? metric->id : 0;
        c.trigger = rule.trigger;
        c.recovery = rule.recovery;
        c.duration = rule.minimumDurationMs;
        c.bucketWidth = std::max<qint64>(1, rule.windowMs / kRateBuckets);
        c.staleFactor = rule.staleFactor;
        mCompiled.push_back(c);
    }
}

int AlertEvaluator::addDevice(const QString &deviceKey, const QString &siteType)
{
    const auto known = mDeviceByKey.constFind(deviceKey);
    if (known != mDeviceByKey.constEnd())
        return *known;
    Device d;
    d.key = deviceKey;
    for (int i = 0; i < mBook.size(); ++i) {
        if (mCompiled[i].usable && mBook.at(i).scope.matches(deviceKey, siteType))
            d.rules.push_back(i);
    }
    const int handle = static_cast<int>(mDevices.size());
    mDevices.push_back(std::move(d));
    mDeviceByKey.insert(deviceKey, handle);
    mSeriesOf.resize(mSeriesOf.size() + mMetricSlots, -1);
    return handle;
}

void AlertEvaluator::bindStoreDevice(quint32 storeDevice, int device)
{
    if (storeDevice >= kMaxDirectStoreId) {
        mDeviceByLargeStoreId.insert(storeDevice, device);
        return;
    }
    if (mDeviceByStoreId.size() <= storeDevice)
        mDeviceByStoreId.resize(storeDevice + 1, -1);
    mDeviceByStoreId[storeDevice] = device;
}

void AlertEvaluator::evaluate(const Reading &reading, std::vector<AlertTransition> &out)
{
    const int device = reading.device < mDeviceByStoreId.size()
        ? mDeviceByStoreId[reading.device]
        : mDeviceByLargeStoreId.value(reading.device, -1);
    evaluate(device, reading, out);
}

void AlertEvaluator::evaluate(int device, const Reading &r, std::vector<AlertTransition> &out)
{
    if (device < 0 || device >= deviceCount() || r.metric >= mMetricSlots) {
        ++mIgnored;
        return;
    }
    int seriesIndex = mSeriesOf[static_cast<std::size_t>(device) * mMetricSlots + r.metric];
    if (seriesIndex < 0) {
        seriesIndex = buildSeries(device, r.metric);
        mSeriesOf[static_cast<std::size_t>(device) * mMetricSlots + r.metric] = seriesIndex;
    }
    Series &series = mSeries[seriesIndex];
    const bool inOrder = r.timestamp > series.last;
    if (inOrder)
        series.last = r.timestamp;
    else
        ++mIgnored;

    const int end = series.firstSlot + series.slotCount;
    for (int i = series.firstSlot; i < end; ++i) {
        State &s = mStates[mSlots[i]];
        const CompiledRule &rule = mCompiled[s.rule];
        if (rule.kind == AlertRule::Stale) {
            touchStale(s, r, out);
            continue;
        }
        if (!inOrder)
            continue;
        switch (rule.kind) {
        case AlertRule::SensorFault:
            advance(s, r.sensorFault, !r.sensorFault, r.timestamp, r.value, out);
            break;
        case AlertRule::Threshold:
            if (!r.sensorFault) {
                const bool triggered
                    = rule.above ? r.value >= rule.trigger : r.value <= rule.trigger;
                const bool recovered
                    = rule.above ? r.value < rule.recovery : r.value > rule.recovery;
                advance(s, triggered, recovered, r.timestamp, r.value, out);
            }
            break;
        case AlertRule::RateOfChange:
            if (!r.sensorFault)
                judgeRate(s, r, out);
            break;
        case AlertRule::BaselineDeviation:
            if (!r.sensorFault)
                judgeBaseline(s, r, out);
            break;
        case AlertRule::Stale:
            break;
        }
    }
}

bool AlertEvaluator::activeAt(int rule, qint64 t) const
{
    return !mCompiled[rule].hasHours || mBook.at(rule).isActiveAt(t);
}

// The episode state machine shared by every kind. Between trigger and recovery nothing changes:
// that band is the hysteresis that keeps a wobbling reading from opening episode after episode.
void AlertEvaluator::advance(State &s, bool triggered, bool recovered, qint64 t, double value,
    std::vector<AlertTransition> &out)
{
    const CompiledRule &rule = mCompiled[s.rule];
    const bool hasPeak = rule.kind == AlertRule::Threshold
        || rule.kind == AlertRule::BaselineDeviation || rule.kind == AlertRule::RateOfChange;
    if (s.phase != Idle && hasPeak && (rule.above ? value > s.peak : value < s.peak))
        s.peak = value;
    switch (s.phase) {
    case Idle:
        if (!triggered || !activeAt(s.rule, t))
            return;
        s.phase = Pending;
        s.episode = ++mLastEpisode;
        s.start = t;
        s.value = value;
        s.trigger = s.peak = s.reportedPeak = value;
        emitTransition(AlertTransition::Raised, s, t, value, out);
        [[fallthrough]];
    case Pending:
        if (recovered) {
            s.phase = Idle;
            s.value = value;
            emitTransition(AlertTransition::Cancelled, s, t, value, out);
        } else if (t - s.start >= mCompiled[s.rule].duration && activeAt(s.rule, t)) {
            s.phase = Active;
            s.activated = t;
            s.value = value;
            s.reportedPeak = s.peak;
            emitTransition(AlertTransition::Activated, s, t, value, out);
        }
        return;
    case Active:
        if (recovered) {
            s.phase = Idle;
            s.value = value;
            emitTransition(AlertTransition::Resolved, s, t, value, out);
        } else if (hasPeak
            && std::abs(s.peak - s.reportedPeak)
                >= std::max(std::abs(rule.trigger - rule.recovery) / 4, 1e-6)) {
            // A fever still rising: the list shows how high it went, a few updates an episode.
            s.reportedPeak = s.peak;
            emitTransition(AlertTransition::PeakRose, s, t, value, out);
        }
        return;
    }
}

void AlertEvaluator::emitTransition(AlertTransition::Kind kind, const State &s, qint64 time,
    double value, std::vector<AlertTransition> &out) const
{
    AlertTransition t;
    t.kind = kind;
    t.device = s.device;
    t.deviceKey = mDevices[s.device].key;
    t.rule = s.rule;
    t.ruleId = mBook.at(s.rule).id;
    t.metric = s.metric;
    t.episode = s.episode;
    t.episodeStart = s.start;
    t.time = time;
    t.value = value;
    const AlertRule::Kind ruleKind = mCompiled[s.rule].kind;
    const bool hasPeak = ruleKind == AlertRule::Threshold
        || ruleKind == AlertRule::BaselineDeviation || ruleKind == AlertRule::RateOfChange;
    t.triggerValue = hasPeak ? s.trigger : value;
    t.peak = hasPeak ? s.peak : value;
    out.push_back(std::move(t));
}

void AlertEvaluator::judgeBaseline(State &s, const Reading &r, std::vector<AlertTransition> &out)
{
    Baseline &b = mBaselines[s.aux];
    const qint32 day = static_cast<qint32>(ChinaTime::dayNumber(r.timestamp));
    const int hour = ChinaTime::minuteOfDay(r.timestamp) / 60;

    // A new hour: the finished hour's mean joins that hour's ring. Readings are in order, so the
    // accumulator never goes back.
    if (b.accDay != day || b.accHour != hour) {
        if (b.accCount > 0) {
            const int slot = static_cast<int>(floorMod(b.accDay, kBaselineDays));
            b.value[b.accHour][slot] = static_cast<float>(b.accSum / b.accCount);
            b.day[b.accHour][slot] = b.accDay;
            b.medianDay[b.accHour] = kNoDay;
        }
        b.accDay = day;
        b.accHour = hour;
        b.accSum = 0;
        b.accCount = 0;
    }

    // The median of the previous 7 days at this hour, computed once per hour and day. A fever
    // lasting two or three days moves the median little: that is why median and not mean.
    if (b.medianDay[hour] != day) {
        float v[kBaselineDays];
        int n = 0;
        for (int k = 0; k < kBaselineDays; ++k) {
            if (b.day[hour][k] >= day - kBaselineDays && b.day[hour][k] < day)
                v[n++] = b.value[hour][k];
        }
        sortFew(v, n);
        b.medianValid[hour] = n >= kBaselineMinDays;
        b.median[hour] = n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
        b.medianDay[hour] = day;
    }

    if (b.medianValid[hour]) {
        const CompiledRule &rule = mCompiled[s.rule];
        const double deviation = r.value - double(b.median[hour]);
        const bool triggered = rule.above ? deviation >= rule.trigger : deviation <= rule.trigger;
        const bool recovered = rule.above ? deviation < rule.recovery : deviation > rule.recovery;
        advance(s, triggered, recovered, r.timestamp, r.value, out);
    }
    b.accSum += r.value;
    ++b.accCount;
}

void AlertEvaluator::judgeRate(State &s, const Reading &r, std::vector<AlertTransition> &out)
{
    const CompiledRule &rule = mCompiled[s.rule];
    RateWindow &w = mRates[s.aux];
    const qint64 b = floorDiv(r.timestamp, rule.bucketWidth);
    constexpr int kSlots = kRateBuckets + 1;

    // The reference is the lowest (for a rise) or highest (for a fall) bucket mean among the
    // finished buckets of the window; bucket means rather than single readings, so one noisy
    // reading does not look like a rise.
    if (w.refBucket != b) {
        w.hasRef = false;
        for (qint64 j = b - kRateBuckets; j < b; ++j) {
            const int slot = static_cast<int>(floorMod(j, kSlots));
            if (w.bucket[slot] != j || w.count[slot] == 0)
                continue;
            const double mean = w.sum[slot] / w.count[slot];
            if (!w.hasRef || (rule.above ? mean < w.ref : mean > w.ref))
                w.ref = mean;
            w.hasRef = true;
        }
        w.refBucket = b;
    }
    if (w.hasRef) {
        const double change = r.value - w.ref;
        const bool triggered = rule.above ? change >= rule.trigger : change <= rule.trigger;
        const bool recovered = rule.above ? change < rule.recovery : change > rule.recovery;
        advance(s, triggered, recovered, r.timestamp, r.value, out);
    }
    const int slot = static_cast<int>(floorMod(b, kSlots));
    if (w.bucket[slot] != b) {
        w.bucket[slot] = b;
        w.sum[slot] = 0;
        w.count[slot] = 0;
    }
    w.sum[slot] += r.value;
    ++w.count[slot];
}

void AlertEvaluator::touchStale(State &s, const Reading &r, std::vector<AlertTransition> &out)
{
    StaleClock &c = mClocks[s.aux];
    const qint64 seen = r.arrival > 0 ? r.arrival : r.timestamp;
    if (r.timestamp > c.lastTs) {
        if (c.lastTs != kNever) {
            c.gaps[c.nextGap] = r.timestamp - c.lastTs;
            c.nextGap = static_cast<quint8>((c.nextGap + 1) % kStaleGaps);
            c.gapCount = static_cast<quint8>(std::min(c.gapCount + 1, kStaleGaps));
        }
        c.lastTs = r.timestamp;
    }
    c.lastSeen = std::max(c.lastSeen, seen);
    if (s.phase == Idle)
        return;
    const auto kind = s.phase == Pending ? AlertTransition::Cancelled : AlertTransition::Resolved;
    s.phase = Idle;
    s.value = 0;
    emitTransition(kind, s, seen, 0, out);
}

qint64 AlertEvaluator::usualInterval(const StaleClock &c)
{
    if (c.gapCount < 3)
        return 0;
    qint64 g[kStaleGaps];
    std::copy(c.gaps, c.gaps + c.gapCount, g);
    sortFew(g, c.gapCount);
    return g[c.gapCount / 2];
}

void AlertEvaluator::checkStale(qint64 now, std::vector<AlertTransition> &out)
{
    for (int index : mStaleStates) {
        State &s = mStates[index];
        if (s.phase == Active)
            continue;
        const StaleClock &c = mClocks[s.aux];
        const qint64 usual = usualInterval(c);
        if (usual <= 0)
            continue;
        const CompiledRule &rule = mCompiled[s.rule];
        const qint64 since = std::max(c.lastSeen, mFeedStart);
        const qint64 start = since + static_cast<qint64>(std::ceil(rule.staleFactor * usual));
        if (now < start)
            continue;
        const double silentMinutes = double(now - c.lastSeen) / kMinuteMs;
        if (s.phase == Idle) {
            if (!activeAt(s.rule, now))
                continue;
            s.phase = Pending;
            s.episode = ++mLastEpisode;
            s.start = start;
            s.value = silentMinutes;
            emitTransition(AlertTransition::Raised, s, now, silentMinutes, out);
        }
        if (now - s.start >= rule.duration && activeAt(s.rule, now)) {
            s.phase = Active;
            s.activated = now;
            s.value = silentMinutes;
            emitTransition(AlertTransition::Activated, s, now, silentMinutes, out);
        }
    }
}

int AlertEvaluator::buildSeries(int device, int metric)
{
    Series series;
    series.firstSlot = static_cast<int>(mSlots.size());
    for (int ruleIndex : mDevices[device].rules) {
        const CompiledRule &rule = mCompiled[ruleIndex];
        const bool anyMetric = rule.metric == 0
            && (rule.kind == AlertRule::Stale || rule.kind == AlertRule::SensorFault);
        if (rule.metric != metric && !anyMetric)
            continue;
        int state = -1;
        if (rule.kind == AlertRule::Stale && rule.metric == 0) {
            // One clock per device for "any metric": every metric's readings wind it.
            for (const auto &[r, st] : mDevices[device].shared) {
                if (r == ruleIndex)
                    state = st;
            }
            if (state < 0) {
                state = createState(device, ruleIndex, 0, nullptr);
                mDevices[device].shared.emplace_back(ruleIndex, state);
            }
        } else {
            state = createState(device, ruleIndex, metric, &series.last);
        }
        mSlots.push_back(state);
    }
    series.slotCount = static_cast<int>(mSlots.size()) - series.firstSlot;
    mSeries.push_back(series);
    return static_cast<int>(mSeries.size()) - 1;
}

int AlertEvaluator::createState(int device, int rule, int metric, qint64 *seriesLast)
{
    State s;
    s.rule = rule;
    s.device = device;
    s.metric = metric;
    switch (mCompiled[rule].kind) {
    case AlertRule::BaselineDeviation:
        s.aux = static_cast<int>(mBaselines.size());
        mBaselines.emplace_back();
        break;
    case AlertRule::RateOfChange:
        s.aux = static_cast<int>(mRates.size());
        mRates.emplace_back();
        break;
    case AlertRule::Stale:
        s.aux = static_cast<int>(mClocks.size());
        mClocks.emplace_back();
        break;
    case AlertRule::Threshold:
    case AlertRule::SensorFault:
        break;
    }
    const int index = static_cast<int>(mStates.size());
    mStates.push_back(s);
    if (s.aux >= 0 && mCompiled[rule].kind == AlertRule::Stale)
        mStaleStates.push_back(index);
    if (!mRestored.isEmpty()) {
        const auto it = mRestored.find(stateKey(mStates[index]));
        if (it != mRestored.end()) {
            if (applySaved(mStates[index], *it) && seriesLast)
                *seriesLast = std::max(*seriesLast, it->seriesLast);
            mRestored.erase(it);
        }
    }
    return index;
}

QString AlertEvaluator::stateKey(const State &s) const
{
    return mDevices[s.device].key + QChar(0x1f) + mBook.at(s.rule).id + QChar(0x1f)
        + QString::number(s.metric);
}

bool AlertEvaluator::applySaved(State &s, const Saved &saved)
{
    const CompiledRule &rule = mCompiled[s.rule];
    if (saved.kind != rule.kind)
        return false; // the rule was redefined: its old state means nothing now
    s.phase = saved.phase;
    s.episode = saved.episode;
    s.start = saved.start;
    s.activated = saved.activated;
    s.value = saved.value;
    // The saved state predates trigger and peak: the store keeps the episode's own.
    s.trigger = s.peak = s.reportedPeak = saved.value;
    if (saved.hasAux) {
        switch (rule.kind) {
        case AlertRule::BaselineDeviation:
            mBaselines[s.aux] = saved.baseline;
            break;
        case AlertRule::RateOfChange:
            if (saved.bucketWidth == rule.bucketWidth)
                mRates[s.aux] = saved.rate;
            break;
        case AlertRule::Stale:
            mClocks[s.aux] = saved.clock;
            break;
        case AlertRule::Threshold:
        case AlertRule::SensorFault:
            break;
        }
    }
    return true;
}

std::vector<AlertTransition> AlertEvaluator::openEpisodes() const
{
    std::vector<AlertTransition> out;
    for (const State &s : mStates) {
        if (s.phase == Pending)
            emitTransition(AlertTransition::Raised, s, s.start, s.value, out);
        else if (s.phase == Active)
            emitTransition(AlertTransition::Activated, s, s.activated, s.value, out);
    }
    // Restored episodes whose device has not reported since the restart are still open.
    for (auto it = mRestored.cbegin(); it != mRestored.cend(); ++it) {
        const Saved &v = it.value();
        if (v.phase == Idle)
            continue;
        AlertTransition t;
        t.kind = v.phase == Pending ? AlertTransition::Raised : AlertTransition::Activated;
        t.deviceKey = it.key().section(QChar(0x1f), 0, 0);
        t.device = mDeviceByKey.value(t.deviceKey, -1);
        t.ruleId = it.key().section(QChar(0x1f), 1, 1);
        t.rule = mBook.indexOf(t.ruleId);
        t.metric = it.key().section(QChar(0x1f), 2, 2).toInt();
        t.episode = v.episode;
        t.episodeStart = v.start;
        t.time = v.phase == Pending ? v.start : v.activated;
        t.value = t.triggerValue = t.peak = v.value;
        out.push_back(std::move(t));
    }
    return out;
}

QByteArray AlertEvaluator::saveState() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << kStateMagic << kStateVersion << mLastEpisode;

    std::vector<const State *> states;
    for (const State &s : mStates) {
        if (s.phase != Idle || s.aux >= 0)
            states.push_back(&s);
    }
    // States restored but not yet claimed (their device has not reported since) are kept too,
    // so a restart with a quiet device does not forget its open episode.
    out << quint32(states.size()) << quint32(mRestored.size());
    auto writeAux = [&out](AlertRule::Kind kind, const Baseline &b, qint64 bucketWidth,
                        const RateWindow &w, const StaleClock &c) {
        switch (kind) {
        case AlertRule::BaselineDeviation:
            for (int h = 0; h < 24; ++h) {
                for (int d = 0; d < kBaselineDays; ++d)
                    out << b.value[h][d] << b.day[h][d];
            }
            out << b.accDay << b.accHour << b.accSum << b.accCount;
            break;
        case AlertRule::RateOfChange:
            out << bucketWidth;
            for (int i = 0; i <= kRateBuckets; ++i)
                out << w.bucket[i] << w.sum[i] << w.count[i];
            break;
        case AlertRule::Stale:
            out << c.lastTs << c.lastSeen;
            for (qint64 g : c.gaps)
                out << g;
            out << c.gapCount << c.nextGap;
            break;
        case AlertRule::Threshold:
        case AlertRule::SensorFault:
            break;
        }
    };
    auto writeHead
        = [&out](const QString &key, AlertRule::Kind kind, Phase phase, quint64 episode,
              qint64 start, qint64 activated, double value, qint64 seriesLast, bool hasAux) {
              out << key << qint32(kind) << quint8(phase) << episode << start << activated << value
                  << seriesLast << hasAux;
          };
    for (const State *s : states) {
        const CompiledRule &rule = mCompiled[s->rule];
        const int series = s->metric > 0
            ? mSeriesOf[static_cast<std::size_t>(s->device) * mMetricSlots + s->metric]
            : -1;
        writeHead(stateKey(*s), rule.kind, s->phase, s->episode, s->start, s->activated, s->value,
            series >= 0 ? mSeries[series].last : kNever, s->aux >= 0);
        if (s->aux >= 0) {
            static const Baseline noBaseline;
            static const RateWindow noRate;
            static const StaleClock noClock;
            writeAux(rule.kind,
                rule.kind == AlertRule::BaselineDeviation ? mBaselines[s->aux] : noBaseline,
                rule.bucketWidth, rule.kind == AlertRule::RateOfChange ? mRates[s->aux] : noRate,
                rule.kind == AlertRule::Stale ? mClocks[s->aux] : noClock);
        }
    }
    for (auto it = mRestored.begin(); it != mRestored.end(); ++it) {
        const Saved &v = it.value();
        writeHead(it.key(), v.kind, v.phase, v.episode, v.start, v.activated, v.value, v.seriesLast,
            v.hasAux);
        if (v.hasAux)
            writeAux(v.kind, v.baseline, v.bucketWidth, v.rate, v.clock);
    }
    return bytes;
}

bool AlertEvaluator::restoreState(const QByteArray &bytes, QString *error)
{
    auto fail = [error]() {
        if (error)
            *error = tr("The saved alert state is damaged or was written by a newer dvdash.");
        return false;
    };
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0, version = 0, states = 0, unclaimed = 0;
    quint64 lastEpisode = 0;
    in >> magic >> version >> lastEpisode >> states >> unclaimed;
    if (in.status() != QDataStream::Ok || magic != kStateMagic || version != kStateVersion)
        return fail();
    // Each record is at least a few dozen bytes: a larger count is damage, not a big herd.
    if (qint64(states) + unclaimed > bytes.size() / 16)
        return fail();

    QHash<QString, Saved> saved;
    for (quint64 i = 0; i < quint64(states) + unclaimed; ++i) {
        QString key;
        qint32 kind = 0;
        quint8 phase = 0;
        Saved v;
        in >> key >> kind >> phase >> v.episode >> v.start >> v.activated >> v.value >> v.seriesLast
            >> v.hasAux;
        if (in.status() != QDataStream::Ok || kind < AlertRule::Threshold
            || kind > AlertRule::SensorFault || phase > Active || v.episode > lastEpisode)
            return fail();
        v.kind = static_cast<AlertRule::Kind>(kind);
        v.phase = static_cast<Phase>(phase);
        if (v.hasAux) {
            switch (v.kind) {
            case AlertRule::BaselineDeviation:
                for (int h = 0; h < 24; ++h) {
                    for (int d = 0; d < kBaselineDays; ++d)
                        in >> v.baseline.value[h][d] >> v.baseline.day[h][d];
                }
                in >> v.baseline.accDay >> v.baseline.accHour >> v.baseline.accSum
                    >> v.baseline.accCount;
                if (v.baseline.accHour < 0 || v.baseline.accHour >= 24 || v.baseline.accCount < 0)
                    return fail();
                break;
            case AlertRule::RateOfChange:
                in >> v.bucketWidth;
                for (int k = 0; k <= kRateBuckets; ++k)
                    in >> v.rate.bucket[k] >> v.rate.sum[k] >> v.rate.count[k];
                break;
            case AlertRule::Stale:
                in >> v.clock.lastTs >> v.clock.lastSeen;
                for (qint64 &g : v.clock.gaps)
                    in >> g;
                in >> v.clock.gapCount >> v.clock.nextGap;
                if (v.clock.gapCount > kStaleGaps || v.clock.nextGap >= kStaleGaps)
                    return fail();
                break;
            case AlertRule::Threshold:
            case AlertRule::SensorFault:
                break;
            }
        }
        if (in.status() != QDataStream::Ok)
            return fail();
        // A rule since removed from the book would keep its state forever; let it go.
        if (mBook.indexOf(key.section(QChar(0x1f), 1, 1)) >= 0)
            saved.insert(key, v);
    }
    if (!in.atEnd())
        return fail();

    mLastEpisode = std::max(mLastEpisode, lastEpisode);
    for (State &s : mStates) {
        const auto it = saved.find(stateKey(s));
        if (it == saved.end())
            continue;
        if (applySaved(s, *it) && s.metric > 0) {
            const int series
                = mSeriesOf[static_cast<std::size_t>(s.device) * mMetricSlots + s.metric];
            if (series >= 0)
                mSeries[series].last = std::max(mSeries[series].last, it->seriesLast);
        }
        saved.erase(it);
    }
    mRestored = std::move(saved);
    return true;
}

} // namespace dv
