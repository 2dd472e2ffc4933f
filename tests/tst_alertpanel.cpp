// The alert list: names instead of codes, open alerts by default, filters, China time.
#include "alertpanel.h"
#include "alertrecord.h"
#include "alerttablemodel.h"

#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace dv;

namespace {

AlertRecord alert(quint64 episode, bool critical, AlertRecord::State state, const QString &key,
    const QString &rule, qint64 raised)
{
    AlertRecord a;
    a.episode = episode;
    a.critical = critical;
    a.state = state;
    a.deviceKey = key;
    a.ruleName = rule;
    a.raisedAt = raised;
    a.metric = 8;
    a.value = 40.12;
    a.triggerValue = 40.12;
    a.peak = 40.12;
    return a;
}

} // namespace

class TestAlertPanel : public QObject {
    Q_OBJECT

private slots:
    void modelShowsNamesAndChinaTime();
    void filtersBySeverityAndText();
    void openCountsForTheStatusBar();
    void triggerPeakAndLatestApart();
};

void TestAlertPanel::modelShowsNamesAndChinaTime()
{
    AlertTableModel model;
    model.setNames({ { QStringLiteral("520281"), QStringLiteral("盘州市") } },
        { { QStringLiteral("P0006"), QStringLiteral("杨柳生猪养殖场") } });
    // 2026-11-22 00:00 UTC is 08:00 in China.
    model.setAlerts({ alert(7, true, AlertRecord::Active, QStringLiteral("520281/P0006/tag-0004"),
        QStringLiteral("Sow fever"), 1795305600000) });
    QCOMPARE(model.index(0, AlertTableModel::County).data().toString(), QStringLiteral("盘州市"));
    QCOMPARE(
        model.index(0, AlertTableModel::Site).data().toString(), QStringLiteral("杨柳生猪养殖场"));
    QCOMPARE(model.index(0, AlertTableModel::Device).data().toString(), QStringLiteral("tag-0004"));
    QCOMPARE(model.index(0, AlertTableModel::Raised).data().toString(),
        QStringLiteral("2026-11-22 08:00"));
    QCOMPARE(model.index(0, AlertTableModel::Value).data().toString(), QStringLiteral("40.12 °C"));
    QCOMPARE(
        model.index(0, AlertTableModel::Severity).data().toString(), QStringLiteral("Critical"));
}

// "Sow fever (ceiling)" names 40 °C: the list shows the reading that crossed it and the
// episode's peak, not the 39.77 °C at activation inside the hysteresis band, and the newest
// reading apart from both.
void TestAlertPanel::triggerPeakAndLatestApart()
{
    AlertTableModel model;
    AlertRecord a = alert(9, true, AlertRecord::Active, QStringLiteral("520330/P0033/tag-0005"),
        QStringLiteral("Sow fever (ceiling)"), 1795305600000);
    a.value = 39.77;
    a.triggerValue = 40.02;
    a.peak = 40.46;
    model.setAlerts({ a });
    model.setLatestValues({ { 9, 39.61 } });
    QCOMPARE(model.index(0, AlertTableModel::Value).data().toString(), QStringLiteral("40.02 °C"));
    QCOMPARE(model.index(0, AlertTableModel::Peak).data().toString(), QStringLiteral("40.46 °C"));
    QCOMPARE(model.index(0, AlertTableModel::Latest).data().toString(), QStringLiteral("39.61 °C"));
    QCOMPARE(model.headerData(AlertTableModel::Peak, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Peak"));
}

void TestAlertPanel::filtersBySeverityAndText()
{
    AlertTableModel model;
    model.setAlerts({
        alert(1, true, AlertRecord::Active, QStringLiteral("520281/P0006/tag-0004"),
            QStringLiteral("Sow fever"), 1000),
        alert(2, false, AlertRecord::Active, QStringLiteral("520328/T0001/station-1"),
            QStringLiteral("Frost risk"), 2000),
        alert(3, false, AlertRecord::Acknowledged, QStringLiteral("520328/T0002/station-1"),
            QStringLiteral("Drought"), 3000),
    });
    AlertPanel panel(&model);
    QCOMPARE(panel.visibleRows(), 3);
    // Newest first.
    QCOMPARE(panel.alertAtRow(0)->episode, quint64(3));
    panel.setSeverityFilter(1);
    QCOMPARE(panel.visibleRows(), 1);
    QCOMPARE(panel.alertAtRow(0)->episode, quint64(1));
    panel.setSeverityFilter(2);
    QCOMPARE(panel.visibleRows(), 2);
    panel.setSeverityFilter(0);
    panel.setTextFilter(QStringLiteral("t0001"));
    QCOMPARE(panel.visibleRows(), 1);
    QCOMPARE(panel.alertAtRow(0)->episode, quint64(2));
    panel.setTextFilter(QStringLiteral("frost"));
    QCOMPARE(panel.visibleRows(), 1);
    panel.setTextFilter(QString());
    QSignalSpy resolved(&panel, &AlertPanel::showResolvedChanged);
    panel.setShowResolved(true);
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(resolved.first().first().toBool(), true);
}

void TestAlertPanel::openCountsForTheStatusBar()
{
    AlertTableModel model;
    model.setAlerts({
        alert(1, true, AlertRecord::Active, QStringLiteral("a/b/c"), QStringLiteral("r"), 1),
        alert(2, false, AlertRecord::Acknowledged, QStringLiteral("a/b/d"), QStringLiteral("r"), 2),
        alert(3, true, AlertRecord::Resolved, QStringLiteral("a/b/e"), QStringLiteral("r"), 3),
    });
    QCOMPARE(model.openCount(), 2);
    QCOMPARE(model.openCount(true), 1);
}

QTEST_MAIN(TestAlertPanel)
#include "tst_alertpanel.moc"
