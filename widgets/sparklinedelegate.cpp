// Draws a small line of recent values in a table cell, e.g. a sow's last 24 hours.
#include "sparklinedelegate.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace dv {

SparklineDelegate::SparklineDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , mRole(role)
{
}

void SparklineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QList<double> values = index.data(mRole).value<QList<double>>();
    if (values.size() < 2)
        return;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    // A flat line stays flat in the middle rather than filling the cell with noise.
    const double span = std::max(*hi - *lo, 0.5);
    const double mid = (*hi + *lo) / 2;
    const QRectF r = QRectF(option.rect).adjusted(4, 4, -4, -4);
    QPainterPath path;
    for (int i = 0; i < values.size(); ++i) {
        const QPointF p(r.left() + r.width() * i / (values.size() - 1),
            r.center().y() - (values[i] - mid) / span * r.height());
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(QPen(
        selected ? option.palette.highlightedText().color() : option.palette.color(QPalette::Link),
        1.3));
    painter->drawPath(path);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(110, 26));
}

} // namespace dv
