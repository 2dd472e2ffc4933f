// dvdash render-map: the province map as a PNG, headless, exactly as the window draws it.
#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QSize>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace dv {

class ChoroplethStyle;

struct RenderMapOptions {
    QString out;
    QSize size = QSize(1920, 1080);
    QStringList layers;
    QString indicator; // empty: no choropleth
    int year = 0; // 0: the latest year in the store
    QString store; // empty: the user's own store
    std::optional<bool> sample; // --sample on|off; nullopt: as Settings › Sample data says
};

class RenderMapCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::RenderMapCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // 0 on success; 1 when data cannot be read or the file cannot be written, with one line on
    // err naming the file and the reason, and no output file left behind.
    static int run(const RenderMapOptions &options, QTextStream &out, QTextStream &err);
    // The same map with the counties coloured by style and its legend: what --indicator and
    // --year render once the values are looked up. Counties without a value are hatched.
    static int renderChoropleth(const RenderMapOptions &options, const ChoroplethStyle &style,
        QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;

private:
    static int render(const RenderMapOptions &options, const ChoroplethStyle *style,
        QTextStream &out, QTextStream &err);
};

} // namespace dv
