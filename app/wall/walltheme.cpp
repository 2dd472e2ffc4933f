// The wall's look: dark, high contrast, every size a fraction of the screen height.
#include "walltheme.h"

#include <algorithm>
#include <cmath>

namespace dv {

QFont WallTheme::font(double px, bool bold) const
{
    QFont f;
    f.setFamilies({ QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
        QStringLiteral("Microsoft YaHei"), QStringLiteral("WenQuanYi Micro Hei"),
        QStringLiteral("DejaVu Sans") });
    f.setPixelSize(std::max(1, int(std::ceil(std::max(px, minimumPixelSize()) - 1e-9))));
    f.setBold(bold);
    return f;
}

} // namespace dv
