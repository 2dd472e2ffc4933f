// Turns attribute bytes into text: UTF-8 when they are valid UTF-8, else GBK.
#include "attributetextdecoder.h"

#include <QStringDecoder>

#include <cpl_conv.h>
#include <cpl_string.h>

namespace dv {

QString AttributeTextDecoder::decode(const char *bytes)
{
    return bytes ? decode(QByteArray::fromRawData(bytes, static_cast<int>(qstrlen(bytes))))
                 : QString();
}

QString AttributeTextDecoder::decode(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    // GDAL's iconv-backed recoder: present wherever GDAL is, unlike Qt's ICU codecs.
    const QByteArray zeroTerminated(bytes.constData(), bytes.size());
    char *recoded = CPLRecode(zeroTerminated.constData(), "CP936", CPL_ENC_UTF8);
    text = QString::fromUtf8(recoded);
    CPLFree(recoded);
    return text;
}

} // namespace dv
