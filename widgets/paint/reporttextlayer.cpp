// Makes the text of a PDF written by Qt extract as the characters themselves, not radicals.
#include "reporttextlayer.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace dv {

namespace {

struct XrefEntry {
    int object = 0;
    qint64 offset = 0;
};

// The CMap's glyph -> UTF-16 hex entries, bfchar and bfrange alike; false if it cannot be read.
bool readCMap(const QByteArray &cmap, QMap<QByteArray, QByteArray> &entries)
{
    static const QRegularExpression block(QStringLiteral("beginbf(char|range)\\s*\\n(.*?)endbf\\1"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]+)>|\\[|\\]"));
    const QString text = QString::fromLatin1(cmap);
    auto blocks = block.globalMatch(text);
    while (blocks.hasNext()) {
        const auto b = blocks.next();
        const bool range = b.captured(1) == QLatin1String("range");
        const QStringList lines = b.captured(2).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            QStringList tokens;
            auto it = hex.globalMatch(line);
            while (it.hasNext()) {
                const auto m = it.next();
                tokens << (m.captured(1).isEmpty() ? m.captured(0) : m.captured(1).toUpper());
            }
            if (tokens.isEmpty())
                continue;
            if (!range) {
                if (tokens.size() != 2)
                    return false;
                entries.insert(tokens[0].toLatin1(), tokens[1].toLatin1());
                continue;
            }
            if (tokens.size() < 3)
                return false;
            bool ok1 = false, ok2 = false;
            const uint lo = tokens[0].toUInt(&ok1, 16);
            const uint hi = tokens[1].toUInt(&ok2, 16);
            if (!ok1 || !ok2 || hi < lo)
                return false;
            const int width = tokens[0].size();
            if (tokens[2] == QLatin1String("[")) {
                for (uint g = lo; g <= hi; ++g) {
                    const QString dst = tokens.value(int(3 + g - lo));
                    if (dst.isEmpty() || dst == QLatin1String("]"))
                        return false;
                    entries.insert(QString::number(g, 16)
                                       .toUpper()
                                       .rightJustified(width, QLatin1Char('0'))
                                       .toLatin1(),
                        dst.toLatin1());
                }
            } else {
                // <lo> <hi> <dst>: the last UTF-16 unit counts up with the glyph.
                const QString dst = tokens[2];
                const QString head = dst.left(dst.size() - 4);
                const uint last = dst.right(4).toUInt(nullptr, 16);
                for (uint g = lo; g <= hi; ++g) {
                    entries.insert(QString::number(g, 16)
                                       .toUpper()
                                       .rightJustified(width, QLatin1Char('0'))
                                       .toLatin1(),
                        (head
                            + QString::number(last + g - lo, 16)
                                  .toUpper()
                                  .rightJustified(4, QLatin1Char('0')))
                            .toLatin1());
                }
            }
        }
    }
    return !entries.isEmpty();
}

// The stream object with its CMap rewritten, or an empty array when nothing changes.
QByteArray fixedCMapObject(
    const QByteArray &object, const QHash<uint, uint> &equivalents, int *changed)
{
    const int streamAt = object.indexOf("stream\n");
    const int endAt = object.lastIndexOf("endstream");
    if (streamAt < 0 || endAt < streamAt || object.left(streamAt).contains("/Filter"))
        return {};
    const int dataAt = streamAt + 7;
    const QByteArray cmap = object.mid(dataAt, endAt - dataAt);
    QMap<QByteArray, QByteArray> entries;
    if (!readCMap(cmap, entries))
        return {};
    int fixes = 0;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (it.value().size() != 4)
            continue;
        const uint code = it.value().toUInt(nullptr, 16);
        const auto to = equivalents.constFind(code);
        if (to != equivalents.constEnd() && *to < 0x10000) {
            it.value() = QByteArray::number(*to, 16).toUpper().rightJustified(4, '0');
            ++fixes;
        }
    }
    if (!fixes)
        return {};
    *changed += fixes;

    static const QRegularExpression firstBlock(QStringLiteral("\\d+\\s+beginbf(char|range)"));
    static const QRegularExpression lastBlock(QStringLiteral("endbf(char|range)"));
    const QString text = QString::fromLatin1(cmap);
    const int head = text.indexOf(firstBlock);
    int tail = -1;
    auto ends = lastBlock.globalMatch(text);
    while (ends.hasNext()) {
        const auto m = ends.next();
        tail = m.capturedEnd();
    }
    if (head < 0 || tail < 0)
        return {};
    QByteArray body = cmap.left(head);
    // bfchar blocks of at most 100 entries, as the CMap specification limits them.
    const QList<QByteArray> keys = entries.keys();
    for (int i = 0; i < keys.size(); i += 100) {
        const int n = std::min<int>(100, int(keys.size()) - i);
        body += QByteArray::number(n) + " beginbfchar\n";
        for (int k = i; k < i + n; ++k)
            body += '<' + keys[k] + "> <" + entries.value(keys[k]) + ">\n";
        body += "endbfchar\n";
    }
    body += cmap.mid(tail);

    static const QRegularExpression length(QStringLiteral("/Length\\s+\\d+"));
    QString dict = QString::fromLatin1(object.left(streamAt));
    if (!dict.contains(length))
        return {};
    dict.replace(length, QStringLiteral("/Length %1").arg(body.size()));
    return dict.toLatin1() + "stream\n" + body + object.mid(endAt);
}

} // namespace

