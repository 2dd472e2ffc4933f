// The dashboard window: map in the middle, layers on the left, the selection on the right.
#include "mainwindow.h"
#include "aboutdialog.h"

#include "alertpanel.h"
#include "alertworkspace.h"
#include "appsettings.h"
#include "bundleddata.h"
#include "countysummary.h"
#include "dataqualitypanel.h"
#include "featureinfopanel.h"
#include "feedstatuslabel.h"
#include "imagefile.h"
#include "indicatorworkspace.h"
#include "layerimporter.h"
#include "layerloader.h"
#include "layerpanel.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "maprenderer.h"
#include "mapsearchbox.h"
#include "overviewpanel.h"
#include "overviewsource.h"
#include "reportlauncher.h"
#include "sensorhub.h"
#include "sensorworkspace.h"
#include "settingsdialog.h"
#include "sitepanel.h"
#include "siteworkspace.h"
#include "wallcontroller.h"
#include "wallsettings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace dv {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , mLayers(new LayerStack(this))
    , mCanvas(nullptr)
    , mCoordinates(new QLabel(this))
    , mScale(new QLabel(this))
    , mCrsLabel(new QLabel(this))
    , mAlertCount(new QLabel(this))
{
    setWindowTitle(tr("Guizhou Digital Village Dashboard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dvdash.svg")));
    setAcceptDrops(true);
    if (const DisplayCrs crs = DisplayCrs::byId(AppSettings::displayCrsId()); crs.isValid())
        mLayers->setDisplayCrs(crs);

    mCanvas = new MapCanvas(mLayers, this);
    mCanvas->setMapNote(AppSettings::mapNote());
    mCanvas->setLabelsEnabled(AppSettings::labelsEnabled());
    setCentralWidget(mCanvas);

    mLayerPanel = new LayerPanel(mLayers, this);
    auto *layerDock = new QDockWidget(tr("Layers"), this);
    layerDock->setObjectName(QStringLiteral("layersDock"));
    layerDock->setWidget(mLayerPanel);
    addDockWidget(Qt::LeftDockWidgetArea, layerDock);

    mInfo = new FeatureInfoPanel(this);
    auto *infoDock = new QDockWidget(tr("Selection"), this);
    infoDock->setObjectName(QStringLiteral("selectionDock"));
    infoDock->setWidget(mInfo);
    addDockWidget(Qt::RightDockWidgetArea, infoDock);

    mSensorWorkspace = new SensorWorkspace(mLayers, this);
    mSiteDock = new QDockWidget(tr("Sensors"), this);
    mSiteDock->setObjectName(QStringLiteral("sensorsDock"));
    mSiteDock->setWidget(mSensorWorkspace->sitePanel());
    addDockWidget(Qt::BottomDockWidgetArea, mSiteDock);
    mSiteDock->hide(); // opens when a site is selected

    mSearch = new MapSearchBox(mLayers, this);
    mImporter = new LayerImporter(mLayers, this, this);
    mSites = new SiteWorkspace(mLayers, this);
    mSites->setCanvas(mCanvas);
    createActions();

    mCoordinates->setMinimumWidth(180);
    statusBar()->addPermanentWidget(mAlertCount);
    statusBar()->addPermanentWidget(mSensorWorkspace->feedStatus());
    statusBar()->addPermanentWidget(mCoordinates);
    statusBar()->addPermanentWidget(mScale);
    statusBar()->addPermanentWidget(mCrsLabel);
    mCrsLabel->setText(mLayers->displayCrs().displayName());

    connect(mCanvas, &MapCanvas::cursorMoved, this, [this](const QGeoCoordinate &c) {
        mCoordinates->setText(
            tr("%1°E  %2°N").arg(c.longitude(), 0, 'f', 5).arg(c.latitude(), 0, 'f', 5));
    });
    connect(mCanvas, &MapCanvas::cursorLeft, mCoordinates, &QLabel::clear);
    connect(mCanvas, &MapCanvas::scaleChanged, this, [this](double denominator) {
        mScale->setText(tr("Scale 1:%L1").arg(qRound64(denominator)));
    });
    connect(mCanvas, &MapCanvas::featureClicked, this, &MainWindow::onFeatureClicked);
    connect(mCanvas, &MapCanvas::selectionCleared, mInfo, &FeatureInfoPanel::clear);
    connectCountySummary();
    connect(mSensorWorkspace->feedStatus(), &FeedStatusLabel::clicked, this, [this] {
        if (mQualityDock) {
            const bool wasHidden = !mQualityDock->isVisible();
            mQualityDock->show();
            mQualityDock->raise();
            if (wasHidden)
                resizeDocks({ mQualityDock }, { height() * 2 / 5 }, Qt::Vertical);
        }
    });
    connect(mCanvas, &MapCanvas::clusterClicked, this, [this](const QString &, int count) {
        statusBar()->showMessage(tr("%n sites here; zooming in", "", count), 3000);
    });
    connect(mSearch, &MapSearchBox::featureChosen, mCanvas, &MapCanvas::showFeature);
    connect(mSearch, &MapSearchBox::notFound, this, [this](const QString &text) {
        statusBar()->showMessage(tr("No county or site matches “%1”").arg(text), 5000);
    });
    connect(mLayerPanel, &LayerPanel::zoomToLayerRequested, this, &MainWindow::zoomToLayer);
    connect(mLayerPanel, &LayerPanel::removeLayerRequested, mLayers, &LayerStack::removeLayer);
    connect(mImporter, &LayerImporter::layerAdded, this, [this](const QString &id) {
        if (auto l = mLayers->layer(id))
            statusBar()->showMessage(
                tr("Added %1 (%L2 features)").arg(l->name()).arg(l->featureCount()), 5000);
    });
    connect(mImporter, &LayerImporter::cancelled, this, [this](const QString &path) {
        statusBar()->showMessage(
            tr("Loading %1 cancelled; the map is unchanged").arg(QFileInfo(path).fileName()), 5000);
    });
    connect(&mProvinceWatcher, &QFutureWatcher<LoadResult>::finished, this,
        &MainWindow::onProvinceLoaded);
    connect(mSensorWorkspace, &SensorWorkspace::started, this, &MainWindow::onSensorsStarted);
    connect(mSensorWorkspace, &SensorWorkspace::storeFailed, this, [this](const QString &error) {
        statusBar()->showMessage(error);
        QMessageBox::warning(this, tr("Sensor store not available"),
            tr("Live and historical sensor data cannot be shown:\n%1").arg(error));
    });
    connect(mSites, &SiteWorkspace::saved, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(mSites, &SiteWorkspace::failed, this,
        [this](const QString &error) { statusBar()->showMessage(error, 10000); });
    connect(mSites, &SiteWorkspace::sitesChanged, this, [this] {
        mSampleDataAction->setChecked(mSites->samplesShown());
        mSampleDataAction->setEnabled(mSites->isLoaded());
        mSitesAction->setEnabled(mSites->isLoaded());
        if (mAlerts) {
            mAlerts->setSiteVisibility(mSites->visibility()); // the samples' ids, once read
            mAlerts->reload(); // the markers find their sites in the new layer
        }
    });
    // Settings › Sample data hides the samples' alerts at once and pauses the simulator that
    // feeds them; the layer follows when the registry has answered.
    connect(mSites, &SiteWorkspace::samplesShownChanged, this, [this](bool shown) {
        mSensorWorkspace->setSamplesShown(shown);
        if (mAlerts)
            mAlerts->setSiteVisibility(mSites->visibility());
    });
    connect(mLayers, &LayerStack::displayCrsChanged, this, &MainWindow::showDisplayCrs);
    connect(mLayers, &LayerStack::displayCrsFailed, this,
        [this](const DisplayCrs &crs, const QString &error) {
            showDisplayCrs(mLayers->displayCrs());
            QMessageBox::warning(this, tr("Projection not available"),
                tr("%1 cannot be used: %2").arg(crs.displayName(), error));
        });
    connect(&mExportWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = mExportWatcher.result();
        emit mapImageWritten(mExportPath, error);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export failed"), error);
        else
            statusBar()->showMessage(
                tr("Map image written to %1").arg(QDir::toNativeSeparators(mExportPath)), 5000);
    });
    restoreWindowState();
}

