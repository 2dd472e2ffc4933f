// A PROJ transformation between two CRSs, always in lon/lat (x = east) axis order.
#pragma once

#include <QPointF>
#include <QString>

#include <cstddef>

struct PJconsts;
struct pj_ctx;

namespace dv {

// Owns its own PROJ context, so each thread can hold its own transform without locks.
class CoordinateTransform {
public:
    CoordinateTransform(const QString &from, const QString &to);
    ~CoordinateTransform();
    CoordinateTransform(const CoordinateTransform &) = delete;
    CoordinateTransform &operator=(const CoordinateTransform &) = delete;

    bool isValid() const { return mPj != nullptr; }
    QString errorString() const { return mError; }

    // Transforms in place; points that cannot be transformed become NaN.
    void forward(QPointF *points, std::size_t count) const;
    void inverse(QPointF *points, std::size_t count) const;
    QPointF forward(QPointF p) const;
    QPointF inverse(QPointF p) const;

private:
    void apply(int direction, QPointF *points, std::size_t count) const;

    pj_ctx *mCtx = nullptr;
    PJconsts *mPj = nullptr;
    QString mError;
};

} // namespace dv
