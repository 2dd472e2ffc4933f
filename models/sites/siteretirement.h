// Retiring a site: a revision with the site retired, and its open alerts closed as "site retired".
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace dv {

class AlertStore;
class SiteStore;

// Shared by `dvdash sites retire` and the window's site manager, so both close the same alerts
// with the same reason.
class SiteRetirement {
    Q_DECLARE_TR_FUNCTIONS(dv::SiteRetirement)
public:
    struct Result {
        qint64 revision = 0; // 0: the site was retired already
        int resolvedAlerts = 0;
    };

    // Stored with each alert it closes, like the alert states: the same in every language.
    static QString reason() { return QStringLiteral("site retired"); }

    // Writes the site retired as an Edit revision (its devices and history kept), then resolves
    // its open and pending alerts with reason(). A site retired before only has its alerts
    // resolved, so a retirement interrupted between the two steps can be finished.
    static std::optional<Result> retire(
        SiteStore &sites, AlertStore &alerts, const QString &siteId, QString *error);
};

} // namespace dv
