// The county indicators in the window: the indicator map panel, the tables dock, import, export.
#include "indicatorworkspace.h"

#include "appsettings.h"
#include "chinatime.h"
#include "choroplethcontrols.h"
#include "countydirectory.h"
#include "countyprofile.h"
#include "importpreview.h"
#include "indicatorcatalogue.h"
#include "indicatorexporter.h"
#include "indicatorimporter.h"
#include "indicatorstore.h"
#include "indicatortablemodel.h"
#include "indicatortableview.h"
#include "indicatortrendchart.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "storereader.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dv {

namespace {

// What a store call answered: ok, or the store's message.
template <typename T> struct Outcome {
    std::optional<T> value;
    QString error;
};

} // namespace

IndicatorWorkspace::IndicatorWorkspace(MapCanvas *canvas, LayerStack *layers, QObject *parent)
    : QObject(parent)
    , mCanvas(canvas)
    , mLayers(layers)
{
}

IndicatorWorkspace::~IndicatorWorkspace() = default;

bool IndicatorWorkspace::open(const QString &storeSpec, QString *error)
{
    auto counties = CountyDirectory::loadBundled(error);
    if (!counties)
        return false;
    mCounties = std::make_unique<CountyDirectory>(std::move(*counties));
    mReader = new StoreReader(storeSpec, this);
    // A first start writes the bundled sample: seconds on a server, so in the background.
    mReader->submit(
        this,
        [](StoreSet &stores) {
            Outcome<bool> out;
            if (IndicatorStore *store = stores.indicators(&out.error))
                out.value
                    = IndicatorStore::ensureSampleDataIfOwn(*store, stores.spec(), &out.error);
            return out;
        },
        [this](const Outcome<bool> &written) {
            if (!written.value) {
                emit statusMessage(
                    tr("County indicators cannot be shown: %1").arg(written.error), 0);
                return;
            }
            mReady = true;
            reloadViews();
        });
    return true;
}

QWidget *IndicatorWorkspace::dialogParent() const
{
    return mCanvas ? mCanvas->window() : nullptr;
}

void IndicatorWorkspace::createDocks(QWidget *parent)
{
    mChoropleth = new ChoroplethControls(parent);
    mMapDock = new QDockWidget(tr("Indicator map"), parent);
    mMapDock->setObjectName(QStringLiteral("indicatorDock"));
    mMapDock->setWidget(mChoropleth);
    mChoropleth->setDataFunction(
        [this](const QString &id, int year) { return mapValues(id, year); });
    connect(
        mChoropleth, &ChoroplethControls::choroplethChanged, mCanvas, &MapCanvas::setChoropleth);
    connect(mChoropleth, &ChoroplethControls::cleared, mCanvas, &MapCanvas::clearChoropleth);
    createTables(parent);
    // One year on the map and in the table: changing either changes the other.
    connect(mChoropleth, &ChoroplethControls::yearChanged, mTable, &IndicatorTableView::setYear);
    connect(
        mTable, &IndicatorTableView::yearChosen, mChoropleth, &ChoroplethControls::setCurrentYear);
    if (mReady)
        reloadViews();
}

