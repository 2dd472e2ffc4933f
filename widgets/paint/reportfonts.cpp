// The fonts of PDF reports: a Latin font first, then a Chinese one, and how their glyphs read back.
#include "reportfonts.h"

#include <QFontDatabase>
#include <QRawFont>

namespace dv {

namespace {

QStringList installed(const QStringList &wanted)
{
    const QStringList all = QFontDatabase::families();
    QStringList found;
    for (const QString &family : wanted) {
        if (all.contains(family, Qt::CaseInsensitive))
            found << family;
    }
    return found;
}

const QStringList &latinFamilies()
{
    static const QStringList families = installed({ QStringLiteral("DejaVu Sans"),
        QStringLiteral("Noto Sans"), QStringLiteral("Liberation Sans"), QStringLiteral("Arial"),
        QStringLiteral("Segoe UI") });
    return families;
}

const QStringList &chineseFamilies()
{
    static const QStringList families = installed({ QStringLiteral("Noto Sans CJK SC"),
        QStringLiteral("Source Han Sans SC"), QStringLiteral("Microsoft YaHei"),
        QStringLiteral("SimHei"), QStringLiteral("WenQuanYi Micro Hei"),
        QStringLiteral("PingFang SC"), QStringLiteral("Noto Sans CJK JP") });
    return families;
}

QHash<uint, uint> computeEquivalents()
{
    QHash<uint, uint> table;
    QHash<quint32, uint> ideographOfGlyph;
    QRawFont raw;
    if (!ReportFonts::chineseFamily().isEmpty()) {
        QFont font(ReportFonts::chineseFamily());
        font.setPixelSize(16);
        raw = QRawFont::fromFont(font);
    }
    if (raw.isValid()) {
        // CJK Unified Ideographs and Extension A; the first ideograph of a glyph wins.
        for (uint c = 0x3400; c < 0xA000; ++c) {
            const QChar ch(c);
            quint32 glyph = 0;
            int n = 1;
            if (raw.glyphIndexesForChars(&ch, 1, &glyph, &n) && glyph
                && !ideographOfGlyph.contains(glyph)) {
                ideographOfGlyph.insert(glyph, c);
            }
        }
    }
    for (uint c = 0x2E80; c < 0x2FE0; ++c) {
        const QChar ch(c);
        quint32 glyph = 0;
        int n = 1;
        if (raw.isValid() && raw.glyphIndexesForChars(&ch, 1, &glyph, &n) && glyph
            && ideographOfGlyph.contains(glyph)) {
            table.insert(c, ideographOfGlyph.value(glyph));
            continue;
        }
        const QString nfkc = QString(ch).normalized(QString::NormalizationForm_KC);
        if (nfkc.size() == 1 && nfkc.at(0) != ch)
            table.insert(c, nfkc.at(0).unicode());
    }
    return table;
}

} // namespace

QStringList ReportFonts::families()
{
    return latinFamilies() + chineseFamilies();
}

QString ReportFonts::chineseFamily()
{
    return chineseFamilies().value(0);
}

QFont ReportFonts::font(double pixelSize, bool bold)
{
    QFont f;
    const QStringList list = families();
    if (!list.isEmpty())
        f.setFamilies(list);
    f.setPixelSize(qMax(1, qRound(pixelSize)));
    f.setBold(bold);
    // Kerning moves glyphs apart in the text layer and some viewers then extract spaces.
    f.setKerning(false);
    // Nor ligatures: "figures" drawn with DejaVu's fi ligature extracts as "ﬁgures", which a
    // viewer's search for "figures" does not find.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

const QHash<uint, uint> &ReportFonts::radicalEquivalents()
{
    static const QHash<uint, uint> table = computeEquivalents();
    return table;
}

} // namespace dv
