// Choropleth benchmark for the README: a year change re-classifies 88 counties and re-renders
// the 1920x1080 map (target ≤ 50 ms). Run by hand or by run-benchmarks.sh; never in ctest.
#include "bundleddata.h"
#include "choroplethstyle.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "maprenderer.h"
#include "mapsettings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

QTextStream out(stdout);

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Runs fn `runs` times after one warm-up; prints and returns the median in milliseconds.
double measure(const char *name, int runs, const std::function<void(int)> &fn)
{
    fn(-1);
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn(i);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    const double m = median(ms);
    out << QStringLiteral("%1  median %2 ms  (min %3, max %4, %5 runs)")
               .arg(QLatin1String(name), -52)
               .arg(m, 0, 'f', 2)
               .arg(*std::min_element(ms.begin(), ms.end()), 0, 'f', 2)
               .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 2)
               .arg(runs)
        << Qt::endl;
    return m;
}

// Made-up values for one year: every county but two, drifting from year to year.
QHash<QString, double> valuesFor(const QStringList &codes, int year)
{
    QHash<QString, double> v;
    for (int i = 0; i < codes.size(); ++i) {
        if (i == 17 || i == 60)
            continue;
        v.insert(codes[i], 30.0 + 40.0 * std::fabs(std::sin(i * 0.37 + year * 0.11)) + year % 7);
    }
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 15;

    dv::LayerStack stack;
    dv::LoadResult province = dv::BundledData::loadProvince();
    if (!province.ok()) {
        fprintf(stderr, "%s\n", qPrintable(province.error));
        return 1;
    }
    for (auto &l : province.layers)
        stack.addLayer(l);
    QStringList codes;
    for (const dv::VectorLayer &l : stack.snapshot()) {
        if (l.role() == dv::LayerRole::Counties)
            codes = dv::ChoroplethStyle::codesOf(l);
    }
    const auto styleFor = [&](int year, dv::ClassBreaks::Method method) {
        dv::ChoroplethStyle style;
        style.setTitle(QStringLiteral("互联网普及率"));
        style.setUnit(QStringLiteral("%"));
        style.setYear(year);
        style.setMethod(method);
        style.setClassCount(7);
        style.setValues(valuesFor(codes, year));
        style.setCountyCodes(codes);
        return style;
    };

    out << "== Choropleth, 88 counties + bundled sites + labels, 1920x1080" << Qt::endl;
    const dv::MapSettings home
        = dv::MapSettings::home(stack, QSize(1920, 1080), 1.0, QStringLiteral("示意图"));
    measure("plain map (no choropleth), for comparison", runs,
        [&](int) { dv::MapRenderer::renderImage(home); });
    measure("classify 88 values (natural breaks, 7 classes)", runs,
        [&](int i) { styleFor(2010 + (i + 15) % 15, dv::ClassBreaks::Method::NaturalBreaks); });
    for (auto method : { dv::ClassBreaks::Method::Quantile, dv::ClassBreaks::Method::EqualInterval,
             dv::ClassBreaks::Method::NaturalBreaks }) {
        const QString name = QStringLiteral("year change: classify + render, %1")
                                 .arg(dv::ClassBreaks::methodName(method));
        measure(qPrintable(name), runs, [&](int i) {
            dv::MapSettings s = home;
            s.setChoropleth(styleFor(2010 + (i + 15) % 15, method));
            dv::MapRenderer::renderImage(s);
        });
    }

    out << "== Through the canvas (1920x1080 window): setChoropleth until the frame is ready"
        << Qt::endl;
    dv::MapCanvas canvas(&stack);
    canvas.resize(1920, 1080);
    canvas.show();
    canvas.zoomToHome();
    canvas.waitForRender();
    QApplication::processEvents();
    measure("year change in MapCanvas (natural breaks)", runs, [&](int i) {
        canvas.setChoropleth(
            styleFor(2010 + (i + 15) % 15, dv::ClassBreaks::Method::NaturalBreaks));
        canvas.waitForRender();
        QApplication::processEvents();
    });
    return 0;
}
