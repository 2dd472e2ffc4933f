// The county indicators in the window: the indicator map panel, the tables dock, import, export.
#include "indicatorworkspace.h"

#include "appsettings.h"
#include "chinatime.h"
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
#include "storereader.h"

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
                out.value = store->ensureSampleData(&out.error);
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
    if (mMapAsked == key || !mReader)
        return std::nullopt;
    mMapAsked = key;
    mReader->request(
        QStringLiteral("indicator-map"), this,
        [indicatorId, year](StoreSet &stores) {
            Outcome<QHash<QString, double>> out;
            if (IndicatorStore *store = stores.indicators(&out.error))
                out.value = store->values(indicatorId, year, &out.error);
            return out;
        },
        [this, key](const Outcome<QHash<QString, double>> &values) {
            if (!values.value)
                emit statusMessage(values.error, 5000);
            // A failed read shows the counties without data rather than asking forever.
            mMapValues.insert(key, values.value.value_or(QHash<QString, double>()));
            if (mMapAsked == key)
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
                list.append({ i.id, i.displayName(), i.unit, i.decimals, i.higherIsBetter,
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
    if (!mChoropleth || !mReader)
        return;
    const int year = mChoropleth->currentYear();
    QString path = QFileDialog::getSaveFileName(dialogParent(), tr("Export county indicators"),
        AppSettings::lastLayerDirectory() + QStringLiteral("/indicators-%1.xlsx").arg(year),
        tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"));
    if (path.isEmpty())
        return;
    const CountyDirectory counties = *mCounties;
    mReader->submit(
        this,
        [counties, year, path](StoreSet &stores) {
            Outcome<bool> out;
            if (IndicatorStore *store = stores.indicators(&out.error))
                out.value = IndicatorExporter::exportYear(*store, counties, year, path, &out.error);
            return out;
        },
        [this, year, path](const Outcome<bool> &written) {
            if (!written.value.value_or(false))
                QMessageBox::warning(dialogParent(), tr("Export failed"), written.error);
            else
                emit statusMessage(
                    tr("County indicators of %1 written to %2").arg(year).arg(path), 5000);
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
            auto *table = new QTableWidget(int(revisions.size()), 5, &dialog);
            table->setHorizontalHeaderLabels(
                { tr("Revision"), tr("Time"), tr("What"), tr("Values"), tr("Changed") });
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
                const QStringList cells { QString::number(r.id),
                    r.created.toTimeZone(ChinaTime::zone())
                        .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    what, QString::number(r.valueCount), QString::number(r.changedCount) };
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
