// Indicator import benchmark for the README: 88 counties × 30 indicators × 7 years from a long
// CSV, read, checked and written as one revision. Run by hand; never in ctest.
#include "countydirectory.h"
#include "indicatorcatalogue.h"
#include "indicatorimporter.h"
#include "sqliteindicatorstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

int fail(const QString &error)
{
    fprintf(stderr, "%s\n", qPrintable(error));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 7;
    QString error;
    const auto counties = dv::CountyDirectory::loadBundled(&error);
    if (!counties)
        return fail(error);

    // The 16 built-ins and 14 of an office's own: 30 indicators.
    std::vector<dv::Indicator> own;
    for (int i = 1; i <= 14; ++i) {
        dv::Indicator d;
        d.id = QStringLiteral("office_%1").arg(i, 2, 10, QLatin1Char('0'));
        d.nameZh = QStringLiteral("office %1").arg(i);
        d.unit = QStringLiteral("%");
        d.minimum = 0;
        d.maximum = 100;
        own.push_back(d);
    }
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("long.csv"));
    {
        QByteArray csv = "county,indicator,year,value\n";
        std::vector<QString> ids;
        for (const dv::Indicator &i : dv::IndicatorCatalogue::builtIns())
            ids.push_back(i.id);
        for (const dv::Indicator &i : own)
            ids.push_back(i.id);
        int n = 0;
        for (const dv::County &c : counties->counties())
            for (const QString &id : ids)
                for (int year = 2019; year <= 2025; ++year)
                    csv += c.code.toUtf8() + ',' + id.toUtf8() + ',' + QByteArray::number(year)
                        + ',' + QByteArray::number(10 + (++n % 800) / 10.0) + '\n';
        QFile f(csvPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size())
            return fail(QStringLiteral("cannot write %1").arg(csvPath));
    }

    std::vector<double> firstMs, againMs, previewMs;
    int values = 0;
    for (int run = 0; run < runs; ++run) {
        dv::SqliteIndicatorStore store(dir.filePath(QStringLiteral("store-%1.sqlite").arg(run)));
        if (!store.open(&error))
            return fail(error);
        for (const dv::Indicator &i : own) {
            if (!store.addIndicator(i, &error))
                return fail(error);
        }
        const dv::IndicatorImporter importer(*counties, *store.indicators(&error));
        for (auto *times : { &firstMs, &againMs }) {
            QElapsedTimer t;
            t.start();
            const dv::ImportPreview preview = importer.preview(csvPath);
            previewMs.push_back(t.nsecsElapsed() / 1e6);
            if (!dv::IndicatorImporter::commit(preview, store, &error))
                return fail(
                    error + QLatin1Char('\n') + preview.problemLines().join(QLatin1Char('\n')));
            times->push_back(t.nsecsElapsed() / 1e6);
            values = int(preview.values.size());
        }
    }
    printf("indicator-import-values %d\n", values);
    printf("indicator-import-ms %.1f (median of %d, empty store)\n", median(firstMs), runs);
    printf("indicator-preview-ms %.1f (median of %d: read and check, no writing)\n",
        median(previewMs), 2 * runs);
    printf(
        "indicator-reimport-ms %.1f (median of %d, over the same values)\n", median(againMs), runs);
    return 0;
}
