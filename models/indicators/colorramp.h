// Colour-blind-safe ColorBrewer palettes for choropleth classes, sequential and diverging.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QRgb>
#include <QString>
#include <QVector>

#include <optional>
#include <vector>

namespace dv {

// One ColorBrewer scheme with its hand-tuned colours for 3 to 9 classes. The colours of an
// n-class scheme are not a resampling of the 9-class one, so they are stored for every n.
// Only schemes ColorBrewer marks colour-blind safe at every class count are offered.
class ColorRamp {
    Q_DECLARE_TR_FUNCTIONS(dv::ColorRamp)
public:
    enum class Kind {
        Sequential, // light for low values, dark for high ones
        Diverging, // two hues meeting at a light middle class, for values around a midpoint
    };

    static constexpr int kMinClasses = 3;
    static constexpr int kMaxClasses = 9;

    // Every palette, sequential ones first; the first of each kind is the default.
    static const QVector<ColorRamp> &all();
    static QVector<ColorRamp> ofKind(Kind kind);
    static std::optional<ColorRamp> byId(const QString &id);

    // ColorBrewer's name, e.g. "YlGnBu": stable, kept in settings.
    QString id() const { return QLatin1String(mId); }
    // "Yellow-green-blue" in the user's language.
    QString displayName() const;
    Kind kind() const { return mKind; }

    // Colours for classes 0..classes-1, lowest class first (ColorBrewer's order: light to dark,
    // or from the first hue to the second). reversed puts the dark end on low values, for
    // indicators where lower is worse. 3–9 classes are ColorBrewer's own; 1 or 2 (what a
    // classification of very few distinct values can leave) take the 3-class ends, or its
    // middle. Any other count gives an empty list.
    QVector<QColor> colours(int classes, bool reversed = false) const;

private:
    ColorRamp(const char *id, const char *name, Kind kind, std::vector<std::vector<QRgb>> rows);

    const char *mId;
    const char *mName; // English source, translated by displayName()
    Kind mKind;
    std::vector<std::vector<QRgb>> mRows; // mRows[n - 3] holds the n colours of n classes
};

} // namespace dv
