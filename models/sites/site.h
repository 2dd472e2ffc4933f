// One of the office's sites (tea garden, pig farm, clinic, ...) with the devices on it.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <cmath>
#include <optional>
#include <vector>

namespace dv {

// A sensor on a site: "TAG7" of dvdash/v1/520328/MYFARM/TAG7.
struct SiteDevice {
    QString id;
    QStringList metrics; // the metrics it reported, by MetricCatalogue name
    QDateTime installed; // UTC; first seen or accepted
    QDateTime retired; // UTC; null while in service
    bool isRetired() const { return retired.isValid(); }
};

struct Site {
    enum class Status { Active, Retired };
    enum class Source { Sample, Imported, Entered };

    QString id; // the topic's site part, P0006, MYFARM
    QString type; // SiteType::id: tea_garden, pig_farm, clinic, unknown, or an office's own
    QString name;
    QString county; // six-digit code
    QString township;
    double lon = std::nan(""); // CGCS2000 (EPSG:4490)
    double lat = std::nan("");
    QVariantMap attributes; // area_mu, variety, sow_count, doctors, telemedicine, ...
    QString contact;
    Status status = Status::Active;
    Source source = Source::Entered;
    std::vector<SiteDevice> devices;

    bool hasLocation() const { return std::isfinite(lon) && std::isfinite(lat); }
    bool isActive() const { return status == Status::Active; }

    // "active" / "retired", "sample" / "imported" / "entered": the store's and CSV's spelling.
    static QString statusKey(Status status);
    static std::optional<Status> statusFromKey(const QString &key);
    static QString sourceKey(Source source);
    static std::optional<Source> sourceFromKey(const QString &key);
};

} // namespace dv
