// The monitors a wall can go to, and word when one comes, goes or changes resolution.
#pragma once

#include <QList>
#include <QObject>
#include <QRect>

class QScreen;

namespace dv {

// The wall asks this instead of QGuiApplication, so a test can unplug a projector.
class ScreenProvider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Geometries in the system's order (the primary first where the platform says so).
    virtual QList<QRect> geometries() const = 0;
    // The real screen for an index; nullptr for a test double.
    virtual QScreen *screen(int index) const = 0;

    // 1-based requested screen, 0 for automatic: the second of two or more, else the first; a
    // requested screen that is not there gives the automatic choice. -1 when there is none.
    static int choose(int count, int requested);

signals:
    // A screen was added or removed, or one changed its geometry.
    void screensChanged();
};

} // namespace dv
