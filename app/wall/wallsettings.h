// How a wall screen is set up: screen, focus, views and their timing; saved, exported, loaded.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace dv {

// A value class. One station's IT person sets up a wall, exports the file, and starts ten walls
// with `dvdash --wall --wall-config FILE`. Files are JSON (.json) or INI (anything else), with
// the keys of toJson(); unknown keys and wrong values are refused, naming the file and key.
class WallSettings {
    Q_DECLARE_TR_FUNCTIONS(dv::WallSettings)
public:
    // The views the rotation knows, in their default order.
    static QStringList knownViews(); // overview, charts, warnings, ranking

    int screen = 0; // 1-based; 0: the second screen when there are two, else the first
    QString focus = QStringLiteral("52"); // province, prefecture or county code
    int rotateSeconds = 30;
    QStringList views = knownViews();
    QStringList chartSites; // site ids; empty: the sites with open warnings, else the first ones
    int interruptSeconds = 300; // a critical warning stays this long unless acknowledged
    int cursorHideSeconds = 3;
    int staleFeedMinutes = 10; // the freshness sign turns red after this long without data

    // The user's saved wall (QSettings group "wall"); defaults where nothing was saved.
    static WallSettings load();
    void save() const;

    // nullopt and *error ("wall.json: rotate_seconds: must be 5 to 3600") on a bad file.
    static std::optional<WallSettings> readFile(const QString &path, QString *error);
    bool writeFile(const QString &path, QString *error) const;

    // Empty when usable, else the first problem as "key: message".
    QString validate() const;
    bool operator==(const WallSettings &o) const;
};

} // namespace dv
