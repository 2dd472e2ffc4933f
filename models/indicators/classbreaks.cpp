// Splits indicator values into 3–9 classes for a choropleth: quantile, equal interval, Jenks.
#include "classbreaks.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

namespace {

// How many sorted values lie in (lower, upper], or in [lower, upper] for the first class.
int countBetween(const std::vector<double> &sorted, double lower, double upper, bool firstClass)
{
    const auto end = std::upper_bound(sorted.begin(), sorted.end(), upper);
    const auto begin = firstClass ? std::lower_bound(sorted.begin(), sorted.end(), lower)
                                  : std::upper_bound(sorted.begin(), sorted.end(), lower);
    return end > begin ? int(end - begin) : 0;
}

std::vector<double> quantileBounds(const std::vector<double> &sorted, int classes)
{
    const int n = int(sorted.size());
    std::vector<double> bounds { sorted.front() };
    for (int i = 1; i < classes; ++i) {
        // Hyndman & Fan 7: position (n - 1) p, linear between the two sorted values around it.
        // p < 1, so below is at most n - 2 and below + 1 always exists.
        const double position = (n - 1) * double(i) / classes;
        const int below = int(std::floor(position));
        const double fraction = position - below;
        bounds.push_back(sorted[below] + fraction * (sorted[below + 1] - sorted[below]));
    }
    bounds.push_back(sorted.back());
    return bounds;
}

std::vector<double> equalIntervalBounds(double min, double max, int classes)
{
    std::vector<double> bounds { min };
    for (int i = 1; i < classes; ++i)
        bounds.push_back(min + (max - min) * i / classes);
    bounds.push_back(max); // exactly, not min + (max - min): rounding must not drop the maximum
    return bounds;
}

// Fisher's exact optimisation (Fisher 1958, popularised for maps by Jenks 1977) over sorted
// distinct values with their multiplicities. Working on distinct values means equal values can
// never be split between two classes, and makes the quadratic part smaller.
std::vector<double> naturalBreaksBounds(
    const std::vector<double> &values, const std::vector<double> &weights, int classes)
{
    const int n = int(values.size());
    const std::size_t cells = std::size_t(classes) * std::size_t(n);
    // best[c * n + e]: least summed squared deviation of values[0..e] split into c + 1 classes;
    // start[c * n + e]: where the last of those classes begins.
    std::vector<double> best(cells, std::numeric_limits<double>::infinity());
    std::vector<int> start(cells, 0);
    for (int e = 0; e < n; ++e) {
        // Grow the last class leftwards from values[e]. Welford's update keeps its squared
        // deviations exact enough; "sum of squares minus squared sum" cancels badly for large
        // values with a small spread, such as populations, and would move breaks.
        double weight = 0;
        double mean = 0;
        double deviations = 0;
        for (int s = e; s >= 0; --s) {
            const double delta = values[s] - mean;
            weight += weights[s];
            mean += delta * weights[s] / weight;
            deviations += weights[s] * delta * (values[s] - mean);
            if (s == 0) {
                best[e] = deviations; // one class holding values[0..e]
                continue;
            }
            // c earlier classes need at least c distinct values in values[0..s - 1].
            const int most = std::min(classes - 1, s);
            for (int c = 1; c <= most; ++c) {
                const double candidate = best[std::size_t(c - 1) * n + (s - 1)] + deviations;
                double &current = best[std::size_t(c) * n + e];
                if (candidate < current) {
                    current = candidate;
                    start[std::size_t(c) * n + e] = s;
                }
            }
        }
    }

    std::vector<double> bounds(std::size_t(classes) + 1);
    bounds[0] = values.front();
    int end = n - 1;
    for (int c = classes - 1; c >= 0; --c) {
        bounds[std::size_t(c) + 1] = values[end];
        if (c > 0)
            end = start[std::size_t(c) * n + end] - 1;
    }
    return bounds;
}

// Merges classes that hold no value into their neighbour. Quantile bounds fall on top of each
// other when many values are equal (several counties at exactly 0), and an empty class would
// put a colour in the legend that no county has.
std::vector<double> withoutEmptyClasses(
    const std::vector<double> &sorted, const std::vector<double> &bounds)
{
    const std::size_t last = bounds.size() - 1;
    std::vector<double> kept { bounds.front() };
    for (std::size_t i = 1; i <= last; ++i) {
        if (countBetween(sorted, kept.back(), bounds[i], kept.size() == 1) > 0)
            kept.push_back(bounds[i]);
        else if (i == last)
            kept.back() = bounds[i]; // the class before an empty last one reaches the maximum
    }
    return kept;
}

} // namespace

