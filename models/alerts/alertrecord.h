// One alert as officials see it: an episode of a rule on a device, from raised to resolved.
#pragma once

#include "devicekey.h"

#include <QString>
#include <QtGlobal>

namespace dv {

struct AlertRecord {
    enum State { Pending, Active, Acknowledged, Resolved, Cancelled };

    quint64 episode = 0; // the evaluator's episode id: one alert per episode
    QString ruleId;
    QString ruleName;
    bool critical = false;
    QString deviceKey; // county/site/device
    int metric = 0; // MetricInfo::id; 0 for a stale alert
    State state = Pending;
    qint64 raisedAt = 0; // ms UTC, when the condition began
    qint64 activatedAt = 0; // when it lasted the rule's minimum duration; 0 while pending
    qint64 resolvedAt = 0; // 0 while open
    double value = 0; // the value that raised it, then the one that made it an alert
    double triggerValue = 0; // the reading that raised it
    double peak = 0; // the furthest reading beyond the trigger in the episode so far
    QString acknowledgedBy;
    qint64 acknowledgedAt = 0;
    QString note;
    // Why it was closed while its condition may still hold ("site retired"); empty when the
    // readings resolved it.
    QString resolvedReason;

    QString countyCode() const { return DeviceKey::county(deviceKey); }
    QString siteId() const { return DeviceKey::site(deviceKey); }
    QString deviceId() const { return DeviceKey::device(deviceKey); }
    bool isOpen() const { return state == Active || state == Acknowledged; }
    static QString stateName(State state); // "pending", "active", ... as in CSV and the store
};

} // namespace dv
