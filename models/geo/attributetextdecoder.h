// Turns attribute bytes into text: UTF-8 when they are valid UTF-8, else GBK.
#pragma once

#include <QString>

namespace dv {

// Chinese offices' Shapefiles and CSVs are often GBK (code page 936) with nothing saying so;
// valid UTF-8 is very unlikely to arise by chance from GBK Chinese text, so test UTF-8 first.
class AttributeTextDecoder {
public:
    static QString decode(const char *bytes);
    static QString decode(const QByteArray &bytes);
};

} // namespace dv
