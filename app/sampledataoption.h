// --sample on|off: whether a command shows the bundled sample sites (示例数据).
#pragma once

#include "sitevisibility.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace dv {

// Commands follow Settings › Sample data unless --sample says otherwise, so a script gets the
// same answer on every machine.
class SampleDataOption {
    Q_DECLARE_TR_FUNCTIONS(dv::SampleDataOption)
public:
    static QCommandLineOption option();
    // The choice given (nullopt: none, follow the setting); false and *error for another value.
    static bool parse(
        const QCommandLineParser &parser, std::optional<bool> *choice, QString *error);
    // The choice when given, else the setting, which depends on whether the store storeSpec
    // names holds the office's own sites (a store that does not exist holds none and is not
    // created by asking).
    static std::optional<SiteVisibility> visibility(
        std::optional<bool> choice, const QString &storeSpec, QString *error);
    // What a command says when it refuses or leaves out sample data.
    static QString hiddenNotice();
};

} // namespace dv
