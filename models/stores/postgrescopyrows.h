// Rows for COPY ... FROM STDIN (FORMAT binary): numbers go as their bytes, never through text.
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace dv {

// PostgreSQL's binary COPY format: a signature, then each row as its field count and every field
// as a length and big-endian bytes, then an end marker. Against the text format a reading costs
// neither the client's nor the server's conversion of seven numbers, and a double arrives with
// every bit (no 17-digit round trip). The fields must match the COPY's column list in number
// and type exactly: the server reads the bytes as the column's type.
class PostgresCopyRows {
public:
    explicit PostgresCopyRows(int expectedRows = 0, int bytesPerRow = 64);

    void beginRow(qint16 fields);
    void addInt16(qint16 value);
    void addInt32(qint32 value);
    void addInt64(qint64 value);
    void addFloat8(double value);
    void addBool(bool value);

    int rows() const { return mRows; }
    // The whole COPY data, end marker included; the buffer cannot take rows after this.
    QByteArray finish();

private:
    template <typename T>
    void addField(T bigEndianValue);

    QByteArray mData;
    int mRows = 0;
};

} // namespace dv
