// Writing an image file whole or not at all: the window's export and `dvdash render-map`.
#include "imagefile.h"

#include <QDir>
#include <QImage>
#include <QImageWriter>
#include <QSaveFile>

namespace dv {

bool ImageFile::write(const QImage &image, const QString &path, const char *format, QString *error)
{
    QSaveFile file(path);
    QString why;
    if (!file.open(QIODevice::WriteOnly)) {
        why = file.errorString();
    } else {
        QImageWriter writer(&file, format);
        if (!writer.write(image))
            why = writer.errorString();
        else if (!file.commit())
            why = file.errorString();
        if (!why.isEmpty())
            file.cancelWriting();
    }
    if (why.isEmpty())
        return true;
    if (error)
        *error = tr("%1: cannot write (%2)").arg(QDir::toNativeSeparators(path), why);
    return false;
}

} // namespace dv
