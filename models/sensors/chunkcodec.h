// Packs one device's readings from one commit into a compact blob, and reads them back.
#pragma once

#include "reading.h"

#include <QByteArray>

#include <vector>

namespace dv {

// Layout: version byte; metric count; per metric its id, reading count, then per reading the
// zig-zag varint time delta, the varint arrival delay, a flag byte and the 8-byte value.
// About 12 bytes a reading; one row per device per commit instead of one per reading is what
// lets SQLite ingest hundreds of thousands of readings a second.
class ChunkCodec {
public:
    // readings: one device, sorted by metric then timestamp.
    static QByteArray encode(const Reading *begin, const Reading *end, qint64 base);
    // Appends the readings of `metric` (or all, for metric < 0); false if the blob is damaged.
    static bool decode(
        const QByteArray &blob, qint64 base, quint32 device, int metric, std::vector<Reading> &out);
};

} // namespace dv
