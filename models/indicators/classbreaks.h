// Splits indicator values into 3–9 classes for a choropleth: quantile, equal interval, Jenks.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace dv {

// The result of classifying one set of values: ascending class bounds and how many values fall
// in each class. A value class: compute once when the indicator or the method changes, then
// ask classOf() for every county while painting.
//
// Classes are closed above: class i holds the values v with bounds[i] < v <= bounds[i + 1],
// and the first class also holds bounds[0] itself. So an upper bound of natural breaks is the
// largest value in its class (as in Jenks' paper, jenkspy and mapclassify), and a legend can
// print "lower – upper" for every class. bounds[0] may equal bounds[1]: the first class then
// holds exactly that one value.
class ClassBreaks {
    Q_DECLARE_TR_FUNCTIONS(dv::ClassBreaks)
public:
    enum class Method {
        // Equal counts per class. Boundaries are the quantiles i/k of the values, interpolated
        // linearly between neighbouring sorted values (Hyndman & Fan definition 7, the default
        // of R, NumPy, mapclassify and Excel's PERCENTILE.INC). Classes that many equal values
        // would leave empty are merged, so the count can fall below what was asked for.
        Quantile,
        // Equal widths from the smallest to the largest value. A class may be empty: that is
        // the method's honest answer for skewed data, and the legend shows it with count 0.
        EqualInterval,
        // Fisher–Jenks: the exact partition of the sorted values that minimises the summed
        // squared deviations from the class means.
        NaturalBreaks,
    };

    static constexpr int kMinClasses = 3;
    static constexpr int kMaxClasses = 9;

    // NaN and infinite values are "no data": not classified, counted by noDataCount(). With
    // fewer distinct values than classes every distinct value gets a class of its own (and all
    // equal values give one class); isReduced() and reducedReason() then say so. No value at
    // all, or classes outside kMinClasses..kMaxClasses, give std::nullopt and *error.
    static std::optional<ClassBreaks> compute(
        const std::vector<double> &values, Method method, int classes, QString *error = nullptr);

    // "Quantile", "Equal interval", "Natural breaks (Jenks)" in the user's language.
    static QString methodName(Method method);

    Method method() const { return mMethod; }
    int requestedClasses() const { return mRequestedClasses; }
    int classCount() const { return int(mCounts.size()); }
    // classCount() + 1 ascending values; the first is the smallest value, the last the largest.
    const std::vector<double> &bounds() const { return mBounds; }
    // Values in each class, classCount() entries.
    const std::vector<int> &counts() const { return mCounts; }
    int count(int cls) const;
    // Values that were classified / that were NaN or infinite.
    int valueCount() const { return mValueCount; }
    int noDataCount() const { return mNoDataCount; }

    // True when classCount() < requestedClasses(); reducedReason() is then one translated
    // sentence for the legend, else empty.
    bool isReduced() const { return classCount() < mRequestedClasses; }
    QString reducedReason() const { return mReducedReason; }

    // The class of a value, or -1 for NaN / infinite (no data: drawn hatched). A value outside
    // the bounds, e.g. a reading that arrived after the classification, goes to the nearest end
    // class rather than looking like missing data.
    int classOf(double value) const;

private:
    ClassBreaks() = default;

    Method mMethod = Method::Quantile;
    int mRequestedClasses = 0;
    int mValueCount = 0;
    int mNoDataCount = 0;
    std::vector<double> mBounds;
    std::vector<int> mCounts;
    QString mReducedReason;
};

} // namespace dv
