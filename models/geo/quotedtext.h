// What a message may quote of a user's text: a short excerpt on one line, never the whole cell.
#pragma once

#include <QString>

namespace dv {

class QuotedText {
public:
    // Characters of a cell that an import message quotes before it cuts off with "…".
    static constexpr int kMaxChars = 40;

    // The text on one line (line breaks and tabs become spaces), cut to maxChars characters
    // and "…" when longer, so a 300 MB cell prints as a short line.
    static QString excerpt(const QString &text, int maxChars = kMaxChars);
    // The same from UTF-8 bytes, decoding no more than the excerpt needs.
    static QString excerpt(const char *utf8, qsizetype size, int maxChars = kMaxChars);
};

} // namespace dv
