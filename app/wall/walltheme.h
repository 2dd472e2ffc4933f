// The wall's look: dark, high contrast, every size a fraction of the screen height.
#pragma once

#include <QColor>
#include <QFont>

namespace dv {

// One unit is a hundredth of the height, so 1920×1080 and 3840×2160 read the same from the back
// of the room. No text is smaller than kMinimumText of the height.
class WallTheme {
public:
    static constexpr double kMinimumText = 0.022;

    explicit WallTheme(int height) : mUnit(height / 100.0) {}
    double unit() const { return mUnit; }
    double minimumPixelSize() const { return kMinimumText * 100 * mUnit; }
    // A font of px pixels (never below the minimum); Chinese first (Noto Sans CJK SC).
    QFont font(double px, bool bold = false) const;

    static QColor background() { return QColor(0x0b, 0x12, 0x1c); }
    static QColor panel() { return QColor(0x16, 0x22, 0x33); }
    static QColor text() { return QColor(0xf2, 0xf5, 0xf8); }
    static QColor mutedText() { return QColor(0xb8, 0xc4, 0xd2); } // still 9:1 on the background
    static QColor accent() { return QColor(0x4f, 0xc3, 0xf7); }
    static QColor good() { return QColor(0x66, 0xdd, 0x88); }
    static QColor warning() { return QColor(0xff, 0xc1, 0x40); }
    static QColor critical() { return QColor(0xff, 0x52, 0x52); }
    static QColor criticalBanner() { return QColor(0xb7, 0x1c, 0x1c); }

private:
    double mUnit;
};

} // namespace dv
