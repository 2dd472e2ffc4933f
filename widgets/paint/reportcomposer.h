// Lays a ReportData out on pages and paints them: on a PDF, a printer or a window's preview.
#pragma once

#include "reportdata.h"

#include <QCoreApplication>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

class QPainter;
class QPagedPaintDevice;

namespace dv {

// Every page is painted in logical page pixels (1/96 inch, origin at the paper's corner), so
// one page looks the same on a 1200 dpi PDF, a printer and a preview image; maps and charts
// stay vector on vector devices. Pages are independent of each other: a preview paints only
// the page it shows.
class ReportComposer {
    Q_DECLARE_TR_FUNCTIONS(dv::ReportComposer)
public:
    struct Page {
        enum Kind {
            Cover,
            CountyMap,
            CountyIndicators,
            Charts,
            AlertList,
            Sources,
            ProvinceIndex,
            ProvinceIndicators,
            ProvinceAlerts,
            Prefecture,
            County,
        };
        Kind kind = Cover;
        QString code; // the prefecture or county of the page
        int first = 0; // the first alert row of an alert list page
    };

    explicit ReportComposer(ReportData data);

    const ReportData &data() const { return mData; }
    const QVector<Page> &pages() const { return mPages; }
    int pageCount() const { return int(mPages.size()); }
    QSizeF pageSize() const; // logical pixels
    // Where a page's own content goes: inside the margins, between the header and the footer.
    QRectF contentRect() const;
    QString title() const;

    // Page index (0-based) with its header and footer, in logical pixels from the paper's corner.
    void paintPage(QPainter &painter, int index) const;
    // All pages on a paged device whose page layout the caller has set (a QPrinter); pages are
    // scaled from logical pixels to the device's resolution. Pages paint in parallel on the
    // global thread pool and go onto the device in order from the calling thread.
    bool print(QPagedPaintDevice &device, QString *error) const;
    // The whole report as a PDF file's bytes, fonts embedded, text extracting as written.
    QByteArray pdf() const;
    // Writes pdf() through a temporary file renamed when complete; on failure false and *error
    // naming the file, and nothing left behind (an existing file keeps its old content).
    bool writePdf(const QString &path, QString *error) const;

    // "第 3 页 共 12 页" / "Page 3 of 12".
    static QString pageText(int page, int count);

private:
    void addBriefingPages();
    void addAtlasPages();

    ReportData mData;
    QVector<Page> mPages;
};

} // namespace dv
