// The wall's monitors as QGuiApplication has them.
#include "systemscreenprovider.h"

#include <QGuiApplication>
#include <QScreen>

namespace dv {

SystemScreenProvider::SystemScreenProvider(QObject *parent)
    : ScreenProvider(parent)
{
    for (QScreen *s : QGuiApplication::screens())
        watch(s);
    connect(qApp, &QGuiApplication::screenAdded, this, [this](QScreen *s) {
        watch(s);
        emit screensChanged();
    });
    // Emitted before the screen is gone from screens(): look again once it is.
    connect(qApp, &QGuiApplication::screenRemoved, this,
        [this] { QMetaObject::invokeMethod(this, &ScreenProvider::screensChanged, Qt::QueuedConnection); });
    connect(qApp, &QGuiApplication::primaryScreenChanged, this, &ScreenProvider::screensChanged);
}

void SystemScreenProvider::watch(QScreen *screen)
{
    connect(screen, &QScreen::geometryChanged, this, &ScreenProvider::screensChanged);
}

QList<QRect> SystemScreenProvider::geometries() const
{
    QList<QRect> out;
    for (QScreen *s : QGuiApplication::screens())
        out << s->geometry();
    return out;
}

QScreen *SystemScreenProvider::screen(int index) const
{
    return QGuiApplication::screens().value(index);
}

} // namespace dv
