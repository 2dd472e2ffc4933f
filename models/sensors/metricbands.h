// The value ranges a chart shades for a metric: frost, drought, fever, low battery.
#pragma once

#include "thresholdband.h"

#include <QCoreApplication>
#include <QVector>

namespace dv {

// Fixed guide bands so an official sees at a glance where a value turns worrying. The alert
// rules (their own thresholds, per county or site) decide what raises a warning.
class MetricBands {
    Q_DECLARE_TR_FUNCTIONS(dv::MetricBands)
public:
    static QVector<ThresholdBand> forMetric(int metricId);
};

} // namespace dv
