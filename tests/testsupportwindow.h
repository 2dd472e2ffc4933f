// Test helpers that need the whole application: the real main window.
#pragma once

#include "testsupport.h"

#include "mainwindow.h"

#include <QSignalSpy>
#include <QTest>

namespace dvtest {

// Shows the real main window and waits until the bundled province is on the map.
inline bool openMainWindow(dv::MainWindow &window)
{
    QSignalSpy loaded(&window, &dv::MainWindow::provinceLoaded);
    window.show();
    window.loadProvinceData();
    return QTest::qWaitForWindowExposed(&window) && (loaded.count() == 1 || loaded.wait(20000));
}

} // namespace dvtest
