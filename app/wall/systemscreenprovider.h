// The wall's monitors as QGuiApplication has them.
#pragma once

#include "screenprovider.h"

namespace dv {

// QGuiApplication's screens.
class SystemScreenProvider : public ScreenProvider {
    Q_OBJECT
public:
    explicit SystemScreenProvider(QObject *parent = nullptr);
    QList<QRect> geometries() const override;
    QScreen *screen(int index) const override;

private:
    void watch(QScreen *screen);
};

} // namespace dv
