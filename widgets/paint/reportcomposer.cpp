// Lays a ReportData out on pages and paints them: on a PDF, a printer or a window's preview.
#include "reportcomposer.h"

#include "pagerecording.h"
#include "reportfonts.h"
#include "reportlanguage.h"
#include "reportpages.h"
#include "reporttextlayer.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QThreadPool>
#include <QtConcurrent>
#include <QtMath>

#include <deque>
#include <memory>

namespace dv {

namespace {

constexpr double kLogicalDpi = 96;
constexpr double kMargin = 48; // half an inch
constexpr double kHeaderHeight = 28;
constexpr double kFooterHeight = 24;

QPageLayout layoutOf(const ReportOptions &options)
{
    return QPageLayout(QPageSize(options.paper), options.orientation, QMarginsF(0, 0, 0, 0));
}

} // namespace

ReportComposer::ReportComposer(ReportData data)
    : mData(std::move(data))
{
    if (mData.options.kind == ReportOptions::Kind::CountyBriefing)
        addBriefingPages();
    else
        addAtlasPages();
}

void ReportComposer::addBriefingPages()
{
    const ReportOptions &o = mData.options;
    if (o.has(ReportOptions::Cover))
        mPages.append({ Page::Cover, QString(), 0 });
    if (o.has(ReportOptions::Map) || o.has(ReportOptions::Figures))
        mPages.append({ Page::CountyMap, o.county, 0 });
    if (o.has(ReportOptions::Indicators))
        mPages.append({ Page::CountyIndicators, o.county, 0 });
    if (o.has(ReportOptions::Charts))
        mPages.append({ Page::Charts, o.county, 0 });
    if (o.has(ReportOptions::Alerts)) {
        const int perPage = ReportPages::alertRowsPerPage(contentRect());
        int first = 0;
        do {
            mPages.append({ Page::AlertList, o.county, first });
            first += perPage;
        } while (first < int(mData.alerts.size()));
    }
    if (o.has(ReportOptions::Sources))
        mPages.append({ Page::Sources, QString(), 0 });
}

void ReportComposer::addAtlasPages()
{
    const ReportOptions &o = mData.options;
    if (o.has(ReportOptions::Cover))
        mPages.append({ Page::Cover, QString(), 0 });
    if (o.has(ReportOptions::Indicators)) {
        mPages.append({ Page::ProvinceIndex, QString(), 0 });
        mPages.append({ Page::ProvinceIndicators, QString(), 0 });
    }
    if (o.has(ReportOptions::Alerts) || o.has(ReportOptions::Figures))
        mPages.append({ Page::ProvinceAlerts, QString(), 0 });
    if (o.has(ReportOptions::Map)) {
        for (const auto &prefecture : mData.prefectures())
            mPages.append({ Page::Prefecture, prefecture.first, 0 });
        if (o.countyPages) {
            for (const County &county : mData.counties)
                mPages.append({ Page::County, county.code, 0 });
        }
    }
    if (o.has(ReportOptions::Sources))
        mPages.append({ Page::Sources, QString(), 0 });
}

QSizeF ReportComposer::pageSize() const
{
    const QSizeF inches = layoutOf(mData.options).fullRect(QPageLayout::Inch).size();
    return inches * kLogicalDpi;
}

QRectF ReportComposer::contentRect() const
{
    return QRectF(QPointF(kMargin, kMargin + kHeaderHeight),
        pageSize() - QSizeF(2 * kMargin, 2 * kMargin + kHeaderHeight + kFooterHeight));
}

QString ReportComposer::title() const
{
    const ReportLanguage::Scope language(mData.options.language);
    const bool zh = mData.options.chinese();
    if (mData.options.kind == ReportOptions::Kind::ProvinceAtlas)
        return zh ? QStringLiteral("贵州省数字乡村图集") : tr("Guizhou digital village atlas");
    const County *county = mData.county(mData.options.county);
    const QString name = county ? county->name : mData.options.county;
    return zh ? name + QStringLiteral("数字乡村简报") : tr("%1 digital village briefing").arg(name);
}

QString ReportComposer::pageText(int page, int count)
{
    return tr("Page %1 of %2").arg(page).arg(count);
}

void ReportComposer::paintPage(QPainter &painter, int index) const
{
    // Every text of the page in the report's language: the map's legend and scale bar and the
    // charts' texts come from the painting library's own tr(), in the window's otherwise.
    const ReportLanguage::Scope language(mData.options.language);
    const QSizeF size = pageSize();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QColor muted(0x55, 0x55, 0x55);
    // Header: title left, office right, a rule below.
    const QRectF header(kMargin, kMargin - 8, size.width() - 2 * kMargin, kHeaderHeight - 6);
    painter.setFont(ReportFonts::font(11));
    painter.setPen(muted);
    painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, title());
    painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, mData.options.officeName);
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 0.8));
    painter.drawLine(QPointF(kMargin, header.bottom() + 2),
        QPointF(size.width() - kMargin, header.bottom() + 2));
    // Footer: page N of M centred, generation time right.
    const QRectF footer(
        kMargin, size.height() - kMargin, size.width() - 2 * kMargin, kFooterHeight - 4);
    painter.setPen(muted);
    const QString page = mData.options.chinese()
        ? QStringLiteral("第 %1 页 共 %2 页").arg(index + 1).arg(pageCount())
        : pageText(index + 1, pageCount());
    painter.drawText(footer, Qt::AlignHCenter | Qt::AlignVCenter, page);
    painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
        ReportPages::text(mData, "生成于 ", tr("Generated "))
            + ReportPages::chinaTime(mData.options.generatedAt));
    ReportPages::paint(painter, mPages.at(index), mData, contentRect());
    painter.restore();
}

