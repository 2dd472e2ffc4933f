// The pages of the reports, one painter per kind, each into a page's content rectangle.
#pragma once

#include "reportcomposer.h"

#include <QCoreApplication>
#include <QRectF>

class QPainter;

namespace dv {

// Painting only: every figure comes from the ReportData. Sizes are logical page pixels.
class ReportPages {
    Q_DECLARE_TR_FUNCTIONS(dv::ReportPages)
public:
    static void paint(QPainter &painter, const ReportComposer::Page &page, const ReportData &data,
        const QRectF &content);
    // Alert rows that fit on one alert list page of this height.
    static int alertRowsPerPage(const QRectF &content);
    // The report's own language, whatever the window's: zh for Chinese reports, else en.
    static QString text(const ReportData &data, const char *zh, const QString &en);
    static QString number(const ReportData &data, double value, int decimals);
    static QString chinaTime(qint64 msUtc, bool withTime = true);
};

} // namespace dv
