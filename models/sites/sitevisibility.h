// Which sites the views, exports and commands show: the sample sites (示例数据) only while shown.
#pragma once

#include <QSet>
#include <QString>

namespace dv {

// One rule for the map, search, alerts, indicators, exports and reports: the office's own sites
// always show; the bundled sample sites show, labelled 示例数据, only while sample data is shown
// (Settings › Sample data, or a command's --sample). Cheap to copy; look-ups are one hash probe.
class SiteVisibility {
public:
    // Shows everything and knows no sample site: for callers without a registry.
    SiteVisibility() = default;
    SiteVisibility(bool samplesShown, QSet<QString> sampleIds);

    bool samplesShown() const { return mSamplesShown; }
    const QSet<QString> &sampleIds() const { return mSampleIds; }
    bool isSample(const QString &siteId) const { return mSampleIds.contains(siteId); }
    bool showsSite(const QString &siteId) const { return mSamplesShown || !isSample(siteId); }
    // "520328/MYFARM/TAG7": the device's site decides.
    bool showsDeviceKey(const QString &deviceKey) const;
    // 示例数据 for a sample site on show, else empty: the label every view and export carries.
    QString labelOf(const QString &siteId) const;

private:
    bool mSamplesShown = true;
    QSet<QString> mSampleIds;
};

} // namespace dv
