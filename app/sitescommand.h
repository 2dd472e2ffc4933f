// dvdash sites: import, export and list the office's own sites (tea gardens, pig farms, clinics).
#pragma once

#include "command.h"
#include "sitetype.h"

#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace dv {

struct SitesOptions {
    enum class Action { Import, Export, List, Revisions, Restore, Retire, Types, AddType };
    Action action = Action::List;
    QString store; // empty: the user's own store
    QString file; // import: the file read; export: the file written
    bool dryRun = false;
    bool confirmTypeChange = false;
    QString county; // list/export: only this county (code)
    QString type; // list/export: only this type (id or name)
    bool includeRetired = false;
    qint64 revision = 0;
    QString site; // retire: the site's id
    SiteType newType; // add-type: id, names and icon
    std::optional<bool> sample; // --sample on|off; nullopt: as Settings › Sample data says
};

class SitesCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::SitesCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // 0 on success; 1 when the file has problems (one line each on err, naming row and column)
    // or the store cannot be read or written.
    static int run(const SitesOptions &options, QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;

private:
    static int runImport(const SitesOptions &options, QTextStream &out, QTextStream &err);
    static int runList(const SitesOptions &options, QTextStream &out, QTextStream &err);
    static int runRevisions(const SitesOptions &options, QTextStream &out, QTextStream &err);
    static int runRestore(const SitesOptions &options, QTextStream &out, QTextStream &err);
    static int runRetire(const SitesOptions &options, QTextStream &out, QTextStream &err);
    static int runTypes(const SitesOptions &options, QTextStream &out, QTextStream &err);
    static int runAddType(const SitesOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace dv