std::optional<QHash<QString, double>> IndicatorWorkspace::mapValues(
    const QString &indicatorId, int year)
{
    const QString key = QStringLiteral("%1/%2").arg(indicatorId).arg(year);
    const auto known = mMapValues.constFind(key);
    if (known != mMapValues.constEnd())
        return *known;
    if (mMapAsked == indicatorId || !mReader)
        return std::nullopt;
    // Every year of the indicator in one request: Play and classes over all years need them
    // all, and a store on a server answers one request sooner than seven.
    mMapAsked = indicatorId;
    QList<int> years = mChoropleth
        ? QList<int>(mChoropleth->years().cbegin(), mChoropleth->years().cend())
        : QList<int>();
    if (!years.contains(year))
        years.append(year);
    mReader->request(
        QStringLiteral("indicator-map"), this,
        [indicatorId, years](StoreSet &stores) {
            Outcome<QHash<int, QHash<QString, double>>> out;
            IndicatorStore *store = stores.indicators(&out.error);
            if (!store)
                return out;
            QHash<int, QHash<QString, double>> byYear;
            for (int y : years) {
                auto values = store->values(indicatorId, y, &out.error);
                if (!values)
                    return out;
                byYear.insert(y, *values);
            }
            out.value = byYear;
            return out;
        },
        [this, indicatorId, years](const Outcome<QHash<int, QHash<QString, double>>> &values) {
            if (!values.value)
                emit statusMessage(values.error, 5000);
            // A failed read shows the counties without data rather than asking forever.
            for (int y : years)
                mMapValues.insert(QStringLiteral("%1/%2").arg(indicatorId).arg(y),
                    values.value ? values.value->value(y) : QHash<QString, double>());
            if (mMapAsked == indicatorId)
                mMapAsked.clear();
            if (mChoropleth)
                mChoropleth->refresh();
        });
    return std::nullopt;
}

// Table, county profile and trend chart in one dock under the map, beside the sensors.
void IndicatorWorkspace::createTables(QWidget *parent)
{
    mTableModel = new IndicatorTableModel(*mCounties, this);
    mTable = new IndicatorTableView(mTableModel, mReader, parent);
    mProfile = new CountyProfile(mReader, *mCounties, parent);
    mTrendChart = new IndicatorTrendChart(mReader, *mCounties, parent);
    mTabs = new QTabWidget(parent);
    mTabs->addTab(mTable, tr("Table"));
    mTabs->addTab(mProfile, tr("County profile"));
    mTabs->addTab(mTrendChart, tr("Over the years"));
    mTablesDock = new QDockWidget(tr("County indicators"), parent);
    mTablesDock->setObjectName(QStringLiteral("indicatorTablesDock"));
    mTablesDock->setWidget(mTabs);
    // Tabified beside the sites, a shown dock would stay behind the active tab: bring it up.
    connect(mTablesDock->toggleViewAction(), &QAction::triggered, mTablesDock,
        [dock = mTablesDock](bool shown) {
            if (shown)
                dock->raise();
        });
    connect(mTable, &IndicatorTableView::countyActivated, this, [this](const QString &code) {
        mProfile->setCounty(code);
        mTrendChart->addCounty(code);
        mTabs->setCurrentWidget(mProfile);
    });
    connect(mProfile, &CountyProfile::indicatorActivated, this, [this](const QString &id) {
        if (id.isEmpty())
            return; // the composite index is not a stored indicator
        mTrendChart->setIndicator(id);
        mTabs->setCurrentWidget(mTrendChart);
    });
    // A county clicked on the map is the profile's county.
    connect(mCanvas, &MapCanvas::featureClicked, this, [this](const QString &layerId, int f) {
        if (layerId != QLatin1String("counties"))
            return;
        if (auto counties = mLayers->layer(layerId))
            mProfile->setCounty(counties->table().text(f, QStringLiteral("code")));
    });
}

void IndicatorWorkspace::showCountyProfile(const QString &countyCode)
{
    if (!mProfile)
        return;
    mProfile->setCounty(countyCode);
    mTabs->setCurrentWidget(mProfile);
    if (mTablesDock) {
        mTablesDock->show();
        mTablesDock->raise();
    }
}

void IndicatorWorkspace::refreshLists()
{
    if (!mChoropleth || !mReader)
        return;
    struct Lists {
        std::optional<std::vector<Indicator>> indicators;
        std::optional<QList<int>> years;
        bool sample = false;
        QString error;
    };
    mReader->request(
        QStringLiteral("indicator-lists"), this,
        [](StoreSet &stores) {
            Lists out;
            IndicatorStore *store = stores.indicators(&out.error);
            if (!store)
                return out;
            out.indicators = store->indicators(&out.error);
            out.years = out.indicators ? store->years(&out.error) : std::nullopt;
            if (out.years && !out.years->isEmpty())
                out.sample = store->hasSampleValues(out.years->last(), &out.error).value_or(false);
            return out;
        },
        [this](const Lists &lists) {
            if (!lists.indicators || !lists.years) {
                emit statusMessage(lists.error, 5000);
                return;
            }
            QVector<ChoroplethControls::Indicator> list;
            for (const Indicator &i : *lists.indicators)
                list.append({ i.id, i.displayName(), IndicatorCatalogue::displayUnit(i.unit),
                    i.decimals, i.higherIsBetter,
                    lists.sample ? tr("Sample data (示例数据)") : QString() });
            mChoropleth->setIndicators(list);
            mChoropleth->setYears(QVector<int>(lists.years->begin(), lists.years->end()));
        });
}

