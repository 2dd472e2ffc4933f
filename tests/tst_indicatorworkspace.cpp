// The county indicators in the real window: View › County indicators brings its tab up, the
// table's year and the map's are one, and the export is the table as it shows.
#include "testsupportwindow.h"

#include "choroplethcontrols.h"
#include "indicatorexporter.h"
#include "indicatortablemodel.h"
#include "indicatortableview.h"
#include "indicatorworkspace.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

class TestIndicatorWorkspace : public QObject {
    Q_OBJECT

private slots:
    void viewMenuRaisesLinkedYearsExport();
};

void TestIndicatorWorkspace::viewMenuRaisesLinkedYearsExport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    window.resize(1600, 1000);
    QVERIFY(dvtest::openMainWindow(window));
    window.startIndicators(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("s.sqlite")));
    QTRY_VERIFY_WITH_TIMEOUT(window.indicators() && window.indicators()->isReady(), 60000);
    IndicatorWorkspace *workspace = window.indicators();
    QDockWidget *dock = workspace->tablesDock();
    QVERIFY(dock);

    // View › County indicators: shown and in front of the tab it shares its place with.
    if (dock->toggleViewAction()->isChecked())
        dock->toggleViewAction()->trigger(); // a saved layout may have it open: start closed
    QVERIFY(!dock->isVisible());
    // Another tab of its place in front, as when a site or the alert list was looked at.
    QList<QDockWidget *> neighbours;
    for (const char *name : { "sensorsDock", "alertsDock" }) {
        if (auto *other = window.findChild<QDockWidget *>(QLatin1String(name)))
            neighbours << other;
    }
    QVERIFY(!neighbours.isEmpty());
    for (QDockWidget *other : neighbours)
        other->show();
    neighbours.first()->raise();
    QTRY_VERIFY(neighbours.first()->isVisible());
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    QVERIFY(!dock->visibleRegion().isEmpty());

    // The table and the map show one year: the map's slider moves the table ...
    IndicatorTableView *table = workspace->table();
    auto *model = qobject_cast<IndicatorTableModel *>(table->proxy()->sourceModel());
    QVERIFY(model);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !table->isLoading(), 20000);
    ChoroplethControls *controls = workspace->controls();
    QTRY_VERIFY(controls->years().size() > 3);
    controls->setCurrentYear(2021);
    QTRY_COMPARE_WITH_TIMEOUT(model->year(), 2021, 20000);
    // ... and the table's year chooser moves the map.
    auto *years = table->findChild<QComboBox *>(QStringLiteral("yearCombo"));
    QVERIFY(years);
    const int i2023 = years->findData(2023);
    QVERIFY(i2023 >= 0);
    years->setCurrentIndex(i2023);
    emit years->activated(i2023);
    QCOMPARE(controls->currentYear(), 2023);
    QTRY_COMPARE_WITH_TIMEOUT(model->year(), 2023, 20000);
    QTRY_VERIFY(!table->isLoading());

    // The export is the table on screen: its year, 98 rows, the index column.
    const QString path = dir.filePath(QStringLiteral("shown.csv"));
    QSignalSpy exported(workspace, &IndicatorWorkspace::exported);
    workspace->exportTo(path);
    QVERIFY(exported.count() == 1 || exported.wait(20000));
    QCOMPARE(exported.first().at(1).toBool(), true);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines
        = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 98);
    QVERIFY2(
        lines.first().contains(
            model->headerData(IndicatorTableModel::IndexColumn, Qt::Horizontal, Qt::DisplayRole)
                .toString()),
        qPrintable(lines.first()));
    const int yearColumn
        = lines.first().split(QLatin1Char(',')).indexOf(IndicatorExporter::yearTitle());
    QVERIFY(yearColumn >= 0);
    for (int l = 1; l < lines.size(); ++l)
        QCOMPARE(lines[l].split(QLatin1Char(',')).value(yearColumn), QStringLiteral("2023"));

    // Filtered to a prefecture, the export is the filtered table: the province row, the
    // prefecture's row and its counties, each row noting the filter.
    QVERIFY(!model->prefectures().empty());
    const auto [prefecture, prefectureName] = model->prefectures().back();
    table->setPrefectureFilter(prefecture);
    const int shownRows = table->proxy()->rowCount();
    int expected = 1; // the province
    for (int r = 0; r < model->rowCount(); ++r)
        expected += model->index(r, 0).data(IndicatorTableModel::PrefectureCodeRole).toString()
            == prefecture;
    QCOMPARE(shownRows, expected);
    QVERIFY(shownRows > 2 && shownRows < 98);
    const QString filteredPath = dir.filePath(QStringLiteral("filtered.csv"));
    exported.clear();
    workspace->exportTo(filteredPath);
    QVERIFY(exported.count() == 1 || exported.wait(20000));
    QCOMPARE(exported.first().at(1).toBool(), true);
    QFile filtered(filteredPath);
    QVERIFY(filtered.open(QIODevice::ReadOnly));
    const QStringList rows
        = QString::fromUtf8(filtered.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 1 + shownRows);
    // The code comes first and the note last (titles with units may hold quoted commas).
    QVERIFY2(rows.first().startsWith(IndicatorExporter::codeTitle() + QLatin1Char(',')),
        qPrintable(rows.first()));
    QVERIFY2(rows.first().endsWith(QLatin1Char(',') + IndicatorExporter::noteTitle()),
        qPrintable(rows.first()));
    QVERIFY(rows[1].startsWith(IndicatorExporter::provinceCode() + QLatin1Char(',')));
    for (int l = 1; l < rows.size(); ++l) {
        QVERIFY2(
            rows[l].endsWith(IndicatorExporter::filterNote(prefectureName)), qPrintable(rows[l]));
        if (l > 1)
            QVERIFY2(rows[l].startsWith(prefecture), qPrintable(rows[l]));
    }
    table->setPrefectureFilter(QString());
}

QTEST_MAIN(TestIndicatorWorkspace)
#include "tst_indicatorworkspace.moc"