QByteArray ReportTextLayer::fixToUnicode(
    const QByteArray &pdf, const QHash<uint, uint> &equivalents, int *changed)
{
    int fixes = 0;
    if (changed)
        *changed = 0;
    const int startxref = pdf.lastIndexOf("startxref");
    if (startxref < 0)
        return pdf;
    static const QRegularExpression number(QStringLiteral("\\d+"));
    const qint64 xrefAt
        = number.match(QString::fromLatin1(pdf.mid(startxref + 9, 32))).captured(0).toLongLong();
    if (xrefAt <= 0 || xrefAt >= startxref || !pdf.mid(xrefAt).startsWith("xref"))
        return pdf;
    const int trailerAt = pdf.indexOf("trailer", int(xrefAt));
    if (trailerAt < 0)
        return pdf;
    // One subsection from object 0, as Qt writes it.
    const QStringList tokens
        = QString::fromLatin1(pdf.mid(xrefAt + 4, trailerAt - xrefAt - 4))
              .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (tokens.size() < 2 || tokens[0] != QLatin1String("0"))
        return pdf;
    const int count = tokens[1].toInt();
    if (count <= 0 || tokens.size() != 2 + 3 * count)
        return pdf;
    std::vector<XrefEntry> objects;
    for (int i = 1; i < count; ++i) {
        if (tokens[2 + 3 * i + 2] != QLatin1String("n"))
            continue;
        objects.push_back({ i, tokens[2 + 3 * i].toLongLong() });
    }
    if (objects.empty())
        return pdf;
    std::sort(objects.begin(), objects.end(),
        [](const XrefEntry &a, const XrefEntry &b) { return a.offset < b.offset; });

    QSet<int> cmaps;
    static const QRegularExpression toUnicode(QStringLiteral("/ToUnicode\\s+(\\d+)\\s+0\\s+R"));
    auto refs = toUnicode.globalMatch(QString::fromLatin1(pdf.left(int(xrefAt))));
    while (refs.hasNext())
        cmaps.insert(refs.next().captured(1).toInt());
    if (cmaps.isEmpty())
        return pdf;

    // Qt writes each embedded subset's tag ("QGDAAA+") in its descriptor's /FontName but not
    // in the fonts' /BaseFont, so viewers and pdffonts take the subsets for whole fonts: the
    // /BaseFont gets the descriptor's tagged name.
    QHash<QByteArray, QByteArray> tagged;
    static const QRegularExpression fontName(
        QStringLiteral("/FontName\\s*/([A-Z]{6})\\+([^\\s/<>\\[\\]()]+)"));
    auto names = fontName.globalMatch(QString::fromLatin1(pdf.left(int(xrefAt))));
    while (names.hasNext()) {
        const auto m = names.next();
        tagged.insert(m.captured(2).toLatin1(),
            (m.captured(1) + QLatin1Char('+') + m.captured(2)).toLatin1());
    }
    int renamed = 0;
    static const QByteArray kDelimiters(" \r\n\t/<>[]()");
    auto tagBaseFont = [&](const QByteArray &object) {
        const int at = object.indexOf("/BaseFont /");
        if (at < 0 || object.contains("stream"))
            return QByteArray();
        const int nameAt = at + 11;
        int end = nameAt;
        while (end < object.size() && !kDelimiters.contains(object[end]))
            ++end;
        const auto tag = tagged.constFind(object.mid(nameAt, end - nameAt));
        if (tag == tagged.constEnd())
            return QByteArray();
        ++renamed;
        return object.left(nameAt) + *tag + object.mid(end);
    };

    QByteArray out = pdf.left(int(objects.front().offset));
    QVector<qint64> offsets(count, 0);
    for (size_t i = 0; i < objects.size(); ++i) {
        const qint64 begin = objects[i].offset;
        const qint64 end = i + 1 < objects.size() ? objects[i + 1].offset : xrefAt;
        if (begin < out.size() - 0 && i == 0 && begin != out.size())
            return pdf;
        const QByteArray object = pdf.mid(begin, end - begin);
        offsets[objects[i].object] = out.size();
        QByteArray fixed;
        if (cmaps.contains(objects[i].object))
            fixed = fixedCMapObject(object, equivalents, &fixes);
        else
            fixed = tagBaseFont(object);
        out += fixed.isEmpty() ? object : fixed;
    }
    if (!fixes && !renamed)
        return pdf;
    const qint64 newXref = out.size();
    out += "xref\n0 " + QByteArray::number(count) + "\n0000000000 65535 f \n";
    for (int i = 1; i < count; ++i) {
        if (offsets[i] > 0)
            out += QByteArray::number(offsets[i]).rightJustified(10, '0') + " 00000 n \n";
        else
            out += "0000000000 65535 f \n";
    }
    out += pdf.mid(trailerAt, startxref - trailerAt);
    out += "startxref\n" + QByteArray::number(newXref) + "\n%%EOF\n";
    if (changed)
        *changed = fixes;
    return out;
}

} // namespace dv
