// The live sensors in any layout: the feed and store, a site's charts, data quality, status.
#include "sensorworkspace.h"

#include "dataqualitylog.h"
#include "dataqualitypanel.h"
#include "feedstatuslabel.h"
#include "layerstack.h"
#include "sensorhub.h"
#include "sensorwriter.h"
#include "sitepanel.h"
#include "storereader.h"

#include <QDateTime>

namespace dv {

SensorWorkspace::SensorWorkspace(LayerStack *layers, QObject *parent)
    : QObject(parent)
    , mLayers(layers)
    , mSitePanel(new SitePanel)
    , mFeedStatus(new FeedStatusLabel)
{
}

SensorWorkspace::~SensorWorkspace()
{
    stop();
    // A panel the window still holds must not ask the reader that goes with this workspace.
    if (mSitePanel)
        mSitePanel->setReader(nullptr);
    for (QWidget *w :
        { static_cast<QWidget *>(mSitePanel.data()), static_cast<QWidget *>(mFeedStatus.data()),
            static_cast<QWidget *>(mQualityPanel.data()) }) {
        if (w && !w->parent())
            delete w; // no layout took it
    }
}

SitePanel *SensorWorkspace::sitePanel() const
{
    return mSitePanel;
}

FeedStatusLabel *SensorWorkspace::feedStatus() const
{
    return mFeedStatus;
}

DataQualityPanel *SensorWorkspace::qualityPanel() const
{
    return mQualityPanel;
}

void SensorWorkspace::start(const QString &storeSpec)
{
    if (mHub)
        return;
    mHub = new SensorHub(storeSpec, this);
    mHub->setSamplesShown(mSamplesShown);
    if (mLayers->layer(QStringLiteral("sites"))) {
        startHub();
        return;
    }
    // The simulator's devices are the sample sites': wait for the province.
    mWaitForSites = connect(mLayers, &LayerStack::layersChanged, this, [this] {
        if (mLayers->layer(QStringLiteral("sites"))) {
            disconnect(mWaitForSites);
            startHub();
        }
    });
}

void SensorWorkspace::stop()
{
    if (mHub)
        mHub->stop();
}

void SensorWorkspace::setSamplesShown(bool shown)
{
    mSamplesShown = shown;
    if (!mHub)
        return;
    mHub->setSamplesShown(shown);
    showPaused();
}

void SensorWorkspace::showPaused()
{
    mFeedStatus->setPausedNote(mHub && mHub->isSimulatorPaused()
            ? tr("Built-in simulator paused: sample data is hidden")
            : QString());
}

void SensorWorkspace::startHub()
{
    const auto sites = mLayers->layer(QStringLiteral("sites"));
    // The hub opens its store in the background: a failure comes after started().
    connect(mHub, &SensorHub::storeFailed, this, [this](const QString &error) {
        mHub->quality()->recordStore(error, QDateTime::currentMSecsSinceEpoch());
        mFeedStatus->setSeedPercent(-1);
        emit storeFailed(error);
    });
    connect(mHub, &SensorHub::readingOnly, mFeedStatus, &FeedStatusLabel::setReadingOnly);
    QString error;
    const bool ok = mHub->start(*sites, &error);
    if (!ok)
        mHub->quality()->recordStore(error, QDateTime::currentMSecsSinceEpoch());
    mReader = new StoreReader(mHub->storeSpec(), this);

    mFeedStatus->setFeed(mHub->feed());
    showPaused();
    if (mHub->isSeeding())
        mFeedStatus->setSeedPercent(mHub->seedPercent());
    connect(mHub, &SensorHub::seedProgress, mFeedStatus, &FeedStatusLabel::setSeedPercent);
    connect(mHub, &SensorHub::seedFinished, this, [this] {
        mFeedStatus->setSeedPercent(-1);
        mSitePanel->reload();
    });
    connect(mHub->quality(), &DataQualityLog::changed, this,
        [this] { mFeedStatus->setProblemCount(mHub->quality()->total()); });
    mSitePanel->setReader(mReader);
    connect(mHub, &SensorHub::committed, mSitePanel, &SitePanel::refreshLive);

    SensorWriter *writer = mHub->writer();
    mQualityPanel = new DataQualityPanel(
        mHub->quality(),
        [writer] { return writer ? writer->quarantined() : QMap<QString, qint64>(); },
        [writer] { return writer ? writer->duplicateCount() : 0; });
    connect(mQualityPanel, &DataQualityPanel::acceptRequested, mHub, &SensorHub::acceptDevices);
    mStarted = true;
    if (!ok)
        emit storeFailed(error);
    emit started();
}

bool SensorWorkspace::showSite(const VectorLayer &sites, int feature)
{
    if (!mStarted)
        return false;
    mSitePanel->showSite(sites, feature);
    return true;
}

} // namespace dv
