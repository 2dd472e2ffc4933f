// Edit › Undo for a site dragged on the map: puts it back where it was, in the registry.
#include "movesitecommand.h"

#include "siteworkspace.h"

namespace dv {

MoveSiteCommand::MoveSiteCommand(
    SiteWorkspace *sites, const QString &siteId, const QPointF &fromLonLat, const QPointF &toLonLat)
    : mSites(sites)
    , mSiteId(siteId)
    , mFrom(fromLonLat)
    , mTo(toLonLat)
{
    setText(tr("Move site %1").arg(siteId));
}

void MoveSiteCommand::redo()
{
    if (mSites)
        mSites->writeLocation(mSiteId, mTo);
}

void MoveSiteCommand::undo()
{
    if (mSites)
        mSites->writeLocation(mSiteId, mFrom);
}

} // namespace dv
