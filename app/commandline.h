// Parses the command line: the window (optionally with files), or a headless command.
#pragma once

#include "indicator.h"

#include <QCoreApplication>
#include <QSize>
#include <QStringList>

namespace dv {

struct HistoryOptions {
    QString store; // empty: the user's own store
    QString device;
    QString metric;
    QString from;
    QString to;
    int buckets = 0; // 0: every reading
};

struct ListenOptions {
    QString broker;
    QString store; // empty: the user's own store
    int forSeconds = 0; // 0: until SIGINT/SIGTERM
    bool acceptNewDevices = false;
    QString clientId = QStringLiteral("dvdash-collector");
    QString username;
    QString password;
};

struct SimulateOptions {
    QString broker;
    int rate = 100; // messages per second at most
    int forSeconds = 0; // 0: until SIGINT/SIGTERM
};

struct AlertsOptions {
    QString store; // empty: the user's own store
    bool activeOnly = false;
    QString county; // empty: every county
};

struct RenderMapOptions {
    QString out;
    QSize size = QSize(1920, 1080);
    QStringList layers;
    QString indicator; // empty: no choropleth
    int year = 0; // 0: the latest year in the store
    QString store; // empty: the user's own store
};

struct IndicatorsOptions {
    enum class Action { Import, Export, Revisions, Restore, Define };
    Action action = Action::Import;
    QString store; // empty: the user's own store
    QString file; // import: the table to read; export: --out
    int year = 0; // export: the year; import: the year of a wide table without a year column
    bool dryRun = false; // import: check and summarise, write nothing
    qint64 revision = 0; // restore: the revision whose state to bring back
    Indicator definition; // define: the office's own indicator, already validated
};

class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(dv::CommandLine)
public:
    enum class Command {
        Window,
        RenderMap,
        History,
        Listen,
        Simulate,
        Alerts,
        Indicators,
        Help,
        Version
    };

    // Reads --lang only, before the translators exist, so later messages are translated.
    static QString languageArgument(int argc, char **argv);
    // Whether argv names a command that needs no window (and may run without a display).
    static bool isHeadless(int argc, char **argv);

    static CommandLine parse(const QStringList &arguments);

    Command command = Command::Window;
    QString language;
    QStringList files; // opened as layers in the window
    QString store; // the window's sensor store; empty: the user's own
    bool sensors = true; // the window's live feed (broker or simulator)
    RenderMapOptions renderMap;
    HistoryOptions history;
    ListenOptions listen;
    SimulateOptions simulate;
    IndicatorsOptions indicators;
    AlertsOptions alerts;
    bool exitAfterFirstFrame = false; // for the start-up benchmark
    QString error; // usage problems, one line
    QString helpText;
};

} // namespace dv
