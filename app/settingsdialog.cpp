// Preferences: interface language, display CRS, labels, and the office's 审图号.
#include "settingsdialog.h"

#include "appsettings.h"
#include "displaycrs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace dv {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , mLanguage(new QComboBox(this))
    , mCrs(new QComboBox(this))
    , mLabels(new QCheckBox(tr("Show county names"), this))
    , mReviewNumber(new QLineEdit(this))
{
    setWindowTitle(tr("Preferences"));
    mLanguage->addItem(tr("Follow the system"), QString());
    mLanguage->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    mLanguage->addItem(QStringLiteral("English"), QStringLiteral("en"));
    mLanguage->setCurrentIndex(std::max(0, mLanguage->findData(AppSettings::language())));
    for (const DisplayCrs &crs : DisplayCrs::catalogue())
        mCrs->addItem(crs.displayName(), crs.id());
    const QString crsId = AppSettings::displayCrsId();
    mCrs->setCurrentIndex(
        std::max(0, mCrs->findData(crsId.isEmpty() ? DisplayCrs::defaultCrs().id() : crsId)));
    mLabels->setChecked(AppSettings::labelsEnabled());
    mReviewNumber->setText(AppSettings::mapReviewNumber());
    mReviewNumber->setPlaceholderText(tr("e.g. GS(2024)1234号; empty for a schematic map"));

    auto *note
        = new QLabel(tr("The bundled boundaries make schematic maps (示意图), not standard "
                        "maps. An office that imports official boundaries enters its map "
                        "review number (审图号) here; it then replaces the note on every map "
                        "and export."),
            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Language:"), mLanguage);
    form->addRow(tr("Map projection:"), mCrs);
    form->addRow(QString(), mLabels);
    form->addRow(tr("Map review number (审图号):"), mReviewNumber);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString SettingsDialog::language() const
{
    return mLanguage->currentData().toString();
}

QString SettingsDialog::displayCrsId() const
{
    return mCrs->currentData().toString();
}

QString SettingsDialog::mapReviewNumber() const
{
    return mReviewNumber->text().trimmed();
}

bool SettingsDialog::labelsEnabled() const
{
    return mLabels->isChecked();
}

bool SettingsDialog::save() const
{
    const bool languageChanged = language() != AppSettings::language();
    AppSettings::setLanguage(language());
    AppSettings::setDisplayCrsId(displayCrsId());
    AppSettings::setLabelsEnabled(labelsEnabled());
    AppSettings::setMapReviewNumber(mapReviewNumber());
    return languageChanged;
}

} // namespace dv