// Geometry, docks and toolbars as the user left them. On the first start the window fills a
// screen larger than its default size (1400×900 left a third of 1920×1080 unused); a smaller
// screen keeps the default size as before.
void MainWindow::restoreWindowState()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QLatin1String(kGeometryKey)).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QSize defaultSize(1400, 900);
        resize(defaultSize);
        const QScreen *screen = QGuiApplication::primaryScreen();
        if (screen && screen->availableSize().width() > defaultSize.width()
            && screen->availableSize().height() > defaultSize.height())
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    // Docks made later (alerts, data quality, indicators) take their place in restoreDockWidget.
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
}

MainWindow::~MainWindow()
{
    mProvinceWatcher.waitForFinished();
    mExportWatcher.waitForFinished(); // the image is written whole before the window goes
    mSensorWorkspace->stop();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState(); // also before a relaunch for a new language
    // Everything received before closing is committed before the window goes.
    mSensorWorkspace->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::startSensors(const QString &storeSpec)
{
    mSensorWorkspace->start(storeSpec);
    mSites->start(storeSpec);
    mCanvas->setSiteEditingEnabled(true);
}

SensorHub *MainWindow::sensors() const
{
    return mSensorWorkspace->hub();
}

void MainWindow::onSensorsStarted()
{
    createAlertViews();
    mInfo->summary()->setAlertReader(mSensorWorkspace->reader());
    // New or closed alerts: the county shown counts them again.
    connect(mAlerts, &AlertWorkspace::countTextChanged, mInfo->summary(),
        [this] { mInfo->summary()->setAlertReader(mSensorWorkspace->reader()); });
    mRulesAction->setEnabled(true);

    mQualityDock = new QDockWidget(tr("Data quality"), this);
    mQualityDock->setObjectName(QStringLiteral("dataQualityDock"));
    mQualityDock->setWidget(mSensorWorkspace->qualityPanel());
    addDockWidget(Qt::BottomDockWidgetArea, mQualityDock);
    tabifyDockWidget(mSiteDock, mQualityDock);
    mQualityDock->hide();
    restoreDockWidget(mQualityDock);
    mViewMenu->addAction(mQualityDock->toggleViewAction());
    connect(mSensorWorkspace->qualityPanel(), &DataQualityPanel::acceptIntoSiteRequested, this,
        [this](const QStringList &keys) { mSites->chooseSiteForDevices(keys, this); });
    connect(mSites, &SiteWorkspace::devicesAccepted, mSensorWorkspace->hub(),
        &SensorHub::acceptDevices);
    emit sensorsStarted();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *add = file->addAction(tr("&Add layer…"), this, &MainWindow::addLayerDialog);
    add->setShortcut(QKeySequence::Open);
    QAction *exportImage
        = file->addAction(tr("&Export map image…"), this, &MainWindow::exportMapImage);
    exportImage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("&Report…"), this, [this] {
        ReportLauncher::show(this, mSensorWorkspace->reader(), mSites->samplesShown());
    });
    file->addSeparator();
    mImportIndicatorsAction = file->addAction(tr("&Import county indicators…"));
    mExportIndicatorsAction = file->addAction(tr("E&xport county indicators…"));
    mIndicatorRevisionsAction = file->addAction(tr("County indicator &revisions…"));
    mIndicatorRevisionsAction->setEnabled(false);
    mImportIndicatorsAction->setEnabled(false); // until the store is open
    mExportIndicatorsAction->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = mSites->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);
    QAction *redo = mSites->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(redo);
    edit->addSeparator();
    mSitesAction = edit->addAction(tr("&Sites…"), this, [this] { mSites->showManager(this); });
    mSitesAction->setEnabled(false); // until the store is open

    QMenu *view = mViewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &in"), mCanvas, &MapCanvas::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &out"), mCanvas, &MapCanvas::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *home = view->addAction(tr("Whole &province"), mCanvas, &MapCanvas::zoomToHome);
    home->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    view->addAction(mSiteDock->toggleViewAction());
    QAction *wall = view->addAction(tr("&Wall screen"), this, [this] {
        openWall(WallSettings::load());
    });
    wall->setShortcut(Qt::Key_F11);
    view->addSeparator();
    mLabelsAction = view->addAction(tr("County &names"));
    mLabelsAction->setCheckable(true);
    mLabelsAction->setChecked(AppSettings::labelsEnabled());
    connect(mLabelsAction, &QAction::toggled, this, [this](bool on) {
        mCanvas->setLabelsEnabled(on);
        AppSettings::setLabelsEnabled(on);
    });
    QMenu *crsMenu = view->addMenu(tr("Map &projection"));
    mCrsGroup = new QActionGroup(this);
    for (const DisplayCrs &crs : DisplayCrs::catalogue()) {
        QAction *a = crsMenu->addAction(crs.displayName());
        a->setCheckable(true);
        a->setChecked(crs == mLayers->displayCrs());
        a->setData(crs.id());
        mCrsGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, id = crs.id()] { setDisplayCrs(id); });
    }

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Preferences…"), this, &MainWindow::openSettings);
    mRulesAction = settings->addAction(tr("&Alert rules…"), this, [this] {
        if (mAlerts)
            mAlerts->editRules(this);
    });
    mRulesAction->setEnabled(false); // until the sensor store is open
    mSampleDataAction = settings->addAction(tr("&Sample data"));
    mSampleDataAction->setCheckable(true);
    mSampleDataAction->setToolTip(tr("Show the bundled sample sites (示例数据) on the map and in "
                                     "search"));
    mSampleDataAction->setEnabled(false); // until the registry is read
    connect(mSampleDataAction, &QAction::triggered, mSites, &SiteWorkspace::setSamplesShown);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, &MainWindow::showAbout);

    QToolBar *bar = addToolBar(tr("Map"));
    bar->setObjectName(QStringLiteral("mapToolBar"));
    bar->setMovable(false);
    bar->addAction(add);
    bar->addSeparator();
    bar->addAction(zoomIn);
    bar->addAction(zoomOut);
    bar->addAction(home);
    bar->addSeparator();
    bar->addWidget(mSearch);
}

