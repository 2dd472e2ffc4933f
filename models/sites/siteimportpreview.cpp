// What a site import would write, and every problem that stops it, before anything is written.
#include "siteimportpreview.h"

#include "importpreview.h"
#include "quotedtext.h"

#include <QDir>

namespace dv {

QString SiteImportProblem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unreadable:
        return SiteImportPreview::tr("cannot read the file");
    case Kind::Empty:
        return SiteImportPreview::tr("no sites");
    case Kind::MissingColumn:
        return SiteImportPreview::tr("missing column");
    case Kind::MissingId:
        return SiteImportPreview::tr("no site id");
    case Kind::DuplicateId:
        return SiteImportPreview::tr("duplicate site id");
    case Kind::SampleId:
        return SiteImportPreview::tr("id of a sample site");
    case Kind::UnknownType:
        return SiteImportPreview::tr("unknown site type");
    case Kind::MissingLocation:
        return SiteImportPreview::tr("missing location");
    case Kind::BadLocation:
        return SiteImportPreview::tr("invalid location");
    case Kind::OutsideGuizhou:
        return SiteImportPreview::tr("location outside Guizhou");
    case Kind::UnknownCounty:
        return SiteImportPreview::tr("unknown county");
    case Kind::OutsideCounty:
        return SiteImportPreview::tr("location outside the county");
    case Kind::NonNumeric:
        return SiteImportPreview::tr("not a number");
    case Kind::TypeChange:
        return SiteImportPreview::tr("type change of a site with devices");
    case Kind::BadStatus:
        return SiteImportPreview::tr("unknown status");
    }
    return {};
}

QString SiteImportProblem::describe() const
{
    QString where;
    if (row > 0 && column > 0)
        where = SiteImportPreview::tr("row %1, column %2")
                    .arg(row)
                    .arg(ImportProblem::columnLetter(column));
    else if (row > 0)
        where = SiteImportPreview::tr("row %1").arg(row);
    if (!columnName.isEmpty() && column > 0)
        where += QStringLiteral(" (%1)").arg(QuotedText::excerpt(columnName));
    QString text = kindName(kind);
    if (!cell.isEmpty())
        text += QStringLiteral(": \"%1\"").arg(QuotedText::excerpt(cell));
    if (!detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(detail);
    return where.isEmpty() ? text : where + QStringLiteral(": ") + text;
}

QStringList SiteImportPreview::problemLines() const
{
    QStringList lines;
    const QString name = QDir::toNativeSeparators(file);
    for (const SiteImportProblem &p : problems)
        lines << name + QStringLiteral(": ") + p.describe();
    return lines;
}

QString SiteImportPreview::summary() const
{
    return tr("%n site(s): %1 new, %2 updated", nullptr, int(sites.size()))
        .arg(newSites)
        .arg(updatedSites);
}

} // namespace dv
