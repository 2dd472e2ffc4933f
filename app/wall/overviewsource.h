// The overview's figures, read again and again on a worker: what the desk panel and the wall show.
#pragma once

#include "overviewfigures.h"
#include "sitevisibility.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace dv {

class LayerStack;
class SiteWorkspace;
class StoreReader;
class VectorLayer;

// Owns a StoreReader of its own (one worker thread: the figures read every device's last day,
// which must not queue behind the window's chart reads) and asks for the figures every
// interval; the newest request wins. The clock is injectable for tests.
class OverviewSource : public QObject {
    Q_OBJECT
public:
    // storeSpec: as the window's stores ("sqlite:PATH").
    explicit OverviewSource(const QString &storeSpec, QObject *parent = nullptr);
    ~OverviewSource() override;

    // "52" the province, a prefecture's four digits or a county's six.
    void setFocus(const QString &code);
    QString focus() const { return mFocus; }
    static bool isProvince(const QString &code) { return code == QLatin1String("52"); }
    // The name of the focus the figures are for ("贵州省", "遵义市", "湄潭县"): until the new
    // focus's figures are read, the old one's. The code until the names are read.
    QString focusName() const;
    QString nameOf(const QString &code) const;
    // The focus a map selection stands for: a county's or a prefecture's code, else empty.
    static QString focusOf(const VectorLayer &layer, int feature);
    void setInterval(int ms);
    // Types of the sites the registry may not hold (the map's sample sites), by site id.
    void setSiteTypes(const QHash<QString, QString> &types) { mSiteTypes = types; }
    // The same, read from a sites layer's "site_id" and "type".
    static QHash<QString, QString> siteTypesOf(const VectorLayer *sites);
    // The sites counted: sample data hidden leaves the samples out, as on the map. Reads again.
    void setSiteVisibility(const SiteVisibility &visibility);
    const SiteVisibility &siteVisibility() const { return mVisibility; }
    // Takes the site types of the layers' "sites" layer and the sites' visibility now and again
    // whenever the registry or Settings › Sample data changes, reading the figures again.
    void followSites(SiteWorkspace *sites, LayerStack *layers);
    void setClock(std::function<qint64()> clock) { mClock = std::move(clock); }

    const OverviewFigures &figures() const { return mFigures; }
    bool hasFigures() const { return mHasFigures; }
    StoreReader *reader() const { return mReader; }

public slots:
    void refresh();

signals:
    void figuresChanged();
    // A new focus was asked for; its figures follow with figuresChanged.
    void focusChanged(const QString &code);

private:
    StoreReader *mReader;
    QTimer *mTimer;
    QString mFocus = QStringLiteral("52");
    QHash<QString, QString> mNames; // county and prefecture codes -> names
    QHash<QString, QString> mSiteTypes;
    SiteVisibility mVisibility;
    std::function<qint64()> mClock;
    OverviewFigures mFigures;
    bool mHasFigures = false;
};

} // namespace dv