bool ReportComposer::print(QPagedPaintDevice &device, QString *error) const
{
    // Pages paint in parallel on the thread pool, each into a recording, while this thread
    // replays the finished ones onto the device in order: the PDF engine's own work (paths and
    // text written out) runs beside the painting. A window of pages ahead bounds the memory
    // the recordings hold. (QPicture is not used: see PageRecording.)
    QPainter painter;
    if (!painter.begin(&device)) {
        *error = tr("cannot paint on the output device");
        return false;
    }
    const double scale = device.logicalDpiX() / kLogicalDpi;
    const QSizeF size = pageSize();
    const QSize recordingSize(qCeil(size.width()), qCeil(size.height()));
    auto record = [this, recordingSize](int page) {
        auto recording = std::make_shared<PageRecording>(recordingSize, int(kLogicalDpi));
        QPainter p(recording.get());
        paintPage(p, page);
        p.end();
        return recording;
    };
    const int ahead = std::max(2, 2 * QThreadPool::globalInstance()->maxThreadCount());
    std::deque<QFuture<std::shared_ptr<PageRecording>>> pending;
    int started = 0;
    for (int i = 0; i < pageCount(); ++i) {
        while (started < pageCount() && started < i + ahead)
            pending.push_back(QtConcurrent::run(record, started++));
        const std::shared_ptr<PageRecording> recording = pending.front().result();
        pending.pop_front();
        if (i > 0 && !device.newPage()) {
            *error = tr("cannot start page %1").arg(i + 1);
            for (auto &f : pending)
                f.waitForFinished();
            return false;
        }
        painter.save();
        painter.scale(scale, scale);
        recording->replay(painter);
        painter.restore();
    }
    return painter.end();
}

QByteArray ReportComposer::pdf() const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(layoutOf(mData.options));
        // The page's own logical pixels: fonts given in points (the map's labels and notes)
        // then size as on screen, and coordinates are written as real numbers all the same.
        writer.setResolution(int(kLogicalDpi));
        writer.setTitle(title());
        writer.setCreator(QStringLiteral("dvdash"));
        QString error;
        if (!print(writer, &error))
            return {};
    }
    return ReportTextLayer::fixToUnicode(buffer.data(), ReportFonts::radicalEquivalents());
}

bool ReportComposer::writePdf(const QString &path, QString *error) const
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (QFileInfo(path).isDir()) {
        *error = tr("%1 is a folder: choose a file name for the report").arg(shown);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1: cannot write the report: %2").arg(shown, file.errorString());
        return false;
    }
    const QByteArray bytes = pdf();
    if (bytes.isEmpty()) {
        file.cancelWriting();
        *error = tr("%1: the report could not be painted").arg(shown);
        return false;
    }
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        *error = tr("%1: cannot write the report: %2").arg(shown, why);
        return false;
    }
    if (!file.commit()) {
        // The new report is complete beside the old file but cannot take its place: on
        // Windows, a PDF viewer that has the file open holds it.
        *error = file.error() == QFileDevice::RenameError
            ? tr("%1: cannot replace the file, it may be open in another program such as a PDF "
                 "viewer; close it there or save under another name (%2)")
                  .arg(shown, file.errorString())
            : tr("%1: cannot write the report: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
}

} // namespace dv