void IndicatorWorkspace::importFile()
{
    const QString path
        = QFileDialog::getOpenFileName(dialogParent(), tr("Import county indicators"),
            AppSettings::lastLayerDirectory(), tr("Tables (*.csv *.xlsx *.ods);;All files (*)"));
    if (path.isEmpty() || !mReader)
        return;
    AppSettings::setLastLayerDirectory(QFileInfo(path).absolutePath());
    mReader->request(
        QStringLiteral("indicator-import"), this,
        [](StoreSet &stores) {
            Outcome<std::vector<Indicator>> out;
            if (IndicatorStore *store = stores.indicators(&out.error))
                out.value = store->indicators(&out.error);
            return out;
        },
        [this, path](const Outcome<std::vector<Indicator>> &indicators) {
            if (!indicators.value) {
                QMessageBox::warning(
                    dialogParent(), tr("Import county indicators"), indicators.error);
                return;
            }
            const IndicatorImporter importer(*mCounties, *indicators.value);
            const ImportPreview preview = importer.preview(path);
            // The preview first: nothing is written unless every cell is right and the user
            // agrees.
            if (!preview.canCommit()) {
                QMessageBox box(QMessageBox::Warning, tr("Nothing imported"),
                    tr("%1 cannot be imported; nothing was written.")
                        .arg(QFileInfo(path).fileName()),
                    QMessageBox::Ok, dialogParent());
                box.setInformativeText(preview.summary());
                box.setDetailedText(preview.problemLines().join(QLatin1Char('\n')));
                box.exec();
                return;
            }
            if (QMessageBox::question(dialogParent(), tr("Import county indicators"),
                    tr("%1\n\nImport these values? The values they replace stay in the store's "
                       "history and can be restored.")
                        .arg(preview.summary()))
                != QMessageBox::Yes)
                return;
            emit statusMessage(tr("Importing…"), 0);
            mReader->submit(
                this,
                [preview](StoreSet &stores) {
                    Outcome<qint64> out;
                    if (IndicatorStore *store = stores.indicators(&out.error))
                        out.value = IndicatorImporter::commit(preview, *store, &out.error);
                    return out;
                },
                [this](const Outcome<qint64> &revision) {
                    if (!revision.value) {
                        emit statusMessage(QString(), 0);
                        QMessageBox::warning(
                            dialogParent(), tr("Nothing imported"), revision.error);
                        return;
                    }
                    reloadViews();
                    emit statusMessage(tr("Imported as revision %1").arg(*revision.value), 5000);
                });
        });
}

