// SVG point symbols rendered once per size and pixel ratio, shared by all render threads.
#pragma once

#include <QImage>
#include <QString>

namespace dv {

class SymbolCache {
public:
    // The icon at `size` logical pixels for a painter with the given device pixel ratio.
    static QImage icon(const QString &svgPath, double size, qreal devicePixelRatio);
};

} // namespace dv
