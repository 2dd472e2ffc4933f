// The overview's figures, read again and again on a worker: what the desk panel and the wall show.
#include "overviewsource.h"

#include "countydirectory.h"
#include "layerstack.h"
#include "siteworkspace.h"
#include "storereader.h"
#include "vectorlayer.h"

#include <QDateTime>
#include <QTimer>

namespace dv {

OverviewSource::OverviewSource(const QString &storeSpec, QObject *parent)
    : QObject(parent)
    , mReader(new StoreReader(storeSpec, this))
    , mTimer(new QTimer(this))
    , mClock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    mTimer->setInterval(30 * 1000);
    connect(mTimer, &QTimer::timeout, this, &OverviewSource::refresh);
    mTimer->start();
    // The names of the focus, once: the bundled counties never change while running.
    mReader->request(
        QStringLiteral("overview-names"), this,
        [](StoreSet &) {
            QHash<QString, QString> names;
            QString error;
            if (const auto directory = CountyDirectory::loadBundled(&error)) {
                for (const County &c : directory->counties()) {
                    names.insert(c.code, c.name);
                    names.insert(c.prefectureCode, c.prefectureName);
                }
            }
            return names;
        },
        [this](const QHash<QString, QString> &names) {
            mNames = names;
            emit figuresChanged();
        });
    QTimer::singleShot(0, this, &OverviewSource::refresh);
}

OverviewSource::~OverviewSource() = default;

void OverviewSource::setFocus(const QString &code)
{
    if (code == mFocus || code.isEmpty())
        return;
    mFocus = code;
    emit focusChanged(code);
    refresh();
}

QString OverviewSource::focusName() const
{
    return nameOf(mHasFigures ? mFigures.focus() : mFocus);
}

QString OverviewSource::nameOf(const QString &code) const
{
    if (isProvince(code))
        return tr("Guizhou province");
    return mNames.value(code, code);
}

QString OverviewSource::focusOf(const VectorLayer &layer, int feature)
{
    if (feature < 0 || feature >= layer.featureCount())
        return {};
    const QString code = layer.table().text(feature, QStringLiteral("code")).trimmed();
    // Guizhou's codes: a prefecture 52xx, a county 52xxxx.
    const int digits = layer.role() == LayerRole::Counties ? 6
        : layer.role() == LayerRole::Prefectures           ? 4
                                                           : 0;
    if (!digits || code.size() != digits || !code.startsWith(QLatin1String("52")))
        return {};
    for (const QChar c : code) {
        if (!c.isDigit())
            return {};
    }
    return code;
}

QHash<QString, QString> OverviewSource::siteTypesOf(const VectorLayer *sites)
{
    QHash<QString, QString> types;
    if (!sites)
        return types;
    for (int f = 0; f < sites->featureCount(); ++f)
        types.insert(sites->table().text(f, QStringLiteral("site_id")),
            sites->table().text(f, QStringLiteral("type")));
    return types;
}

void OverviewSource::setSiteVisibility(const SiteVisibility &visibility)
{
    mVisibility = visibility;
    refresh();
}

void OverviewSource::followSites(SiteWorkspace *sites, LayerStack *layers)
{
    const auto follow = [this, sites, layers] {
        mSiteTypes = siteTypesOf(layers->layer(QStringLiteral("sites")).get());
        setSiteVisibility(sites->visibility());
    };
    follow();
    connect(sites, &SiteWorkspace::sitesChanged, this, follow);
    connect(sites, &SiteWorkspace::samplesShownChanged, this, follow);
}

void OverviewSource::setInterval(int ms)
{
    mTimer->setInterval(ms);
}

void OverviewSource::refresh()
{
    OverviewFigures::Request request;
    request.now = mClock();
    request.focus = mFocus;
    request.knownSiteTypes = mSiteTypes;
    request.visibility = mVisibility;
    mReader->request(
        QStringLiteral("overview"), this,
        [request](StoreSet &stores) { return OverviewFigures::compute(stores, request); },
        [this](const OverviewFigures &figures) {
            mFigures = figures;
            mHasFigures = true;
            emit figuresChanged();
        });
}

} // namespace dv
