// Edit › Undo for a site added on the map: retires it again, in the registry.
#include "addsitecommand.h"

#include "siteworkspace.h"

namespace dv {

AddSiteCommand::AddSiteCommand(SiteWorkspace *sites, const Site &site)
    : mSites(sites)
    , mSite(site)
{
    setText(tr("Add site %1").arg(site.id));
}

void AddSiteCommand::redo()
{
    if (!mSites)
        return;
    if (!mDone) {
        mDone = true;
        mSites->saveSite(mSite, tr("added %1").arg(mSite.id));
        return;
    }
    // Back as the registry last had it (a device may have joined meanwhile), active again.
    Site site = mSites->registeredSite(mSite.id).value_or(mSite);
    site.status = Site::Status::Active;
    mSites->saveSite(site, tr("added %1 again").arg(mSite.id));
}

void AddSiteCommand::undo()
{
    // Retired the way Sites… retires one: alerts it may have raised meanwhile resolve.
    if (mSites)
        mSites->retireSite(mSite.id);
}

} // namespace dv
