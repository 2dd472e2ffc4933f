// One indicator for one year as a choropleth: classes, their colours, and the legend's rows.
#include "choroplethstyle.h"

#include "vectorlayer.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

ChoroplethStyle::ChoroplethStyle()
    : mPaletteId(ColorRamp::ofKind(ColorRamp::Kind::Sequential).constFirst().id())
{
    classify();
}

void ChoroplethStyle::setUnit(const QString &unit)
{
    mUnit = unit.trimmed();
}

void ChoroplethStyle::setDecimals(int decimals)
{
    mDecimals = std::clamp(decimals, 0, 6);
}

void ChoroplethStyle::setValues(const QHash<QString, double> &values)
{
    mValues = values;
    classify();
}

void ChoroplethStyle::setCountyCodes(const QStringList &codes)
{
    mCountyCodes = codes;
    classify();
}

void ChoroplethStyle::setBreakValues(const std::vector<double> &values, const QString &span)
{
    mBreakValues.clear();
    for (double v : values) {
        if (std::isfinite(v))
            mBreakValues.push_back(v);
    }
    mBreakSpan = mBreakValues.empty() ? QString() : span;
    classify();
}

void ChoroplethStyle::setMethod(ClassBreaks::Method method)
{
    mMethod = method;
    classify();
}

void ChoroplethStyle::setClassCount(int classes)
{
    mRequestedClasses = std::clamp(classes, ClassBreaks::kMinClasses, ClassBreaks::kMaxClasses);
    classify();
}

void ChoroplethStyle::setPaletteId(const QString &id)
{
    // An unknown id (an old setting, a typo on the command line) keeps the default palette.
    if (ColorRamp::byId(id))
        mPaletteId = id;
    colourClasses();
}

void ChoroplethStyle::setReversed(bool reversed)
{
    mReversed = reversed;
    colourClasses();
}

void ChoroplethStyle::classify()
{
    mBreaks.reset();
    mError.clear();
    mClassByCode.clear();
    mClassMin.clear();
    mClassMax.clear();
    mClassCounts.clear();
    mNoDataCount = 0;

    std::vector<std::pair<QString, double>> known;
    if (mCountyCodes.isEmpty()) {
        for (auto it = mValues.cbegin(); it != mValues.cend(); ++it) {
            if (std::isfinite(it.value()))
                known.emplace_back(it.key(), it.value());
            else
                ++mNoDataCount;
        }
    } else {
        for (const QString &code : mCountyCodes) {
            const double v = mValues.value(code, std::numeric_limits<double>::quiet_NaN());
            if (std::isfinite(v))
                known.emplace_back(code, v);
            else
                ++mNoDataCount;
        }
    }

    std::vector<double> values;
    values.reserve(known.size());
    for (const auto &k : known)
        values.push_back(k.second);
    if (values.empty()) {
        mError = tr("No county has data for this year.");
    } else {
        // Classes over every year's values put this year's counties in the classes they
        // reach, so early years fill the light classes and later ones the dark.
        mBreaks = ClassBreaks::compute(
            mBreakValues.empty() ? values : mBreakValues, mMethod, mRequestedClasses, &mError);
    }
    if (mBreaks) {
        const std::size_t classes = std::size_t(mBreaks->classCount());
        mClassMin.assign(classes, std::numeric_limits<double>::infinity());
        mClassMax.assign(classes, -std::numeric_limits<double>::infinity());
        mClassCounts.assign(classes, 0);
        for (const auto &[code, v] : known) {
            const int cls = mBreaks->classOf(v);
            mClassByCode.insert(code, cls);
            ++mClassCounts[std::size_t(cls)];
            mClassMin[std::size_t(cls)] = std::min(mClassMin[std::size_t(cls)], v);
            mClassMax[std::size_t(cls)] = std::max(mClassMax[std::size_t(cls)], v);
        }
    }
    colourClasses();
}

