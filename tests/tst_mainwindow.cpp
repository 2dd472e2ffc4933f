// The desk window's own work: a projection switch and a map export that leave the window free.
#include "testsupportwindow.h"

#include "appsettings.h"
#include "layerstack.h"
#include "mapcanvas.h"

#include <QAction>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void projectionSwitchRunsBehindTheMap();
    void exportWritesTheMapOnAWorker();

private:
    QString mSavedCrs;
};

void TestMainWindow::initTestCase()
{
    mSavedCrs = AppSettings::displayCrsId();
    AppSettings::setDisplayCrsId(DisplayCrs::defaultCrs().id());
}

void TestMainWindow::cleanupTestCase()
{
    AppSettings::setDisplayCrsId(mSavedCrs);
}

// View > Map projection: the choice returns at once with the map still in the old projection;
// the layers, the canvas and the saved setting change when the worker is done.
void TestMainWindow::projectionSwitchRunsBehindTheMap()
{
    MainWindow window;
    QVERIFY(dvtest::openMainWindow(window));
    const DisplayCrs before = window.layers()->displayCrs();
    QCOMPARE(before, DisplayCrs::defaultCrs());
    DisplayCrs target;
    QAction *choice = nullptr;
    for (QAction *a : window.findChildren<QAction *>()) {
        const DisplayCrs crs = DisplayCrs::byId(a->data().toString());
        if (a->isCheckable() && crs.isValid() && crs != before && !choice) {
            choice = a;
            target = crs;
        }
    }
    QVERIFY(choice);

    QSignalSpy changed(window.layers(), &LayerStack::displayCrsChanged);
    choice->trigger();
    QVERIFY(window.isReprojecting());
    QCOMPARE(window.layers()->displayCrs(), before);
    for (const auto &layer : window.layers()->layers())
        QCOMPARE(layer->projected()->crs(), before);
    QCOMPARE(window.canvas()->currentSettings().crs(), before);
    QVERIFY(choice->isChecked()); // the menu shows the choice while it is computed

    QTRY_VERIFY_WITH_TIMEOUT(!window.isReprojecting(), 30000);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(window.layers()->displayCrs(), target);
    for (const auto &layer : window.layers()->layers())
        QCOMPARE(layer->projected()->crs(), target);
    QCOMPARE(window.canvas()->currentSettings().crs(), target);
    QCOMPARE(AppSettings::displayCrsId(), target.id());
    QVERIFY(window.layers()->homeExtent().isValid());
}

// File > Export map image: the PNG is twice the canvas's pixels and appears whole.
void TestMainWindow::exportWritesTheMapOnAWorker()
{
    MainWindow window;
    QVERIFY(dvtest::openMainWindow(window));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.png"));
    const QSize shown = window.canvas()->currentSettings().outputSize();
    QSignalSpy written(&window, &MainWindow::mapImageWritten);
    window.writeMapImage(path);
    QVERIFY(written.wait(30000));
    QCOMPARE(written.first().at(0).toString(), path);
    QVERIFY2(
        written.first().at(1).toString().isEmpty(), qPrintable(written.first().at(1).toString()));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), shown * 2);
    // Nothing but the PNG in the folder: QSaveFile's temporary file is gone.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("map.png") });
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