void MainWindow::loadProvinceData()
{
    statusBar()->showMessage(tr("Loading the province map…"));
    mProvinceWatcher.setFuture(QtConcurrent::run([crs = mLayers->displayCrs()] {
        LoadResult result = BundledData::loadProvince();
        result.prepareForDisplay(crs);
        return result;
    }));
}

void MainWindow::onProvinceLoaded()
{
    LoadResult result = mProvinceWatcher.result();
    if (!result.ok()) {
        statusBar()->showMessage(result.error);
        QMessageBox::critical(this, tr("Province map missing"),
            tr("The bundled map data cannot be read:\n%1").arg(result.error));
        return;
    }
    for (std::size_t i = 0; i < result.layers.size(); ++i)
        mLayers->addLayer(result.layers[i], nullptr, result.searchIndexes.at(i));
    statusBar()->showMessage(tr("%L1 counties and %L2 sample sites loaded")
                                 .arg(mLayers->layer(QStringLiteral("counties"))->featureCount())
                                 .arg(mLayers->layer(QStringLiteral("sites"))->featureCount()),
        5000);
    emit provinceLoaded();
}

void MainWindow::addLayers(const QStringList &paths)
{
    mImporter->import(paths);
}

void MainWindow::addLayerDialog()
{
    const QStringList paths
        = QFileDialog::getOpenFileNames(this, tr("Add layer"), AppSettings::lastLayerDirectory(),
            LayerLoader::fileDialogFilters().join(QStringLiteral(";;")));
    if (paths.isEmpty())
        return;
    AppSettings::setLastLayerDirectory(QFileInfo(paths.first()).absolutePath());
    addLayers(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    // Unsupported files still go through the loader: it says why they cannot be read.
    addLayers(paths);
    event->acceptProposedAction();
}

void MainWindow::exportMapImage()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export map image"),
        AppSettings::lastLayerDirectory() + QStringLiteral("/guizhou-map.png"),
        tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    writeMapImage(path);
}

