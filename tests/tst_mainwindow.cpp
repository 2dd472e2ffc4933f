// The desk window's own work: a projection switch and a map export that leave the window free.
#include "testsupportwindow.h"

#include "appsettings.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "settingsdialog.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QImageReader>
#include <QScreen>
#include <QSettings>
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
    void relaunchUsesTheSavedLanguage();
    void windowStateComesBack();

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

// Preferences › English, restart: the relaunch must not carry the first start's --lang zh_CN,
// or the saved English never applies.
void TestMainWindow::relaunchUsesTheSavedLanguage()
{
    const QStringList first = { QStringLiteral("--lang"), QStringLiteral("zh_CN"),
        QStringLiteral("--store"), QStringLiteral("sqlite:/tmp/x.sqlite"),
        QStringLiteral("--lang=zh_CN"), QStringLiteral("a.geojson") };
    QCOMPARE(SettingsDialog::relaunchArguments(first),
        QStringList({ QStringLiteral("--store"), QStringLiteral("sqlite:/tmp/x.sqlite"),
            QStringLiteral("a.geojson") }));
}

// The first start fills the screen; after that the window comes back as it was closed: size,
// and which docks were shown.
void TestMainWindow::windowStateComesBack()
{
    QSettings().remove(QStringLiteral("window"));
    {
        MainWindow window;
        // Maximised where the screen has room beyond the default 1400×900 (not offscreen's
        // 800×600).
        const QSize screen = QGuiApplication::primaryScreen()->availableSize();
        QCOMPARE(bool(window.windowState() & Qt::WindowMaximized),
            screen.width() > 1400 && screen.height() > 900);
        QVERIFY(dvtest::openMainWindow(window));
        window.setWindowState(Qt::WindowNoState);
        window.setGeometry(40, 50, 1100, 700);
        auto *layers = window.findChild<QDockWidget *>(QStringLiteral("layersDock"));
        QVERIFY(layers && layers->isVisible());
        layers->hide();
        QTRY_VERIFY(!layers->isVisible());
        window.close();
    }
    {
        MainWindow window;
        QVERIFY(!(window.windowState() & Qt::WindowMaximized));
        QVERIFY(dvtest::openMainWindow(window));
        QCOMPARE(window.size(), QSize(1100, 700));
        auto *layers = window.findChild<QDockWidget *>(QStringLiteral("layersDock"));
        QVERIFY(layers && !layers->isVisible());
        window.close();
    }
    QSettings().remove(QStringLiteral("window")); // the other tests' windows start fresh
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
