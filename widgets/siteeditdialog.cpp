// One site's details to enter or change: id, name, type, township, type attributes, contact.
#include "siteeditdialog.h"

#include "fieldlabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <optional>

namespace dv {

namespace {

// The topic's site part: what the store accepts as an id.
bool validId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

std::optional<double> number(const QString &text)
{
    bool ok = false;
    double v = text.trimmed().toDouble(&ok);
    if (!ok)
        v = QLocale().toDouble(text.trimmed(), &ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

SiteEditDialog::SiteEditDialog(
    const std::vector<SiteType> &types, const QHash<QString, QString> &countyNames, QWidget *parent)
    : QDialog(parent)
    , mTypes(types)
    , mCountyNames(countyNames)
    , mId(new QLineEdit(this))
    , mName(new QLineEdit(this))
    , mType(new QComboBox(this))
    , mCounty(new QLabel(this))
    , mTownship(new QLineEdit(this))
    , mContact(new QLineEdit(this))
    , mForm(new QFormLayout)
    , mError(new QLabel(this))
{
    setWindowTitle(tr("Site"));
    mId->setPlaceholderText(tr("As in the devices' topics, e.g. MYFARM"));
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (const SiteType &t : mTypes)
        mType->addItem(chinese ? t.nameZh : t.nameEn, t.id);
    mError->setStyleSheet(QStringLiteral("color: #b00020"));
    mError->setWordWrap(true);
    mError->hide();

    setMinimumWidth(460);
    mForm->addRow(tr("&ID:"), mId);
    mForm->addRow(tr("&Name:"), mName);
    mForm->addRow(tr("&Type:"), mType);
    mForm->addRow(tr("County:"), mCounty);
    mForm->addRow(tr("T&ownship:"), mTownship);
    mForm->addRow(tr("&Contact:"), mContact);
    mFixedRows = mForm->rowCount(); // the type's attributes follow
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SiteEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SiteEditDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(mForm);
    layout->addWidget(mError);
    layout->addWidget(buttons);
    connect(mType, &QComboBox::currentIndexChanged, this, &SiteEditDialog::rebuildAttributes);
    rebuildAttributes();
}

void SiteEditDialog::setSite(const Site &site, bool isNew)
{
    mSite = site;
    mIsNew = isNew;
    setWindowTitle(isNew ? tr("Add site") : tr("Edit site %1").arg(site.id));
    mId->setText(site.id);
    mId->setReadOnly(!isNew);
    mName->setText(site.name);
    const int type = mType->findData(site.type);
    mType->setCurrentIndex(type >= 0 ? type : 0);
    mCounty->setText(QStringLiteral("%1 (%2) · %3°E %4°N")
                         .arg(mCountyNames.value(site.county), site.county)
                         .arg(site.lon, 0, 'f', 5)
                         .arg(site.lat, 0, 'f', 5));
    mTownship->setText(site.township);
    mContact->setText(site.contact);
    rebuildAttributes();
}

const SiteType *SiteEditDialog::currentType() const
{
    const QString id = mType->currentData().toString();
    for (const SiteType &t : mTypes) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

void SiteEditDialog::rebuildAttributes()
{
    while (mForm->rowCount() > mFixedRows)
        mForm->removeRow(mFixedRows);
    mAttributes.clear();
    const SiteType *type = currentType();
    if (!type)
        return;
    for (const QStringList &names : { type->numericAttributes, type->textAttributes }) {
        for (const QString &name : names) {
            auto *edit = new QLineEdit(this);
            const QVariant v = mSite.attributes.value(name);
            edit->setText(v.isNull() ? QString() : FieldLabels::displayValue(name, v));
            if (name == QLatin1String("telemedicine") && !v.isNull())
                edit->setText(QString::number(v.toInt()));
            mForm->addRow(FieldLabels::label(name) + QLatin1Char(':'), edit);
            mAttributes.insert(name, edit);
        }
    }
}

QString SiteEditDialog::problem() const
{
    const QString id = mId->text().trimmed();
    if (!validId(id))
        return tr("ID: use 1 to 64 letters, digits, - or _ (the site part of the devices' "
                  "topics)");
    if (mIsNew && mTaken.contains(id))
        return tr("ID: %1 is already a site (or a sample site)").arg(id);
    if (mName->text().trimmed().isEmpty())
        return tr("Name: a site needs a name");
    if (const SiteType *type = currentType()) {
        for (const QString &name : type->numericAttributes) {
            const QString text = mAttributes.value(name)->text().trimmed();
            if (!text.isEmpty() && !number(text))
                return tr("%1: \"%2\" is not a number").arg(FieldLabels::label(name), text);
        }
    }
    return {};
}

Site SiteEditDialog::site() const
{
    Site s = mSite;
    s.id = mId->text().trimmed();
    s.name = mName->text().trimmed();
    s.type = mType->currentData().toString();
    s.township = mTownship->text().trimmed();
    s.contact = mContact->text().trimmed();
    s.attributes.clear();
    if (const SiteType *type = currentType()) {
        for (const QString &name : type->numericAttributes) {
            if (const auto v = number(mAttributes.value(name)->text()))
                s.attributes.insert(name, *v);
        }
        for (const QString &name : type->textAttributes) {
            const QString text = mAttributes.value(name)->text().trimmed();
            if (!text.isEmpty())
                s.attributes.insert(name, text);
        }
    }
    return s;
}

void SiteEditDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        mError->setText(why);
        mError->show();
        return;
    }
    QDialog::accept();
}

} // namespace dv