// A 2x render of the province takes longer than a frame: it and the write run on a worker,
// from a copy of the view, while the window goes on.
void MainWindow::writeMapImage(const QString &path)
{
    if (mExportWatcher.isRunning()) {
        statusBar()->showMessage(
            tr("Still writing %1").arg(QDir::toNativeSeparators(mExportPath)), 5000);
        return;
    }
    MapSettings settings = mCanvas->currentSettings();
    settings.setDevicePixelRatio(2.0); // print-quality pixels at the on-screen layout
    mExportPath = path;
    statusBar()->showMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    mExportWatcher.setFuture(QtConcurrent::run([settings, path] {
        QString error;
        ImageFile::write(MapRenderer::renderImage(settings), path, "png", &error);
        return error;
    }));
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool restartNeeded = dialog.save();
    if (!dialog.keychainProblem().isEmpty())
        QMessageBox::warning(this, tr("Password not saved"), dialog.keychainProblem());
    mCanvas->setMapNote(AppSettings::mapNote());
    mLabelsAction->setChecked(AppSettings::labelsEnabled());
    setDisplayCrs(dialog.displayCrsId());
    if (restartNeeded
        && QMessageBox::question(this, tr("Restart needed"),
               tr("The new language or data source applies after a restart. Restart now?"))
            == QMessageBox::Yes) {
        // Without the old --lang: the language just chosen must win over the one this
        // window was started with.
        QProcess::startDetached(QCoreApplication::applicationFilePath(),
            SettingsDialog::relaunchArguments(QCoreApplication::arguments().mid(1)));
        qApp->closeAllWindows();
    }
}

