// The coordinate reference systems the map can be displayed in.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace dv {

class DisplayCrs {
    Q_DECLARE_TR_FUNCTIONS(dv::DisplayCrs)
public:
    DisplayCrs() = default;
    DisplayCrs(QString id, QString definition, bool geographic);

    // Stable identifier kept in settings, e.g. "EPSG:4544" or "dvdash:guizhou-albers".
    QString id() const { return mId; }
    // What PROJ is given: an authority code or a PROJ string.
    QString definition() const { return mDefinition; }
    bool isGeographic() const { return mGeographic; }
    bool isValid() const { return !mId.isEmpty(); }
    QString displayName() const;

    // Every data set is kept in this CRS after loading (CGCS2000 lon/lat).
    static QString baseDefinition() { return QStringLiteral("EPSG:4490"); }
    static DisplayCrs defaultCrs();
    static QVector<DisplayCrs> catalogue();
    static DisplayCrs byId(const QString &id);

    bool operator==(const DisplayCrs &o) const { return mId == o.mId; }
    bool operator!=(const DisplayCrs &o) const { return mId != o.mId; }

private:
    QString mId;
    QString mDefinition;
    bool mGeographic = false;
};

} // namespace dv
