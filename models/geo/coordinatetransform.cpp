// A PROJ transformation between two CRSs, always in lon/lat (x = east) axis order.
#include "coordinatetransform.h"

#include <proj.h>

#include <cmath>
#include <limits>

namespace dv {

CoordinateTransform::CoordinateTransform(const QString &from, const QString &to)
{
    mCtx = proj_context_create();
    PJ *raw
        = proj_create_crs_to_crs(mCtx, from.toUtf8().constData(), to.toUtf8().constData(), nullptr);
    if (!raw) {
        mError = QString::fromUtf8(proj_context_errno_string(mCtx, proj_context_errno(mCtx)));
        return;
    }
    // EPSG:4490 is latitude-first in PROJ; the map always works east-first.
    mPj = proj_normalize_for_visualization(mCtx, raw);
    proj_destroy(raw);
    if (!mPj)
        mError = QString::fromUtf8(proj_context_errno_string(mCtx, proj_context_errno(mCtx)));
}

CoordinateTransform::~CoordinateTransform()
{
    if (mPj)
        proj_destroy(mPj);
    proj_context_destroy(mCtx);
}

void CoordinateTransform::apply(int direction, QPointF *points, std::size_t count) const
{
    if (count == 0)
        return;
    if (!mPj) {
        for (std::size_t i = 0; i < count; ++i)
            points[i] = QPointF(qQNaN(), qQNaN());
        return;
    }
    // QPointF is two packed doubles, so PROJ can stride over the array directly.
    static_assert(sizeof(QPointF) == 2 * sizeof(double), "QPointF layout");
    auto *xs = reinterpret_cast<double *>(points);
    proj_trans_generic(mPj, static_cast<PJ_DIRECTION>(direction), xs, sizeof(QPointF), count,
        xs + 1, sizeof(QPointF), count, nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < count; ++i) {
        if (!std::isfinite(points[i].x()) || !std::isfinite(points[i].y())
            || points[i].x() == HUGE_VAL)
            points[i] = QPointF(qQNaN(), qQNaN());
    }
}

void CoordinateTransform::forward(QPointF *points, std::size_t count) const
{
    apply(PJ_FWD, points, count);
}

void CoordinateTransform::inverse(QPointF *points, std::size_t count) const
{
    apply(PJ_INV, points, count);
}

QPointF CoordinateTransform::forward(QPointF p) const
{
    apply(PJ_FWD, &p, 1);
    return p;
}

QPointF CoordinateTransform::inverse(QPointF p) const
{
    apply(PJ_INV, &p, 1);
    return p;
}

} // namespace dv
