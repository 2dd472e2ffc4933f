// Edit › Undo for a site added on the map: retires it again, in the registry.
#pragma once

#include "site.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>

namespace dv {

class SiteWorkspace;

// Sites are never deleted (SiteStore): undoing an addition retires the site, redoing it makes
// the site active again, each an Edit revision of its own so the registry's history shows both.
class AddSiteCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(dv::AddSiteCommand)
public:
    AddSiteCommand(SiteWorkspace *sites, const Site &site);

    void redo() override;
    void undo() override;

private:
    QPointer<SiteWorkspace> mSites;
    Site mSite; // as the dialog gave it
    bool mDone = false; // redone at least once: later redos bring the retired site back
};

} // namespace dv
