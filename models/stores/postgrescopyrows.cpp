#include "postgrescopyrows.h"

#include <QtEndian>

#include <cstring>

namespace dv {

namespace {

// "PGCOPY\n\377\r\n\0", then flags (no OIDs) and the length of a header extension (none).
const char kSignature[] = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0' };

template <typename T>
void append(QByteArray &data, T value)
{
    const T big = qToBigEndian(value);
    data.append(reinterpret_cast<const char *>(&big), qsizetype(sizeof big));
}

} // namespace

PostgresCopyRows::PostgresCopyRows(int expectedRows, int bytesPerRow)
{
    mData.reserve(qsizetype(sizeof kSignature) + 8 + qsizetype(expectedRows) * bytesPerRow + 2);
    mData.append(kSignature, qsizetype(sizeof kSignature));
    append<qint32>(mData, 0);
    append<qint32>(mData, 0);
}

void PostgresCopyRows::beginRow(qint16 fields)
{
    append(mData, fields);
    ++mRows;
}

template <typename T>
void PostgresCopyRows::addField(T value)
{
    append<qint32>(mData, qint32(sizeof value));
    append(mData, value);
}

void PostgresCopyRows::addInt16(qint16 value)
{
    addField(value);
}

void PostgresCopyRows::addInt32(qint32 value)
{
    addField(value);
}

void PostgresCopyRows::addInt64(qint64 value)
{
    addField(value);
}

void PostgresCopyRows::addFloat8(double value)
{
    quint64 bits;
    static_assert(sizeof bits == sizeof value, "float8 is 8 bytes");
    std::memcpy(&bits, &value, sizeof bits);
    addField(bits);
}

void PostgresCopyRows::addBool(bool value)
{
    append<qint32>(mData, 1);
    mData.append(value ? '\1' : '\0');
}

QByteArray PostgresCopyRows::finish()
{
    append<qint16>(mData, -1);
    return std::move(mData);
}

} // namespace dv