std::optional<ClassBreaks> ClassBreaks::compute(
    const std::vector<double> &values, Method method, int classes, QString *error)
{
    if (classes < kMinClasses || classes > kMaxClasses) {
        if (error) {
            *error = tr("The number of classes must be between %1 and %2, not %3.")
                         .arg(kMinClasses)
                         .arg(kMaxClasses)
                         .arg(classes);
        }
        return std::nullopt;
    }

    ClassBreaks result;
    result.mMethod = method;
    result.mRequestedClasses = classes;

    std::vector<double> sorted;
    sorted.reserve(values.size());
    for (double v : values) {
        if (std::isfinite(v))
            sorted.push_back(v);
        else
            ++result.mNoDataCount;
    }
    if (sorted.empty()) {
        if (error)
            *error = tr("There are no values to classify: every value is missing.");
        return std::nullopt;
    }
    std::sort(sorted.begin(), sorted.end());
    result.mValueCount = int(sorted.size());

    std::vector<double> distinct;
    std::vector<double> multiplicity;
    for (double v : sorted) {
        if (distinct.empty() || v != distinct.back()) {
            distinct.push_back(v);
            multiplicity.push_back(1);
        } else {
            ++multiplicity.back();
        }
    }

    if (int(distinct.size()) < classes) {
        // Every method agrees here: one class per distinct value is the only split without
        // empty classes, and the zero-deviation optimum for natural breaks.
        result.mBounds.push_back(distinct.front());
        result.mBounds.insert(result.mBounds.end(), distinct.begin(), distinct.end());
        if (distinct.size() == 1) {
            result.mReducedReason = tr("All values are equal, so there is only one class.");
        } else {
            result.mReducedReason
                = tr("There are only %n different values, so there are %n classes instead of %1.",
                    nullptr, int(distinct.size()))
                      .arg(classes);
        }
    } else {
        switch (method) {
        case Method::Quantile:
            result.mBounds = withoutEmptyClasses(sorted, quantileBounds(sorted, classes));
            if (int(result.mBounds.size()) - 1 < classes) {
                result.mReducedReason
                    = tr("Many values are equal, so quantiles give %n classes instead of %1.",
                        nullptr, int(result.mBounds.size()) - 1)
                          .arg(classes);
            }
            break;
        case Method::EqualInterval:
            result.mBounds = equalIntervalBounds(sorted.front(), sorted.back(), classes);
            break;
        case Method::NaturalBreaks:
            result.mBounds = naturalBreaksBounds(distinct, multiplicity, classes);
            break;
        }
    }

    result.mCounts.assign(result.mBounds.size() - 1, 0);
    for (double v : sorted)
        ++result.mCounts[std::size_t(result.classOf(v))];
    return result;
}

QString ClassBreaks::methodName(Method method)
{
    switch (method) {
    case Method::Quantile:
        return tr("Quantile");
    case Method::EqualInterval:
        return tr("Equal interval");
    case Method::NaturalBreaks:
        return tr("Natural breaks (Jenks)");
    }
    return QString();
}

int ClassBreaks::count(int cls) const
{
    return cls >= 0 && cls < classCount() ? mCounts[std::size_t(cls)] : 0;
}

int ClassBreaks::classOf(double value) const
{
    if (!std::isfinite(value) || mBounds.size() < 2)
        return -1;
    // The first upper bound >= value names the class, since classes are closed above.
    const auto upper = std::lower_bound(mBounds.begin() + 1, mBounds.end(), value);
    const int cls = int(upper - (mBounds.begin() + 1));
    return std::min(cls, int(mBounds.size()) - 2);
}

} // namespace dv
