// The county indicators in the window: the indicator map panel, the tables dock, import, export.
#include "indicatorworkspace.h"

#include "appsettings.h"
#include "choroplethcontrols.h"
#include "countydirectory.h"
#include "countyprofile.h"
#include "importpreview.h"
#include "indicatorexporter.h"
#include "indicatorimporter.h"
#include "indicatorstore.h"
#include "indicatortablemodel.h"
#include "indicatortableview.h"
#include "indicatortrendchart.h"
#include "layerstack.h"
#include "mapcanvas.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace dv {

IndicatorWorkspace::IndicatorWorkspace(QMainWindow *window, MapCanvas *canvas, LayerStack *layers)
    : QObject(window)
    , mWindow(window)
    , mCanvas(canvas)
    , mLayers(layers)
{
}

IndicatorWorkspace::~IndicatorWorkspace() = default;

bool IndicatorWorkspace::open(const QString &storeSpec, QString *error)
{
    mStore = IndicatorStore::create(storeSpec, error);
    auto counties = mStore ? CountyDirectory::loadBundled(error) : std::nullopt;
    if (!mStore || !counties || !mStore->ensureSampleData(error)) {
        mStore.reset();
        return false;
    }
    mCounties = std::make_unique<CountyDirectory>(std::move(*counties));
    return true;
}

void IndicatorWorkspace::createDocks(QDockWidget *tabifyWith, QMenu *viewMenu)
{
    mChoropleth = new ChoroplethControls(mWindow);
    auto *mapDock = new QDockWidget(tr("Indicator map"), mWindow);
    mapDock->setObjectName(QStringLiteral("indicatorDock"));
    mapDock->setWidget(mChoropleth);
    mWindow->addDockWidget(Qt::LeftDockWidgetArea, mapDock);
    viewMenu->addAction(mapDock->toggleViewAction());
    mChoropleth->setDataFunction([this](const QString &id, int year) {
        QString error;
        return mStore->values(id, year, &error).value_or(QHash<QString, double>());
    });
    connect(
        mChoropleth, &ChoroplethControls::choroplethChanged, mCanvas, &MapCanvas::setChoropleth);
    connect(mChoropleth, &ChoroplethControls::cleared, mCanvas, &MapCanvas::clearChoropleth);
    refreshLists();
    createTables(tabifyWith, viewMenu);
}

// Table, county profile and trend chart in one dock under the map, beside the sensors.
void IndicatorWorkspace::createTables(QDockWidget *tabifyWith, QMenu *viewMenu)
{
    mTableModel = new IndicatorTableModel(mStore.get(), *mCounties, this);
    mTable = new IndicatorTableView(mTableModel, mWindow);
    mProfile = new CountyProfile(mStore.get(), *mCounties, mWindow);
    mTrendChart = new IndicatorTrendChart(mStore.get(), *mCounties, mWindow);
    mTable->reload();
    mTrendChart->reload();
    auto *tabs = new QTabWidget(mWindow);
    tabs->addTab(mTable, tr("Table"));
    tabs->addTab(mProfile, tr("County profile"));
    tabs->addTab(mTrendChart, tr("Over the years"));
    auto *dock = new QDockWidget(tr("County indicators"), mWindow);
    dock->setObjectName(QStringLiteral("indicatorTablesDock"));
    dock->setWidget(tabs);
    mWindow->addDockWidget(Qt::BottomDockWidgetArea, dock);
    mWindow->tabifyDockWidget(tabifyWith, dock);
    dock->hide();
    viewMenu->addAction(dock->toggleViewAction());
    connect(mTable, &IndicatorTableView::countyActivated, this, [this, tabs](const QString &code) {
        mProfile->setCounty(code);
        mTrendChart->addCounty(code);
        tabs->setCurrentWidget(mProfile);
    });
    connect(mProfile, &CountyProfile::indicatorActivated, this, [this, tabs](const QString &id) {
        if (id.isEmpty())
            return; // the composite index is not a stored indicator
        mTrendChart->setIndicator(id);
        tabs->setCurrentWidget(mTrendChart);
    });
    // A county clicked on the map is the profile's county.
    connect(mCanvas, &MapCanvas::featureClicked, this, [this](const QString &layerId, int f) {
        if (layerId != QLatin1String("counties"))
            return;
        if (auto counties = mLayers->layer(layerId))
            mProfile->setCounty(counties->table().text(f, QStringLiteral("code")));
    });
}

void IndicatorWorkspace::refreshLists()
{
    QString error;
    const auto indicators = mStore->indicators(&error);
    const auto years = mStore->years(&error);
    if (!indicators || !years) {
        mWindow->statusBar()->showMessage(error, 5000);
        return;
    }
    const bool sample
        = !years->isEmpty() && mStore->hasSampleValues(years->last(), &error).value_or(false);
    QVector<ChoroplethControls::Indicator> list;
    for (const Indicator &i : *indicators)
        list.append({ i.id, i.displayName(), i.unit, i.decimals, i.higherIsBetter,
            sample ? tr("Sample data (示例数据)") : QString() });
    mChoropleth->setIndicators(list);
    mChoropleth->setYears(QVector<int>(years->begin(), years->end()));
}

