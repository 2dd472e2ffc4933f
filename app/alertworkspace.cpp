// The early warnings in any layout: the alert list, its counts, the map's markers, the notice.
#include "alertworkspace.h"

#include "alertpanel.h"
#include "alertstore.h"
#include "alerttablemodel.h"
#include "appsettings.h"
#include "devicekey.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "postgresalertstore.h"
#include "postgresnotifier.h"
#include "ruleeditordialog.h"
#include "rulenames.h"
#include "sensorhub.h"
#include "sensorstore.h"
#include "storereader.h"
#include "storeregistry.h"

#include <QApplication>
#include <QDateTime>
#include <QMessageBox>
#include <QSet>
#include <QSystemTrayIcon>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <iterator>
#include <optional>

namespace dv {

namespace {

struct AlertList {
    std::optional<std::vector<AlertRecord>> alerts;
    QHash<quint64, double> latest; // open alert -> its series' newest reading
    QString error;
};

// How far back an open alert's newest reading is looked for: a silent series shows none.
constexpr qint64 kLatestWindowMs = 6 * 3600 * 1000LL;

struct StoredRules {
    std::optional<RuleBook> rules; // nullopt without error: none saved yet
    QString error;
};

} // namespace

AlertWorkspace::AlertWorkspace(StoreReader *reader, LayerStack *layers, QObject *parent)
    : QObject(parent)
    , mReader(reader)
    , mLayers(layers)
    , mModel(new AlertTableModel(this))
    , mReloadTimer(new QTimer(this))
{
    if (auto counties = mLayers->layer(QStringLiteral("counties"))) {
        for (int f = 0; f < counties->featureCount(); ++f) {
            mCountyNames.insert(counties->table().text(f, QStringLiteral("code")),
                counties->table().text(f, QStringLiteral("name")));
        }
    }
    nameSites();

    mPanel = new AlertPanel(mModel);
    connect(mPanel, &AlertPanel::acknowledgeRequested, this, &AlertWorkspace::acknowledge);
    connect(mPanel, &AlertPanel::showResolvedChanged, this, [this](bool on) {
        mShowResolved = on;
        reload();
    });
    connect(mPanel, &AlertPanel::alertActivated, this, [this](const QString &deviceKey) {
        const QString siteId = DeviceKey::site(deviceKey);
        emit siteActivated(siteId, mSiteFeatures.value(siteId, -1));
    });

    // The engine reports every change; a list read twice a second at most is enough.
    mReloadTimer->setSingleShot(true);
    mReloadTimer->setInterval(500);
    connect(mReloadTimer, &QTimer::timeout, this, &AlertWorkspace::reload);
    mCountText = tr("No active alerts");
    listenToServer();
}

AlertWorkspace::~AlertWorkspace()
{
    if (mListener) {
        mListener->quit();
        mListener->wait(); // the notifier is deleted on its thread as it finishes
    }
    // A panel no layout took is still ours.
    if (mPanel && !mPanel->parent())
        delete mPanel;
}

AlertPanel *AlertWorkspace::panel() const
{
    return mPanel;
}

void AlertWorkspace::setSensorHub(SensorHub *hub)
{
    if (mHub)
        disconnect(mHub, nullptr, this, nullptr);
    mHub = hub;
    if (mHub)
        connect(mHub, &SensorHub::alertsChanged, mReloadTimer, qOverload<>(&QTimer::start));
}

void AlertWorkspace::listenToServer()
{
    // A SQLite store has one writer, this window's own hub, which reports its changes.
    if (StoreRegistry::schemeOf(mReader->spec()) != QLatin1String("postgresql"))
        return;
    mListener = new QThread(this);
    mListener->setObjectName(QStringLiteral("dvdash-alert-listener"));
    auto *notifier = new PostgresNotifier(
        mReader->spec(), { QString::fromLatin1(PostgresAlertStore::kNotifyChannel) });
    notifier->moveToThread(mListener);
    connect(mListener, &QThread::started, notifier, &PostgresNotifier::start);
    connect(mListener, &QThread::finished, notifier, &QObject::deleteLater);
    // Another dashboard acknowledged, a collector's engine raised or closed an alert: read the
    // list once the burst is over, at most twice a second, and never later than half a second
    // after the first change (a steady stream must not keep postponing the read).
    connect(notifier, &PostgresNotifier::notified, this, [this] {
        if (!mReloadTimer->isActive())
            mReloadTimer->start();
    });
    connect(notifier, &PostgresNotifier::listening, this, [this] { setLive(true); });
    connect(notifier, &PostgresNotifier::connectionLost, this, [this](const QString &error) {
        setLive(false);
        emit statusMessage(tr("The alert server cannot be reached: the list shows what was read "
                              "last and is read again when it is back (%1)")
                               .arg(error),
            0);
    });
    connect(notifier, &PostgresNotifier::connectionRestored, this, [this] {
        emit statusMessage(tr("The alert server is back: alerts read again"), 5000);
        reload(); // what changed meanwhile was not announced to us
    });
    mListener->start();
}

void AlertWorkspace::setLive(bool live)
{
    if (live == mLive)
        return;
    mLive = live;
    emit liveChanged(live);
}

void AlertWorkspace::setCanvas(MapCanvas *canvas)
{
    mCanvas = canvas;
    if (mCanvas)
        mCanvas->setAlertMarkers(mMarkers);
}

void AlertWorkspace::setTrayIcon(QSystemTrayIcon *tray)
{
    mTray = tray;
}

void AlertWorkspace::reload()
{
    mReloadTimer->stop(); // this read covers whatever the timer waited for
    AlertFilter filter;
    filter.openOnly = !mShowResolved;
    mReader->request(
        QStringLiteral("alert-list"), this,
        [filter](StoreSet &stores) {
            AlertList list;
            if (AlertStore *store = stores.alerts(&list.error))
                list.alerts = store->alerts(filter, &list.error);
            QString ignored; // without readings the list still shows, with no latest values
            SensorStore *sensors = list.alerts ? stores.sensors(&ignored) : nullptr;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const AlertRecord &a : sensors ? *list.alerts : std::vector<AlertRecord>()) {
                if (!a.isOpen() || a.metric == 0)
                    continue;
                const auto device = sensors->findDevice(a.deviceKey, &ignored);
                if (!device)
                    continue;
                const auto readings = sensors->readings(
                    *device, a.metric, now - kLatestWindowMs, now + 60000, &ignored);
                if (readings && !readings->empty())
                    list.latest.insert(a.episode, readings->back().value);
            }
            return list;
        },
        [this](const AlertList &list) {
            if (!list.alerts) {
                emit statusMessage(list.error, 5000);
                return;
            }
            showAlerts(*list.alerts);
            mModel->setLatestValues(list.latest);
        });
}

