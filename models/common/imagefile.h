// Writing an image file whole or not at all: the window's export and `dvdash render-map`.
#pragma once

#include <QCoreApplication>
#include <QString>

class QImage;

namespace dv {

class ImageFile {
    Q_DECLARE_TR_FUNCTIONS(dv::ImageFile)
public:
    // Writes through QSaveFile: beside the target, renamed at the end, so a full disk or a
    // crash leaves the file that was there, never half a PNG. Thread-safe (a worker may write).
    // false and *error naming the file and the reason.
    static bool write(
        const QImage &image, const QString &path, const char *format, QString *error = nullptr);
};

} // namespace dv
