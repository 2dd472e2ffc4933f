// The fonts of PDF reports: a Latin font first, then a Chinese one, and how their glyphs read back.
#pragma once

#include <QFont>
#include <QHash>
#include <QStringList>

namespace dv {

// Chinese fonts such as Noto Sans CJK shape digits after Latin letters with glyphs Qt's PDF text
// layer cannot map back ("UTC+8" extracts as "UTC+"), so Latin text and digits come from a
// Latin font and only what it lacks falls back to the Chinese font.
class ReportFonts {
public:
    // The installed families in the order text should use them.
    static QStringList families();
    // A font of the report in logical page pixels (1/96 inch).
    static QFont font(double pixelSize, bool bold = false);
    // The first installed Chinese family; empty when none is.
    static QString chineseFamily();
    // Kangxi and supplementary radicals (U+2E80–U+2FDF) that the Chinese font draws with the
    // same glyph as a unified ideograph, to that ideograph: 气 for ⽓ U+2F53. Computed once from
    // the font's own character map (so 户, not 戶, for ⼾ where the Simplified font draws 户),
    // with Unicode's compatibility decomposition where the font has no such glyph.
    static const QHash<uint, uint> &radicalEquivalents();
};

} // namespace dv
