// dvdash listen: a headless collector for a station PC, MQTT broker to store.
#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

struct ListenOptions {
    QString broker;
    QString store; // empty: the user's own store
    QString spool; // a server store's local buffer; empty: SpoolingSensorStore's default
    int forSeconds = 0; // 0: until SIGINT/SIGTERM
    bool acceptNewDevices = false;
    QString clientId = QStringLiteral("dvdash-collector");
    QString username;
    QString password;
};

class ListenCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::ListenCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // Runs until SIGINT/SIGTERM or --for; then stops receiving, commits everything received
    // and prints a summary. 0 on a clean stop; 1 when the store or the broker cannot be used.
    static int run(const ListenOptions &options, QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace dv
