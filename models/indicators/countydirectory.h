// The province's 88 counties by code, current and former name, read from the bundled data.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace dv {

struct County {
    QString code; // 520102
    QString name; // 南明区
    QString formerName; // 盘县 for 盘州市; empty when unchanged
    QString prefectureCode; // 5201
    QString prefectureName; // 贵阳市
};

// What the bundled sample sites say about a county: the sample generator uses it so that, for
// instance, pig survival exists where farms are monitored.
struct CountySites {
    int teaGardens = 0;
    double teaGardenMu = 0;
    int pigFarms = 0;
    int clinics = 0;
};

// Matches the county cells of imported tables: a code, the current name or a former name
// (an office's older spreadsheets still say 盘县 or 黔西县).
class CountyDirectory {
    Q_DECLARE_TR_FUNCTIONS(dv::CountyDirectory)
public:
    explicit CountyDirectory(
        std::vector<County> counties = {}, QHash<QString, CountySites> sites = {});

    // The counties and sites layers of the bundled GeoPackage (BundledData::geopackagePath()).
    static std::optional<CountyDirectory> loadBundled(QString *error);
    static std::optional<CountyDirectory> load(const QString &geopackage, QString *error);

    // Sorted by code.
    const std::vector<County> &counties() const { return mCounties; }
    const County *byCode(const QString &code) const;
    // A code, current name or former name, ignoring spaces; nullptr when none matches.
    const County *match(const QString &text) const;
    CountySites sites(const QString &code) const { return mSites.value(code); }

private:
    std::vector<County> mCounties;
    QHash<QString, int> mByKey; // code, name or former name -> index
    QHash<QString, CountySites> mSites;
};

} // namespace dv
