// Report benchmark for the README: a county briefing (target ≤ 1.0 s, ≤ 2 MB) and the province
// atlas with 88 county pages (target ≤ 20 s, ≤ 40 MB), read from a fresh store and written as
// PDF. Run by hand or by run-benchmarks.sh; never in ctest.
#include "chinatime.h"
#include "reportcomposer.h"
#include "reportdatareader.h"
#include "reportfonts.h"
#include "storeset.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

namespace {

QTextStream out(stdout);

// Reads and writes one report; prints seconds and megabytes; true when within the targets.
bool run(const char *name, dv::StoreSet &stores, const dv::ReportOptions &options,
    double maxSeconds, double maxMegabytes, const QString &path)
{
    QElapsedTimer t;
    t.start();
    QString error;
    auto data = dv::ReportDataReader::read(stores, options, &error);
    if (!data) {
        out << name << ": " << error << Qt::endl;
        return false;
    }
    const double readSeconds = t.nsecsElapsed() / 1e9;
    const dv::ReportComposer composer(std::move(*data));
    if (!composer.writePdf(path, &error)) {
        out << name << ": " << error << Qt::endl;
        return false;
    }
    const double seconds = t.nsecsElapsed() / 1e9;
    const double megabytes = QFileInfo(path).size() / 1048576.0;
    const bool ok = seconds <= maxSeconds && megabytes <= maxMegabytes;
    out << QStringLiteral(
        "%1: %2 pages, %3 s (target ≤ %4 s; read %8 s), %5 MB (target ≤ %6 MB) %7")
               .arg(QString::fromLatin1(name))
               .arg(composer.pageCount())
               .arg(seconds, 0, 'f', 2)
               .arg(maxSeconds)
               .arg(megabytes, 0, 'f', 1)
               .arg(maxMegabytes)
               .arg(ok ? QStringLiteral("ok") : QStringLiteral("OVER"))
               .arg(readSeconds, 0, 'f', 2)
        << Qt::endl;
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QFont font = QGuiApplication::font();
    font.setFamilies(dv::ReportFonts::families());
    QGuiApplication::setFont(font);
    QTemporaryDir dir;
    dv::StoreSet stores(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.sqlite")));
    out << "threads: " << QThread::idealThreadCount() << Qt::endl;

    dv::ReportOptions options;
    options.to = dv::ChinaTime::toUtcMs(QDate::currentDate());
    options.from = options.to - 7 * 24 * 3600 * 1000LL;
    options.generatedAt = QDateTime::currentMSecsSinceEpoch();
    options.county = QStringLiteral("520328");
    bool ok
        = run("county briefing", stores, options, 1.0, 2.0, dir.filePath(QStringLiteral("b.pdf")));
    options.kind = dv::ReportOptions::Kind::ProvinceAtlas;
    options.countyPages = true;
    ok = run("province atlas, 88 county pages", stores, options, 20.0, 40.0,
             dir.filePath(QStringLiteral("a.pdf")))
        && ok;
    return ok ? 0 : 1;
}
