// Edit › Undo for a site dragged on the map: puts it back where it was, in the registry.
#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QPointer>
#include <QString>
#include <QUndoCommand>

namespace dv {

class SiteWorkspace;

// Each direction is an Edit revision of its own, so the registry's history shows the move and
// its undoing alike.
class MoveSiteCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(dv::MoveSiteCommand)
public:
    MoveSiteCommand(SiteWorkspace *sites, const QString &siteId, const QPointF &fromLonLat,
        const QPointF &toLonLat);

    void redo() override;
    void undo() override;

private:
    QPointer<SiteWorkspace> mSites;
    QString mSiteId;
    QPointF mFrom;
    QPointF mTo;
};

} // namespace dv