void MainWindow::createAlertViews()
{
    mAlerts = new AlertWorkspace(mSensorWorkspace->reader(), mLayers, this);
    mAlerts->setSensorHub(mSensorWorkspace->hub());
    mAlerts->setCanvas(mCanvas);
    mAlerts->setSiteVisibility(mSites->visibility());
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        mTray = new QSystemTrayIcon(windowIcon(), this);
        mTray->setToolTip(windowTitle());
        mTray->show();
        mAlerts->setTrayIcon(mTray);
    }
    mAlertDock = new QDockWidget(tr("Alerts"), this);
    mAlertDock->setObjectName(QStringLiteral("alertsDock"));
    mAlertDock->setWidget(mAlerts->panel());
    addDockWidget(Qt::BottomDockWidgetArea, mAlertDock);
    tabifyDockWidget(mSiteDock, mAlertDock);
    mAlertDock->hide();
    restoreDockWidget(mAlertDock);
    mViewMenu->addAction(mAlertDock->toggleViewAction());
    if (mWall)
        mWall->setAlerts(mAlerts);

    mAlertCount->setText(mAlerts->countText());
    connect(mAlerts, &AlertWorkspace::countTextChanged, mAlertCount, &QLabel::setText);
    connect(mAlertCount, &QLabel::linkActivated, this, [this] {
        mAlertDock->show();
        mAlertDock->raise();
    });
    connect(mAlerts, &AlertWorkspace::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(mAlerts, &AlertWorkspace::siteActivated, this, [this](const QString &id, int feature) {
        // The alert's site: selected on the map, its chart opened. By id: the registry may
        // have rebuilt the layer since the alert list numbered its sites.
        if (const auto sites = mLayers->layer(QStringLiteral("sites"))) {
            feature = -1;
            for (int f = 0; f < sites->featureCount() && feature < 0; ++f) {
                if (sites->table().text(f, QStringLiteral("site_id")) == id)
                    feature = f;
            }
        }
        if (feature < 0)
            return;
        mCanvas->showFeature(QStringLiteral("sites"), feature);
        onFeatureClicked(QStringLiteral("sites"), feature);
    });
    mAlerts->reload();
}