void IndicatorWorkspace::importFile()
{
    const QString path = QFileDialog::getOpenFileName(mWindow, tr("Import county indicators"),
        AppSettings::lastLayerDirectory(), tr("Tables (*.csv *.xlsx *.ods);;All files (*)"));
    if (path.isEmpty())
        return;
    AppSettings::setLastLayerDirectory(QFileInfo(path).absolutePath());
    QString error;
    const auto indicators = mStore->indicators(&error);
    if (!indicators) {
        QMessageBox::warning(mWindow, tr("Import county indicators"), error);
        return;
    }
    const IndicatorImporter importer(*mCounties, *indicators);
    const ImportPreview preview = importer.preview(path);
    // The preview first: nothing is written unless every cell is right and the user agrees.
    if (!preview.canCommit()) {
        QMessageBox box(QMessageBox::Warning, tr("Nothing imported"),
            tr("%1 cannot be imported; nothing was written.").arg(QFileInfo(path).fileName()),
            QMessageBox::Ok, mWindow);
        box.setInformativeText(preview.summary());
        box.setDetailedText(preview.problemLines().join(QLatin1Char('\n')));
        box.exec();
        return;
    }
    if (QMessageBox::question(mWindow, tr("Import county indicators"),
            tr("%1\n\nImport these values? The values they replace stay in the store's "
               "history and can be restored.")
                .arg(preview.summary()))
        != QMessageBox::Yes)
        return;
    const auto revision = IndicatorImporter::commit(preview, *mStore, &error);
    if (!revision) {
        QMessageBox::warning(mWindow, tr("Nothing imported"), error);
        return;
    }
    reloadViews();
    mWindow->statusBar()->showMessage(tr("Imported as revision %1").arg(*revision), 5000);
}

void IndicatorWorkspace::exportYear()
{
    const int year = mChoropleth->currentYear();
    QString path = QFileDialog::getSaveFileName(mWindow, tr("Export county indicators"),
        AppSettings::lastLayerDirectory() + QStringLiteral("/indicators-%1.xlsx").arg(year),
        tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!IndicatorExporter::exportYear(*mStore, *mCounties, year, path, &error))
        QMessageBox::warning(mWindow, tr("Export failed"), error);
    else
        mWindow->statusBar()->showMessage(
            tr("County indicators of %1 written to %2").arg(year).arg(path), 5000);
}

void IndicatorWorkspace::showRevisions()
{
    QString error;
    const auto revisions = mStore->revisions(&error);
    if (!revisions) {
        QMessageBox::warning(mWindow, tr("Indicator revisions"), error);
        return;
    }
    QDialog dialog(mWindow);
    dialog.setWindowTitle(tr("Indicator revisions"));
    auto *table = new QTableWidget(int(revisions->size()), 5, &dialog);
    table->setHorizontalHeaderLabels(
        { tr("Revision"), tr("Time"), tr("What"), tr("Values"), tr("Changed") });
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    static const QTimeZone china("Asia/Shanghai");
    int row = 0;
    for (const IndicatorRevision &r : *revisions) {
        QString what;
        switch (r.kind) {
        case IndicatorRevision::Kind::Sample:
            what = tr("Sample data");
            break;
        case IndicatorRevision::Kind::Import:
            what = tr("Import of %1").arg(QFileInfo(r.source).fileName());
            break;
        case IndicatorRevision::Kind::Restore:
            what = tr("Restore of revision %1").arg(r.restoredFrom);
            break;
        }
        const QStringList cells { QString::number(r.id),
            r.created.toTimeZone(china).toString(QStringLiteral("yyyy-MM-dd HH:mm")), what,
            QString::number(r.valueCount), QString::number(r.changedCount) };
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(row, c, new QTableWidgetItem(cells[c]));
        ++row;
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QPushButton *restore
        = buttons->addButton(tr("Restore this state…"), QDialogButtonBox::ActionRole);
    restore->setEnabled(false);
    connect(table, &QTableWidget::itemSelectionChanged, &dialog,
        [table, restore] { restore->setEnabled(!table->selectedItems().isEmpty()); });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(restore, &QPushButton::clicked, &dialog, [&] {
        const qint64 id = table->item(table->currentRow(), 0)->text().toLongLong();
        if (QMessageBox::question(&dialog, tr("Restore"),
                tr("Bring back the values as they were right after revision %1? This is "
                   "recorded as a new revision, so it can be undone.")
                    .arg(id))
            != QMessageBox::Yes)
            return;
        QString problem;
        const auto made = mStore->restoreRevision(id, &problem);
        if (!made) {
            QMessageBox::warning(&dialog, tr("Not restored"), problem);
            return;
        }
        reloadViews();
        mWindow->statusBar()->showMessage(
            tr("Revision %1 restored as revision %2").arg(id).arg(*made), 5000);
        dialog.accept();
    });
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(720, 360);
    dialog.exec();
}

void IndicatorWorkspace::reloadViews()
{
    refreshLists();
    mTable->reload();
    mProfile->reload();
    mTrendChart->reload();
}

} // namespace dv
