// What a message may quote of a user's text: a short excerpt on one line, never the whole cell.
#include "quotedtext.h"

#include <algorithm>

namespace dv {

QString QuotedText::excerpt(const QString &text, int maxChars)
{
    // Cut before flattening so a huge text is never copied whole; keep a surrogate pair whole.
    qsizetype cut = text.size() > maxChars ? maxChars : text.size();
    if (cut > 0 && cut < text.size() && text.at(cut - 1).isHighSurrogate())
        --cut;
    QString shown = text.left(cut);
    for (QChar &c : shown) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    if (cut < text.size())
        shown += QChar(0x2026); // …
    return shown;
}

QString QuotedText::excerpt(const char *utf8, qsizetype size, int maxChars)
{
    // A UTF-8 character takes at most 4 bytes: decode just enough for maxChars characters.
    const qsizetype take = std::min(size, qsizetype(maxChars) * 4 + 4);
    QString shown = excerpt(QString::fromUtf8(utf8, take), maxChars);
    if (take < size && !shown.endsWith(QChar(0x2026)))
        shown += QChar(0x2026);
    return shown;
}

} // namespace dv