void MainWindow::startIndicators(const QString &storeSpec)
{
    mIndicatorSpec = storeSpec.isEmpty() ? AppSettings::defaultStoreSpec() : storeSpec;
    // Once the map is loaded (its frame renders on a worker meanwhile), and before the sensor
    // feed starts seeding: two writers at once would make one wait for the other.
    if (!mLayers->layer(QStringLiteral("counties"))) {
        connect(
            this, &MainWindow::provinceLoaded, this, [this] { startIndicators(mIndicatorSpec); },
            Qt::SingleShotConnection);
        return;
    }
    createOverview();
    auto workspace = new IndicatorWorkspace(mCanvas, mLayers, this);
    QString error;
    if (!workspace->open(mIndicatorSpec, &error)) {
        delete workspace;
        statusBar()->showMessage(tr("County indicators cannot be shown: %1").arg(error));
        return;
    }
    mIndicators = workspace;
    mInfo->summary()->setIndicatorReader(mIndicators->reader(), mIndicators->counties());
    connect(mIndicators, &IndicatorWorkspace::statusMessage, statusBar(), &QStatusBar::showMessage);
    mIndicators->createDocks(this);
    addDockWidget(Qt::LeftDockWidgetArea, mIndicators->mapDock());
    mViewMenu->addAction(mIndicators->mapDock()->toggleViewAction());
    addDockWidget(Qt::BottomDockWidgetArea, mIndicators->tablesDock());
    tabifyDockWidget(mSiteDock, mIndicators->tablesDock());
    mIndicators->tablesDock()->hide();
    restoreDockWidget(mIndicators->mapDock());
    restoreDockWidget(mIndicators->tablesDock());
    mViewMenu->addAction(mIndicators->tablesDock()->toggleViewAction());
    connect(
        mImportIndicatorsAction, &QAction::triggered, mIndicators, &IndicatorWorkspace::importFile);
    connect(
        mExportIndicatorsAction, &QAction::triggered, mIndicators, &IndicatorWorkspace::exportYear);
    connect(mIndicatorRevisionsAction, &QAction::triggered, mIndicators,
        &IndicatorWorkspace::showRevisions);
    mImportIndicatorsAction->setEnabled(true);
    mExportIndicatorsAction->setEnabled(true);
    mIndicatorRevisionsAction->setEnabled(true);
}

// Reprojecting the province takes seconds: it runs on a worker and the map shows the old
// projection meanwhile; a second choice before it is done wins.
void MainWindow::setDisplayCrs(const QString &id)
{
    const DisplayCrs crs = DisplayCrs::byId(id);
    if (!crs.isValid())
        return;
    for (QAction *a : mCrsGroup->actions())
        a->setChecked(a->data().toString() == crs.id());
    mLayers->requestDisplayCrs(crs);
    if (mLayers->pendingDisplayCrs().isValid()) {
        mCrsMessage = tr("Projecting the map into %1…").arg(crs.displayName());
        statusBar()->showMessage(mCrsMessage);
    }
}

void MainWindow::showDisplayCrs(const DisplayCrs &crs)
{
    if (!mCrsMessage.isEmpty() && statusBar()->currentMessage() == mCrsMessage)
        statusBar()->clearMessage();
    mCrsMessage.clear();
    AppSettings::setDisplayCrsId(crs.id());
    mCrsLabel->setText(crs.displayName());
    for (QAction *a : mCrsGroup->actions())
        a->setChecked(a->data().toString() == crs.id());
}

