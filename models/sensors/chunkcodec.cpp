// Packs one device's readings from one commit into a compact blob, and reads them back.
#include "chunkcodec.h"

#include <cstring>

namespace dv {

namespace {

constexpr char kVersion = 1;

void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
}

void putSigned(QByteArray &out, qint64 v)
{
    putVarint(out, (static_cast<quint64>(v) << 1) ^ static_cast<quint64>(v >> 63));
}

class Cursor {
public:
    explicit Cursor(const QByteArray &b)
        : p(reinterpret_cast<const uchar *>(b.constData()))
        , end(p + b.size())
    {
    }
    bool varint(quint64 &v)
    {
        v = 0;
        for (int shift = 0; shift < 64 && p < end; shift += 7) {
            const uchar byte = *p++;
            v |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false;
    }
    bool signedVarint(qint64 &v)
    {
        quint64 u;
        if (!varint(u))
            return false;
        v = static_cast<qint64>(u >> 1) ^ -static_cast<qint64>(u & 1);
        return true;
    }
    bool byte(uchar &b)
    {
        if (p >= end)
            return false;
        b = *p++;
        return true;
    }
    bool real(double &d)
    {
        if (end - p < 8)
            return false;
        std::memcpy(&d, p, 8);
        p += 8;
        return true;
    }
    bool skip(std::ptrdiff_t n)
    {
        if (end - p < n)
            return false;
        p += n;
        return true;
    }

private:
    const uchar *p;
    const uchar *end;
};

} // namespace

QByteArray ChunkCodec::encode(const Reading *begin, const Reading *end, qint64 base)
{
    QByteArray out;
    out.reserve(static_cast<int>((end - begin) * 13 + 8));
    out.append(kVersion);
    int metrics = 0;
    for (const Reading *r = begin; r != end; ++r)
        metrics += (r == begin || r->metric != (r - 1)->metric) ? 1 : 0;
    putVarint(out, static_cast<quint64>(metrics));
    for (const Reading *r = begin; r != end;) {
        const Reading *runEnd = r;
        while (runEnd != end && runEnd->metric == r->metric)
            ++runEnd;
        out.append(static_cast<char>(r->metric));
        putVarint(out, static_cast<quint64>(runEnd - r));
        qint64 previous = base;
        for (; r != runEnd; ++r) {
            putSigned(out, r->timestamp - previous);
            previous = r->timestamp;
            putVarint(out, static_cast<quint64>(std::max<qint64>(0, r->arrival - r->timestamp)));
            out.append(static_cast<char>(r->sensorFault ? 1 : 0));
            char bytes[8];
            std::memcpy(bytes, &r->value, 8);
            out.append(bytes, 8);
        }
    }
    return out;
}

bool ChunkCodec::decode(
    const QByteArray &blob, qint64 base, quint32 device, int metric, std::vector<Reading> &out)
{
    Cursor c(blob);
    uchar version;
    quint64 metrics;
    if (!c.byte(version) || version != kVersion || !c.varint(metrics))
        return false;
    for (quint64 m = 0; m < metrics; ++m) {
        uchar id;
        quint64 n;
        if (!c.byte(id) || !c.varint(n))
            return false;
        const bool wanted = metric < 0 || id == metric;
        qint64 previous = base;
        for (quint64 i = 0; i < n; ++i) {
            qint64 delta;
            quint64 delay;
            uchar flags;
            if (!c.signedVarint(delta) || !c.varint(delay) || !c.byte(flags))
                return false;
            previous += delta;
            if (!wanted) {
                if (!c.skip(8))
                    return false;
                continue;
            }
            Reading r;
            r.device = device;
            r.metric = id;
            r.timestamp = previous;
            r.arrival = previous + static_cast<qint64>(delay);
            r.sensorFault = flags & 1;
            if (!c.real(r.value))
                return false;
            out.push_back(r);
        }
    }
    return true;
}

} // namespace dv
