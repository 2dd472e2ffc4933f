// Lays a ReportData out on pages and paints them: on a PDF, a printer or a window's preview.
#include "reportcomposer.h"

#include "reportfonts.h"
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
    mPages.append({ Page::Cover, QString(), 0 });
    mPages.append({ Page::CountyMap, mData.options.county, 0 });
    mPages.append({ Page::CountyIndicators, mData.options.county, 0 });
    mPages.append({ Page::Charts, mData.options.county, 0 });
    const QRectF content(QPointF(kMargin, kMargin + kHeaderHeight),
        pageSize() - QSizeF(2 * kMargin, 2 * kMargin + kHeaderHeight + kFooterHeight));
    const int perPage = ReportPages::alertRowsPerPage(content);
    int first = 0;
    do {
        mPages.append({ Page::AlertList, mData.options.county, first });
        first += perPage;
    } while (first < int(mData.alerts.size()));
    mPages.append({ Page::Sources, QString(), 0 });
}

void ReportComposer::addAtlasPages()
{
    mPages.append({ Page::Cover, QString(), 0 });
    mPages.append({ Page::ProvinceIndex, QString(), 0 });
    mPages.append({ Page::ProvinceIndicators, QString(), 0 });
    mPages.append({ Page::ProvinceAlerts, QString(), 0 });
    for (const auto &prefecture : mData.prefectures())
        mPages.append({ Page::Prefecture, prefecture.first, 0 });
    if (mData.options.countyPages) {
        for (const County &county : mData.counties)
            mPages.append({ Page::County, county.code, 0 });
    }
    mPages.append({ Page::Sources, QString(), 0 });
}

QSizeF ReportComposer::pageSize() const
{
    const QSizeF inches = layoutOf(mData.options).fullRect(QPageLayout::Inch).size();
    return inches * kLogicalDpi;
}

QString ReportComposer::title() const
{
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
    const QRectF content(QPointF(kMargin, kMargin + kHeaderHeight),
        size - QSizeF(2 * kMargin, 2 * kMargin + kHeaderHeight + kFooterHeight));
    ReportPages::paint(painter, mPages.at(index), mData, content);
    painter.restore();
}

bool ReportComposer::print(QPagedPaintDevice &device, QString *error) const
{
    // Pages are painted straight onto the device, in order. Painting each page into its own
    // QPicture on the thread pool and replaying them was tried: Qt 6.4's QPicture replays a
    // run of fallback-font text (Chinese in a Latin-first font list) a few pixels off the
    // baseline, so mixed text such as "44.83 亿元" came out jagged.
    QPainter painter;
    if (!painter.begin(&device)) {
        *error = tr("cannot paint on the output device");
        return false;
    }
    const double scale = device.logicalDpiX() / kLogicalDpi;
    for (int i = 0; i < pageCount(); ++i) {
        if (i > 0 && !device.newPage()) {
            *error = tr("cannot start page %1").arg(i + 1);
            return false;
        }
        painter.save();
        painter.scale(scale, scale);
        paintPage(painter, i);
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
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("%1: cannot write the report: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
}

} // namespace dv
