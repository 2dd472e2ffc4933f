// A batch of readings in the order both stores write it: series by series, each in time order.
#include "readingbatch.h"

#include <algorithm>

namespace dv {

namespace {

quint64 seriesOf(const Reading &r)
{
    return ReadingBatch::seriesKey(r.device, r.metric);
}

bool earlier(const Reading &a, const Reading &b)
{
    return a.timestamp < b.timestamp;
}

constexpr std::size_t kKeptBuffer = 250000;

struct SeriesEntry {
    quint64 key;
    quint32 position;
};

// Stable LSD radix sort by series, a byte a pass, of (series, position) pairs, then one
// gather of the readings: for a batch of 80,000 readings from 1,000 devices, three passes
// over 16-byte pairs instead of a comparison sort moving 32-byte readings (the largest
// single cost of a commit). The buffers stay with the writer thread: allocating them per
// batch costs more in page faults than the sort saves.
void sortBySeries(std::vector<Reading> &readings)
{
    thread_local std::vector<SeriesEntry> entries;
    thread_local std::vector<SeriesEntry> sorted;
    thread_local std::vector<Reading> gathered;
    entries.resize(readings.size());
    sorted.resize(readings.size());
    quint64 maxKey = 0;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        entries[i] = { seriesOf(readings[i]), quint32(i) };
        maxKey = std::max(maxKey, entries[i].key);
    }
    std::size_t start[256];
    for (int shift = 0; shift < 64 && (maxKey >> shift) != 0; shift += 8) {
        std::fill(std::begin(start), std::end(start), 0);
        for (const SeriesEntry &e : entries)
            ++start[(e.key >> shift) & 0xff];
        std::size_t offset = 0;
        for (std::size_t &s : start) {
            const std::size_t count = s;
            s = offset;
            offset += count;
        }
        for (const SeriesEntry &e : entries)
            sorted[start[(e.key >> shift) & 0xff]++] = e;
        entries.swap(sorted);
    }
    gathered.resize(readings.size());
    for (std::size_t i = 0; i < entries.size(); ++i)
        gathered[i] = readings[entries[i].position];
    std::copy(gathered.begin(), gathered.end(), readings.begin());
    // A live batch (80,000 readings: 5 MB of buffers) is kept for the next; a rare huge one
    // (seeding history) is not kept for the thread's life.
    if (readings.size() > kKeptBuffer) {
        std::vector<SeriesEntry>().swap(entries);
        std::vector<SeriesEntry>().swap(sorted);
        std::vector<Reading>().swap(gathered);
    }
}

} // namespace

quint64 ReadingBatch::seriesKey(quint32 device, int metric)
{
    return (quint64(device) << 8) | quint64(metric & 0xff);
}

int ReadingBatch::sortAndDeduplicate(std::vector<Reading> &readings)
{
    sortBySeries(readings);
    // Each series is now in arrival order, which is time order but for late readings: only a
    // series that arrived out of order is sorted, stably, so the first arrival stays first.
    for (auto begin = readings.begin(); begin != readings.end();) {
        const quint64 key = seriesOf(*begin);
        const auto end = std::find_if(
            begin, readings.end(), [key](const Reading &r) { return seriesOf(r) != key; });
        if (!std::is_sorted(begin, end, earlier))
            std::stable_sort(begin, end, earlier);
        begin = end;
    }
    const auto unique
        = std::unique(readings.begin(), readings.end(), [](const Reading &a, const Reading &b) {
              return a.device == b.device && a.metric == b.metric && a.timestamp == b.timestamp;
          });
    const int dropped = static_cast<int>(readings.end() - unique);
    readings.erase(unique, readings.end());
    return dropped;
}

} // namespace dv
