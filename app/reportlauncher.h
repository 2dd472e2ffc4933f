// File › Report…: opens the report dialog with the window's settings.
#pragma once

#include <QCoreApplication>

class QWidget;

namespace dv {

class StoreReader;

// The dialog itself knows nothing of the preferences: this gives it the office name, map note,
// report language and whether sample sites show, and remembers the county chosen last.
class ReportLauncher {
    Q_DECLARE_TR_FUNCTIONS(dv::ReportLauncher)
public:
    // reader: the window's store reader, nullptr while the store is not open yet.
    static void show(QWidget *window, StoreReader *reader, bool sampleSitesShown);
};

} // namespace dv