void ChoroplethStyle::colourClasses()
{
    mColours.clear();
    if (!mBreaks)
        return;
    const auto ramp = ColorRamp::byId(mPaletteId);
    mColours = ramp ? ramp->colours(mBreaks->classCount(), mReversed) : QVector<QColor>();
    // A ramp always has 1..9 colours; keep colourFor() safe should that ever change.
    while (mColours.size() < mBreaks->classCount())
        mColours.append(QColor(0x80, 0x80, 0x80));
}

int ChoroplethStyle::classOf(const QString &countyCode) const
{
    return mClassByCode.value(countyCode, -1);
}

QColor ChoroplethStyle::colourFor(const QString &countyCode) const
{
    const int cls = classOf(countyCode);
    return cls >= 0 && cls < mColours.size() ? mColours[cls] : QColor();
}

QString ChoroplethStyle::formatValue(double value) const
{
    // Rounding can leave "-0.0" for tiny negative numbers; a legend must not show it.
    const double rounded
        = std::round(value * std::pow(10.0, mDecimals)) / std::pow(10.0, mDecimals);
    return QLocale().toString(rounded == 0 ? 0.0 : value, 'f', mDecimals);
}

QVector<ChoroplethStyle::LegendRow> ChoroplethStyle::legendRows() const
{
    QVector<LegendRow> rows;
    const auto withUnit = [this](const QString &text) {
        return mUnit.isEmpty() ? text : tr("%1 %2", "value and unit").arg(text, mUnit);
    };
    if (mBreaks) {
        const std::vector<double> &bounds = mBreaks->bounds();
        for (int i = 0; i < mBreaks->classCount(); ++i) {
            LegendRow row;
            row.colour = mColours.value(i);
            const std::size_t c = std::size_t(i);
            row.count = mClassCounts[c];
            // A class of one value says that value; equal intervals keep their ranges, which
            // are the point of the method, and so do classes over several years, whose bounds
            // are what stays the same from year to year.
            if (row.count > 0 && mClassMin[c] == mClassMax[c]
                && mMethod != ClassBreaks::Method::EqualInterval && mBreakValues.empty()) {
                row.text = withUnit(formatValue(mClassMin[c]));
            } else if (i == 0) {
                // The first class is closed at both ends.
                row.text = withUnit(tr("%1 – %2", "class bounds")
                                        .arg(formatValue(bounds[c]), formatValue(bounds[c + 1])));
            } else {
                // The others are open below: a value equal to a bound belongs to the class under
                // it.
                row.text = withUnit(tr("> %1 – %2", "class bounds, lower one excluded")
                                        .arg(formatValue(bounds[c]), formatValue(bounds[c + 1])));
            }
            rows.append(row);
        }
    }
    if (mNoDataCount > 0) {
        LegendRow row;
        row.noData = true;
        row.count = mNoDataCount;
        row.text = mNoDataCount == 1 ? tr("No data (1 county)")
                                     : tr("No data (%1 counties)").arg(mNoDataCount);
        rows.append(row);
    }
    return rows;
}

QString ChoroplethStyle::subtitle() const
{
    QString method = ClassBreaks::methodName(mMethod);
    if (!mBreakSpan.isEmpty())
        method = tr("%1 over %2", "classification method over years").arg(method, mBreakSpan);
    return mYear > 0 ? tr("%1 · %2", "year · classification method").arg(mYear).arg(method)
                     : method;
}

QString ChoroplethStyle::joinField()
{
    return QStringLiteral("code");
}

QStringList ChoroplethStyle::codesOf(const VectorLayer &layer)
{
    QStringList codes;
    const int field = layer.table().fieldIndex(joinField());
    if (field < 0)
        return codes;
    codes.reserve(layer.featureCount());
    for (int f = 0; f < layer.featureCount(); ++f)
        codes.append(layer.table().value(f, field).toString());
    return codes;
}

QColor ChoroplethStyle::noDataFill()
{
    return QColor(0xf2, 0xf2, 0xf2);
}

QColor ChoroplethStyle::noDataHatch()
{
    return QColor(0x8c, 0x8c, 0x8c);
}

} // namespace dv
