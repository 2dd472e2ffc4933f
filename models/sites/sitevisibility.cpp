// Which sites the views, exports and commands show: the sample sites (示例数据) only while shown.
#include "sitevisibility.h"

#include "devicekey.h"
#include "samplesites.h"

namespace dv {

SiteVisibility::SiteVisibility(bool samplesShown, QSet<QString> sampleIds)
    : mSamplesShown(samplesShown)
    , mSampleIds(std::move(sampleIds))
{
}

bool SiteVisibility::showsDeviceKey(const QString &deviceKey) const
{
    return mSamplesShown || !isSample(DeviceKey::site(deviceKey));
}

QString SiteVisibility::labelOf(const QString &siteId) const
{
    return mSamplesShown && isSample(siteId) ? SampleSites::label() : QString();
}

} // namespace dv
