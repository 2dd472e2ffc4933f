// Makes the text of a PDF written by Qt extract as the characters themselves, not radicals.
#pragma once

#include <QByteArray>
#include <QHash>

namespace dv {

// Qt's PDF engine writes each font's ToUnicode map by looking glyphs up from the lowest code
// point, and Chinese fonts give one glyph to an ideograph and its look-alike radical: the page
// shows 气 but search, copy and pdftotext read ⽓ U+2F53. This rewrites those maps after Qt has
// written the file: every glyph mapped to a radical in the table maps to its ideograph. Objects
// keep their order; only the ToUnicode streams, the fonts' /BaseFont (given the subset tag Qt
// writes in their descriptors only) and the cross-reference table change.
class ReportTextLayer {
public:
    // The fixed file, or pdf itself when it holds nothing to fix or is not laid out as Qt writes
    // it (one cross-reference section, uncompressed ToUnicode streams). *changed: glyphs remapped.
    static QByteArray fixToUnicode(
        const QByteArray &pdf, const QHash<uint, uint> &equivalents, int *changed = nullptr);
};

} // namespace dv
