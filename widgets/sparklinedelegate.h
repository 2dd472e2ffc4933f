// Draws a small line of recent values in a table cell, e.g. a sow's last 24 hours.
#pragma once

#include <QStyledItemDelegate>

namespace dv {

class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // role: where the model keeps the QList<double> to draw.
    explicit SparklineDelegate(int role, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int mRole;
};

} // namespace dv
