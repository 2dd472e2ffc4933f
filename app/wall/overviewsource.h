// The overview's figures, read again and again on a worker: what the desk panel and the wall show.
#pragma once

#include "overviewfigures.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace dv {

class StoreReader;

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
    // The focus's name ("贵州省", "遵义市", "湄潭县"); the code until the names are read.
    QString focusName() const;
    void setInterval(int ms);
    // Types of the sites the registry may not hold (the map's sample sites), by site id.
    void setSiteTypes(const QHash<QString, QString> &types) { mSiteTypes = types; }
    // The same, read from a sites layer's "site_id" and "type".
    static QHash<QString, QString> siteTypesOf(const class VectorLayer *sites);
    void setClock(std::function<qint64()> clock) { mClock = std::move(clock); }

    const OverviewFigures &figures() const { return mFigures; }
    bool hasFigures() const { return mHasFigures; }
    StoreReader *reader() const { return mReader; }

public slots:
    void refresh();

signals:
    void figuresChanged();

private:
    StoreReader *mReader;
    QTimer *mTimer;
    QString mFocus = QStringLiteral("52");
    QHash<QString, QString> mNames; // county and prefecture codes -> names
    QHash<QString, QString> mSiteTypes;
    std::function<qint64()> mClock;
    OverviewFigures mFigures;
    bool mHasFigures = false;
};

} // namespace dv
