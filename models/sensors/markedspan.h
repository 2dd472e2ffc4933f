// A stretch of time a chart marks, e.g. an alert from when it was raised until it cleared.
#pragma once

#include <QColor>
#include <QString>

namespace dv {

struct MarkedSpan {
    qint64 from = 0; // ms UTC
    qint64 to = 0; // ms UTC; an open alert runs to now
    QColor colour; // drawn translucent
    QString label; // tooltip text, already translated
};

} // namespace dv
