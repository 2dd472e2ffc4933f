// One site's details to enter or change: id, name, type, township, type attributes, contact.
#pragma once

#include "site.h"
#include "sitetype.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace dv {

// Used by Sites… (edit) and the map's Add site here (new): the location and the county it lies
// in come from the map and are shown, not typed. accept() only closes on a valid site, naming
// the field that is wrong otherwise.
class SiteEditDialog : public QDialog {
    Q_OBJECT
public:
    // countyNames: code -> name, for the county line.
    SiteEditDialog(const std::vector<SiteType> &types, const QHash<QString, QString> &countyNames,
        QWidget *parent = nullptr);

    // isNew: the id can be typed (and must not be one of the taken ids).
    void setSite(const Site &site, bool isNew);
    void setTakenIds(const QSet<QString> &ids) { mTaken = ids; }
    // The site as entered; valid once the dialog was accepted.
    Site site() const;
    // Empty when what is entered can be saved, else what is wrong.
    QString problem() const;

    QLineEdit *idEdit() const { return mId; }
    QLineEdit *nameEdit() const { return mName; }
    QComboBox *typeBox() const { return mType; }
    QLineEdit *townshipEdit() const { return mTownship; }
    QLineEdit *contactEdit() const { return mContact; }
    // The type attribute's field (area_mu, sow_count, ...); nullptr when the type has none.
    QLineEdit *attributeEdit(const QString &name) const { return mAttributes.value(name); }

public slots:
    void accept() override;

private:
    void rebuildAttributes();
    const SiteType *currentType() const;

    std::vector<SiteType> mTypes;
    QHash<QString, QString> mCountyNames;
    Site mSite;
    QSet<QString> mTaken;
    bool mIsNew = true;
    QLineEdit *mId;
    QLineEdit *mName;
    QComboBox *mType;
    QLabel *mCounty;
    QLineEdit *mTownship;
    QLineEdit *mContact;
    QFormLayout *mForm;
    int mFixedRows = 0;
    QHash<QString, QLineEdit *> mAttributes;
    QLabel *mError;
};

} // namespace dv