void IndicatorWorkspace::exportYear()
{
    if (!mTableModel || !mReader)
        return;
    if (mTableModel->rowCount() == 0) {
        QMessageBox::information(dialogParent(), tr("Export county indicators"),
            tr("The indicator table has no values to export yet."));
        return;
    }
    const QString path
        = QFileDialog::getSaveFileName(dialogParent(), tr("Export county indicators"),
            AppSettings::lastLayerDirectory()
                + QStringLiteral("/indicators-%1%2.xlsx")
                      .arg(mTableModel->year())
                      .arg(mTable && !mTable->prefectureFilter().isEmpty()
                              ? QLatin1Char('-') + mTable->prefectureFilter()
                              : QString()),
            tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void IndicatorWorkspace::exportTo(const QString &path)
{
    if (!mTableModel || !mReader)
        return;
    // What the table shows, its year and prefecture filter included, taken now on this
    // thread; written on the reader's worker, so the GUI thread never waits on the disk.
    const IndicatorExporter::Table table
        = IndicatorExporter::tableOf(*mTableModel, mTable ? mTable->prefectureFilter() : QString());
    mReader->submit(
        this,
        [table, path](StoreSet &) {
            Outcome<bool> out;
            out.value = IndicatorExporter::write(table, path, &out.error);
            return out;
        },
        [this, year = QString::number(mTableModel->year()), path](const Outcome<bool> &written) {
            const bool ok = written.value.value_or(false);
            if (!ok)
                QMessageBox::warning(dialogParent(), tr("Export failed"), written.error);
            else
                emit statusMessage(
                    tr("County indicators of %1 written to %2").arg(year, path), 5000);
            emit exported(path, ok);
        });
}

void IndicatorWorkspace::showRevisions()
{
    if (!mReader)
        return;
    mReader->request(
        QStringLiteral("indicator-revisions"), this,
        [](StoreSet &stores) {
            Outcome<std::vector<IndicatorRevision>> out;
            if (IndicatorStore *store = stores.indicators(&out.error))
                out.value = store->revisions(&out.error);
            return out;
        },
        [this](const Outcome<std::vector<IndicatorRevision>> &answer) {
            if (!answer.value) {
                QMessageBox::warning(dialogParent(), tr("Indicator revisions"), answer.error);
                return;
            }
            const std::vector<IndicatorRevision> &revisions = *answer.value;
            QDialog dialog(dialogParent());
            dialog.setWindowTitle(tr("Indicator revisions"));
            // On a shared store each revision names the role that made it.
            const bool signedRevisions = std::any_of(revisions.begin(), revisions.end(),
                [](const IndicatorRevision &r) { return !r.madeBy.isEmpty(); });
            QStringList headers { tr("Revision"), tr("Time"), tr("What"), tr("Values"),
                tr("Changed") };
            if (signedRevisions)
                headers << tr("By");
            auto *table = new QTableWidget(int(revisions.size()), int(headers.size()), &dialog);
            table->setHorizontalHeaderLabels(headers);
            table->verticalHeader()->hide();
            table->setSelectionBehavior(QAbstractItemView::SelectRows);
            table->setSelectionMode(QAbstractItemView::SingleSelection);
            table->setEditTriggers(QAbstractItemView::NoEditTriggers);
            int row = 0;
            for (const IndicatorRevision &r : revisions) {
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
                QStringList cells { QString::number(r.id),
                    r.created.toTimeZone(ChinaTime::zone())
                        .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    what, QString::number(r.valueCount), QString::number(r.changedCount) };
                if (signedRevisions)
                    cells << r.madeBy;
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
                        tr("Bring back the values as they were right after revision %1? This "
                           "is recorded as a new revision, so it can be undone.")
                            .arg(id))
                    != QMessageBox::Yes)
                    return;
                mReader->submit(
                    this,
                    [id](StoreSet &stores) {
                        Outcome<qint64> out;
                        if (IndicatorStore *store = stores.indicators(&out.error))
                            out.value = store->restoreRevision(id, &out.error);
                        return out;
                    },
                    [this, id](const Outcome<qint64> &made) {
                        if (!made.value) {
                            QMessageBox::warning(dialogParent(), tr("Not restored"), made.error);
                            return;
                        }
                        reloadViews();
                        emit statusMessage(
                            tr("Revision %1 restored as revision %2").arg(id).arg(*made.value),
                            5000);
                    });
                dialog.accept();
            });
            auto *layout = new QVBoxLayout(&dialog);
            layout->addWidget(table);
            layout->addWidget(buttons);
            dialog.resize(720, 360);
            dialog.exec();
        });
}

void IndicatorWorkspace::reloadViews()
{
    if (!mTable)
        return; // createDocks() reloads them
    mMapValues.clear();
    mMapAsked.clear();
    refreshLists();
    mTable->reload();
    mProfile->reload();
    mTrendChart->reload();
}

} // namespace dv