bool MainWindow::isReprojecting() const
{
    return mLayers->pendingDisplayCrs().isValid();
}

void MainWindow::onFeatureClicked(const QString &layerId, int feature)
{
    auto layer = mLayers->layer(layerId);
    if (!layer)
        return;
    mInfo->showFeature(*layer, feature);
    if (layer->role() == LayerRole::Counties)
        mInfo->summary()->showCounty(
            *layer, feature, mLayers->layer(QStringLiteral("sites")).get());
    if (layer->role() == LayerRole::Sites && mSensorWorkspace->showSite(*layer, feature)) {
        if (!mSiteDock->isVisible()) {
            mSiteDock->show();
            // Charts need height: a third of the window, the map keeps the rest.
            resizeDocks({ mSiteDock }, { height() * 2 / 5 }, Qt::Vertical);
        }
        mSiteDock->raise();
    }
}

// A county's summary links to the lists behind its figures: the sites on the map, the alert
// list filtered to the county, the county's indicator profile.
void MainWindow::connectCountySummary()
{
    CountySummary *summary = mInfo->summary();
    connect(summary, &CountySummary::sitesRequested, this, [this](const QString &code) {
        const auto sites = mLayers->layer(QStringLiteral("sites"));
        const auto counties = mLayers->layer(QStringLiteral("counties"));
        if (!sites || !sites->projected() || !counties || !counties->projected())
            return;
        QRectF county;
        for (int f = 0; f < counties->featureCount(); ++f) {
            if (counties->table().text(f, QStringLiteral("code")) == code)
                county = counties->projected()->bounds(f);
        }
        double left = qInf(), top = qInf(), right = -qInf(), bottom = -qInf();
        for (int f = 0; f < sites->featureCount(); ++f) {
            if (sites->table().text(f, QStringLiteral("county_code")) != code)
                continue;
            const QPointF p = sites->projected()->anchor(f);
            left = std::min(left, p.x());
            right = std::max(right, p.x());
            top = std::min(top, p.y());
            bottom = std::max(bottom, p.y());
        }
        if (left > right || county.isNull())
            return;
        // The sites with room around them: at least a sixth of the county on each side.
        const double margin = std::max(0.15 * std::max(right - left, bottom - top),
            std::max(county.width(), county.height()) / 6);
        mLayers->setLayerVisible(QStringLiteral("sites"), true);
        mCanvas->flyToRect(QRectF(QPointF(left, top), QPointF(right, bottom))
                               .adjusted(-margin, -margin, margin, margin));
    });
    connect(summary, &CountySummary::alertsRequested, this,
        [this](const QString &, const QString &name) {
            if (!mAlerts || !mAlertDock)
                return;
            mAlerts->panel()->setTextFilter(name);
            mAlertDock->show();
            mAlertDock->raise();
        });
    connect(summary, &CountySummary::indicatorsRequested, this, [this](const QString &code) {
        if (mIndicators)
            mIndicators->showCountyProfile(code);
    });
    // Settings › Sample data: the county shown counts the sites and warnings on show.
    const auto followSites = [this, summary] {
        summary->setSiteVisibility(mSites->visibility());
        const auto counties = mLayers->layer(QStringLiteral("counties"));
        for (int f = 0;
             counties && !summary->countyCode().isEmpty() && f < counties->featureCount(); ++f) {
            if (counties->table().text(f, QStringLiteral("code")) == summary->countyCode()) {
                summary->showCounty(*counties, f, mLayers->layer(QStringLiteral("sites")).get());
                break;
            }
        }
    };
    connect(mSites, &SiteWorkspace::samplesShownChanged, summary,
        [summary, this] { summary->setSiteVisibility(mSites->visibility()); });
    connect(mSites, &SiteWorkspace::sitesChanged, summary, followSites);
}