void AlertWorkspace::nameSites()
{
    const auto sites = mLayers->layer(QStringLiteral("sites"));
    if (!sites || sites == mNamedSites.lock())
        return;
    mNamedSites = sites;
    mSiteFeatures.clear();
    for (int f = 0; f < sites->featureCount(); ++f) {
        const QString id = sites->table().text(f, QStringLiteral("site_id"));
        // Names are kept once seen: a resolved alert of a site since retired keeps its name.
        mSiteNames.insert(id, sites->table().text(f, QStringLiteral("name")));
        mSiteFeatures.insert(id, f);
    }
    mModel->setNames(mCountyNames, mSiteNames);
}

void AlertWorkspace::setSiteVisibility(const SiteVisibility &visibility)
{
    const bool same = visibility.samplesShown() == mVisibility.samplesShown()
        && visibility.sampleIds() == mVisibility.sampleIds();
    mVisibility = visibility;
    if (!same && mLoaded)
        showVisible();
}

void AlertWorkspace::showAlerts(std::vector<AlertRecord> alerts)
{
    // What was open before the window opened is no news; what opened since is. Judged on the
    // whole read, so showing the samples again does not announce their old alerts as new.
    QStringList fresh;
    QSet<quint64> open;
    for (const AlertRecord &a : alerts) {
        if (!a.isOpen())
            continue;
        open.insert(a.episode);
        if (mLoaded && a.critical && !mWasOpen.contains(a.episode)
            && mVisibility.showsDeviceKey(a.deviceKey))
            fresh << QStringLiteral("%1 · %2").arg(RuleNames::display(a), a.deviceKey);
    }
    mWasOpen = std::move(open);
    mRead = std::move(alerts);
    mLoaded = true;
    showVisible();
    if (!fresh.isEmpty())
        notifyNewCritical(fresh);
}

