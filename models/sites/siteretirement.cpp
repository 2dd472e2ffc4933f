// Retiring a site: a revision with the site retired, and its open alerts closed as "site retired".
#include "siteretirement.h"

#include "alertstore.h"
#include "sitestore.h"

#include <QDateTime>

namespace dv {

std::optional<SiteRetirement::Result> SiteRetirement::retire(
    SiteStore &sites, AlertStore &alerts, const QString &siteId, QString *error)
{
    const auto found = sites.site(siteId, error);
    if (!found)
        return std::nullopt;
    if (!*found) {
        *error = tr("no site %1 in the registry (sample sites cannot be retired)").arg(siteId);
        return std::nullopt;
    }
    Result result;
    if ((*found)->isActive()) {
        Site retired = **found;
        retired.devices.clear();
        retired.status = Site::Status::Retired;
        const auto revision = sites.saveSites(
            { retired }, SiteRevision::Kind::Edit, tr("site %1 retired").arg(siteId), error);
        if (!revision)
            return std::nullopt;
        result.revision = *revision;
    }
    AlertFilter filter;
    filter.includePending = true;
    const auto records = alerts.alerts(filter, error);
    if (!records)
        return std::nullopt;
    // Pending episodes never became alerts: they are closed too (cancelled), but not counted.
    std::vector<quint64> open, pending;
    for (const AlertRecord &a : *records) {
        if (a.siteId() != siteId)
            continue;
        if (a.isOpen())
            open.push_back(a.episode);
        else if (a.state == AlertRecord::Pending)
            pending.push_back(a.episode);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto resolved
        = open.empty() ? std::optional<int>(0) : alerts.resolve(open, reason(), now, error);
    if (!resolved || (!pending.empty() && !alerts.resolve(pending, reason(), now, error)))
        return std::nullopt;
    result.resolvedAlerts = *resolved;
    return result;
}

} // namespace dv