void MainWindow::zoomToLayer(const QString &layerId)
{
    if (auto layer = mLayers->layer(layerId); layer && layer->projected())
        mCanvas->flyToRect(layer->projected()->extent());
}

void MainWindow::showAbout()
{
    AboutDialog(this).exec();
}

// The overview beside the map, tabbed with the selection and shown first: the figures an
// official asks for before anything is selected.
void MainWindow::createOverview()
{
    if (mOverview)
        return;
    mOverview = new OverviewSource(mIndicatorSpec, this);
    // Sample data hidden leaves the samples out of the counts, as it leaves them off the map.
    mOverview->followSites(mSites, mLayers);
    mOverviewPanel = new OverviewPanel;
    mOverviewDock = new QDockWidget(tr("Overview"), this);
    mOverviewDock->setObjectName(QStringLiteral("overviewDock"));
    mOverviewDock->setWidget(mOverviewPanel);
    addDockWidget(Qt::RightDockWidgetArea, mOverviewDock);
    if (auto selection = findChild<QDockWidget *>(QStringLiteral("selectionDock")))
        tabifyDockWidget(selection, mOverviewDock);
    if (!restoreDockWidget(mOverviewDock))
        mOverviewDock->raise();
    mViewMenu->addAction(mOverviewDock->toggleViewAction());
    connect(mOverview, &OverviewSource::figuresChanged, this,
        [this] { mOverviewPanel->setFigures(mOverview->figures(), mOverview->focusName()); });
    // The indicators follow the county or prefecture selected on the map; clearing the
    // selection, or the panel's button, goes back to the province.
    connect(mOverview, &OverviewSource::focusChanged, mOverviewPanel, [this](const QString &code) {
        mOverviewPanel->setFocus(mOverview->nameOf(code), OverviewSource::isProvince(code));
    });
    connect(mCanvas, &MapCanvas::featureClicked, mOverview, [this](const QString &layerId, int feature) {
        if (const auto layer = mLayers->layer(layerId)) {
            if (const QString code = OverviewSource::focusOf(*layer, feature); !code.isEmpty())
                mOverview->setFocus(code);
        }
    });
    const auto province = [this] { mOverview->setFocus(QStringLiteral("52")); };
    connect(mCanvas, &MapCanvas::selectionCleared, mOverview, province);
    connect(mOverviewPanel, &OverviewPanel::provinceRequested, mOverview, province);
    // A figure opens the list behind it: warnings the alert list, indicators their tables,
    // the live counts the data-quality list of devices.
    connect(mOverviewPanel, &OverviewPanel::figureActivated, this, [this](OverviewFigures::Key key) {
        QDockWidget *dock = mQualityDock;
        switch (key) {
        case OverviewFigures::CriticalWarnings:
        case OverviewFigures::Warnings:
        case OverviewFigures::FeversToday:
        case OverviewFigures::TeaGardensFrost:
        case OverviewFigures::TeaGardensDrought:
            dock = mAlertDock;
            break;
        default:
            if (OverviewFigures::isIndicator(key) && mIndicators)
                dock = mIndicators->tablesDock();
        }
        if (dock) {
            dock->show();
            dock->raise();
        }
    });
}

WallController *MainWindow::wall() const
{
    return mWall;
}

void MainWindow::openWall(const WallSettings &settings)
{
    if (mWall)
        return;
    if (!mLayers->layer(QStringLiteral("counties")) || mIndicatorSpec.isEmpty()) {
        connect(
            this, &MainWindow::provinceLoaded, this,
            [this, settings] { QTimer::singleShot(0, this, [this, settings] { openWall(settings); }); },
            Qt::SingleShotConnection);
        return;
    }
    mWall = new WallController(settings, mIndicatorSpec, mLayers, mCanvas, nullptr, this);
    mWall->overview()->followSites(mSites, mLayers);
    mWall->setAlerts(mAlerts);
    mWall->show();
}

} // namespace dv
