// dvdash render-map: the province map as a PNG, headless, exactly as the window draws it.
#pragma once

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

class ChoroplethStyle;

class RenderMapCommand {
    Q_DECLARE_TR_FUNCTIONS(dv::RenderMapCommand)
public:
    // 0 on success; 1 when data cannot be read or the file cannot be written, with one line on
    // err naming the file and the reason, and no output file left behind.
    static int run(const RenderMapOptions &options, QTextStream &out, QTextStream &err);
    // The same map with the counties coloured by style and its legend: what --indicator and
    // --year render once the values are looked up. Counties without a value are hatched.
    static int renderChoropleth(const RenderMapOptions &options, const ChoroplethStyle &style,
        QTextStream &out, QTextStream &err);

private:
    static int render(const RenderMapOptions &options, const ChoroplethStyle *style,
        QTextStream &out, QTextStream &err);
};

} // namespace dv