void AlertWorkspace::showVisible()
{
    std::vector<AlertRecord> shown;
    shown.reserve(mRead.size());
    std::copy_if(mRead.begin(), mRead.end(), std::back_inserter(shown),
        [this](const AlertRecord &a) { return mVisibility.showsDeviceKey(a.deviceKey); });
    nameSites();
    mModel->setAlerts(std::move(shown));

    const int open = mModel->openCount();
    const int critical = mModel->openCount(true);
    const int waiting = mModel->unacknowledgedCount();
    // Acknowledged alerts are still open but someone has them in hand: the count says how
    // many still wait for someone.
    const QString count = waiting == open ? tr("%n active alert(s)", "", open)
        : waiting == 0                    ? tr("%n acknowledged alert(s)", "", open)
                       : tr("%n unacknowledged", "", waiting) + QStringLiteral(" · ")
            + tr("%n acknowledged", "", open - waiting);
    const QString text = open == 0
        ? tr("No active alerts")
        : QStringLiteral("<a href=\"alerts\" style=\"color:%1; text-decoration:none\">⚠ %2</a>")
              .arg(critical > 0 ? QStringLiteral("#c62828") : QStringLiteral("#e65100"), count);
    if (text != mCountText) {
        mCountText = text;
        emit countTextChanged(mCountText);
    }

    const auto sites = mLayers->layer(QStringLiteral("sites"));
    const auto counties = mLayers->layer(QStringLiteral("counties"));
    mMarkers = AlertMarkers::fromAlerts(mModel->alerts(), sites.get(), counties.get());
    if (mCanvas)
        mCanvas->setAlertMarkers(mMarkers);
    emit reloaded();
}

void AlertWorkspace::notifyNewCritical(const QStringList &fresh)
{
    emit criticalAlertsRaised(fresh);
    if (mTray)
        mTray->showMessage(tr("New critical alert"), fresh.join(QLatin1Char('\n')),
            QSystemTrayIcon::Critical, 10000);
    if (AppSettings::alertSound())
        QApplication::beep();
}

void AlertWorkspace::acknowledge(quint64 episode, const QString &who, const QString &note)
{
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    mReader->submit(
        this,
        [episode, who, note, at](StoreSet &stores) {
            QString error;
            AlertStore *store = stores.alerts(&error);
            return store && store->acknowledge(episode, who, note, at, &error) ? QString() : error;
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                QMessageBox::warning(mPanel, tr("Not acknowledged"), error);
            reload();
        });
}

void AlertWorkspace::editRules(QWidget *dialogParent)
{
    QPointer<QWidget> parent(dialogParent);
    mReader->request(
        QStringLiteral("alert-rules"), this,
        [](StoreSet &stores) {
            StoredRules stored;
            if (AlertStore *store = stores.alerts(&stored.error))
                stored.rules = store->rules(&stored.error);
            return stored;
        },
        [this, parent](const StoredRules &stored) {
            if (!stored.rules && !stored.error.isEmpty()) {
                QMessageBox::warning(parent, tr("Alert rules"), stored.error);
                return;
            }
            auto *dialog
                = new RuleEditorDialog(stored.rules.value_or(RuleBook::defaults()), parent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this,
                [this, dialog, parent] { saveRules(dialog->rules(), parent); });
            dialog->open();
        });
}

void AlertWorkspace::saveRules(const RuleBook &rules, QWidget *dialogParent)
{
    QPointer<QWidget> parent(dialogParent);
    const int count = rules.size();
    mReader->submit(
        this,
        [rules](StoreSet &stores) {
            QString error;
            AlertStore *store = stores.alerts(&error);
            return store && store->saveRules(rules, &error) ? QString() : error;
        },
        [this, parent, count](const QString &error) {
            if (!error.isEmpty()) {
                QMessageBox::warning(parent, tr("Alert rules not saved"), error);
                return;
            }
            if (mHub)
                mHub->reloadAlertRules();
            emit statusMessage(
                tr("%n alert rule(s) saved; they apply from now on", "", count), 5000);
        });
}

} // namespace dv
