// Retiring a site with open alerts: the site is retired as a revision and its alerts resolve as
// "site retired"; the evaluator finishing the episode later does not overwrite why it closed.
#include "rulebook.h"
#include "siteretirement.h"
#include "sqlitealertstore.h"
#include "sqlitesitestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace dv;

namespace {

AlertTransition transition(
    AlertTransition::Kind kind, quint64 episode, const QString &key, qint64 time)
{
    AlertTransition t;
    t.kind = kind;
    t.episode = episode;
    t.deviceKey = key;
    t.rule = 0;
    t.ruleId = RuleBook::defaults().at(0).id;
    t.metric = 8;
    t.episodeStart = time;
    t.time = time;
    t.value = 40.6;
    return t;
}

Site site(const QString &id, const QString &type)
{
    Site s;
    s.id = id;
    s.type = type;
    s.name = id;
    s.county = QStringLiteral("520328");
    s.lon = 107.369661;
    s.lat = 27.674193;
    return s;
}

} // namespace

class TestSiteRetirement : public QObject {
    Q_OBJECT
private slots:
    void retiringResolvesItsOpenAlerts();
    void unknownSiteIsRefused();

private:
    QTemporaryDir mDir;
};

void TestSiteRetirement::retiringResolvesItsOpenAlerts()
{
    const QString path = mDir.filePath(QStringLiteral("retire.sqlite"));
    SqliteSiteStore sites(path);
    SqliteAlertStore alerts(path);
    QString error;
    QVERIFY2(sites.open(&error) && alerts.open(&error), qPrintable(error));
    QVERIFY2(sites.saveSites({ site(QStringLiteral("MYFARM"), QStringLiteral("pig_farm")),
                                 site(QStringLiteral("OTHER"), QStringLiteral("pig_farm")) },
                 SiteRevision::Kind::Import, QStringLiteral("test"), &error),
        qPrintable(error));
    const qint64 t = 1763000000000;
    const QString tag7 = QStringLiteral("520328/MYFARM/TAG7");
    const QString tag8 = QStringLiteral("520328/MYFARM/TAG8");
    const QString other = QStringLiteral("520328/OTHER/TAG1");
    using K = AlertTransition;
    const RuleBook rules = RuleBook::defaults();
    QVERIFY2(alerts.record(
                 { transition(K::Raised, 1, tag7, t), transition(K::Activated, 1, tag7, t),
                     transition(K::Raised, 2, tag8, t), transition(K::Activated, 2, tag8, t),
                     transition(K::Raised, 3, tag8, t + 1000), transition(K::Raised, 4, other, t),
                     transition(K::Activated, 4, other, t) },
                 rules, &error),
        qPrintable(error));
    QVERIFY2(alerts.acknowledge(2, QStringLiteral("王医生"), QString(), t + 5, &error),
        qPrintable(error));

    const auto result = SiteRetirement::retire(sites, alerts, QStringLiteral("MYFARM"), &error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(result->revision > 0);
    QCOMPARE(result->resolvedAlerts, 2);
    const Site retired = **sites.site(QStringLiteral("MYFARM"), &error);
    QCOMPARE(retired.status, Site::Status::Retired);
    QCOMPARE(sites.revisions(&error)->front().kind, SiteRevision::Kind::Edit);

    AlertFilter all;
    all.includePending = true;
    int farmAlerts = 0;
    const std::vector<AlertRecord> afterRetiring
        = alerts.alerts(all, &error).value_or(std::vector<AlertRecord>());
    for (const AlertRecord &a : afterRetiring) {
        if (a.siteId() == QLatin1String("MYFARM")) {
            ++farmAlerts;
            QCOMPARE(a.state, AlertRecord::Resolved);
            QCOMPARE(a.resolvedReason, SiteRetirement::reason());
            QVERIFY(a.resolvedAt > 0);
        } else {
            QCOMPARE(a.state, AlertRecord::Active); // another site's alert stays open
            QVERIFY(a.resolvedReason.isEmpty());
        }
    }
    QCOMPARE(farmAlerts, 2); // the pending episode was cancelled, not listed
    AlertFilter open;
    open.openOnly = true;
    QCOMPARE(int(alerts.alerts(open, &error)->size()), 1);

    // The evaluator ending the episode later leaves the record as retiring closed it.
    QVERIFY(alerts.record({ transition(K::Resolved, 1, tag7, t + 99999) }, rules, &error));
    const std::vector<AlertRecord> afterEnding
        = alerts.alerts(all, &error).value_or(std::vector<AlertRecord>());
    QCOMPARE(afterEnding.size(), afterRetiring.size());
    for (const AlertRecord &a : afterEnding) {
        if (a.episode == 1) {
            QCOMPARE(a.resolvedReason, SiteRetirement::reason());
            QVERIFY(a.resolvedAt != t + 99999);
        }
    }

    // Retiring again resolves nothing more and writes no revision.
    const auto again = SiteRetirement::retire(sites, alerts, QStringLiteral("MYFARM"), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->revision, qint64(0));
    QCOMPARE(again->resolvedAlerts, 0);
}

void TestSiteRetirement::unknownSiteIsRefused()
{
    const QString path = mDir.filePath(QStringLiteral("unknown.sqlite"));
    SqliteSiteStore sites(path);
    SqliteAlertStore alerts(path);
    QString error;
    QVERIFY2(sites.open(&error) && alerts.open(&error), qPrintable(error));
    QVERIFY(!SiteRetirement::retire(sites, alerts, QStringLiteral("P0006"), &error));
    QVERIFY2(error.contains(QStringLiteral("P0006")), qPrintable(error));
    QVERIFY(sites.revisions(&error)->empty());
}

QTEST_GUILESS_MAIN(TestSiteRetirement)
#include "tst_siteretirement.moc"
