// The bundled sample: plausible 2019–2025 indicator values for the 88 counties (示例数据).
#pragma once

#include "countydirectory.h"
#include "indicatorstore.h"

#include <QCoreApplication>

#include <optional>
#include <vector>

namespace dv {

// Deterministic: a fixed seed and our own transforms of std::mt19937's raw output (the
// standard library's distributions differ between compilers), so every build and platform
// shows the same sample. The model is described in sampleindicators.cpp.
class SampleIndicators {
    Q_DECLARE_TR_FUNCTIONS(dv::SampleIndicators)
public:
    static constexpr int kFirstYear = 2019;
    static constexpr int kLastYear = 2025;
    static constexpr unsigned kSeed = 20210206u;

    static std::vector<IndicatorValue> generate(const CountyDirectory &counties);
    // For the bundled counties and sites.
    static std::optional<std::vector<IndicatorValue>> generateBundled(QString *error);
};

} // namespace dv
