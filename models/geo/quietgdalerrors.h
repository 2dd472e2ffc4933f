// GDAL in our hands: its messages kept off stderr, its datasets closed when they go out of scope.
#pragma once

#include <QString>

#include <cpl_error.h>
#include <gdal_priv.h>

#include <memory>

namespace dv {

// Keeps GDAL's messages off stderr for this thread while it lives; the last one becomes the
// reason a user reads, with the file named by the caller.
class QuietGdalErrors {
public:
    QuietGdalErrors()
    {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors &) = delete;
    QuietGdalErrors &operator=(const QuietGdalErrors &) = delete;
    static QString last() { return QString::fromUtf8(CPLGetLastErrorMsg()).trimmed(); }

    struct DatasetCloser {
        void operator()(GDALDataset *ds) const { GDALClose(ds); }
    };
    using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;
};

} // namespace dv
