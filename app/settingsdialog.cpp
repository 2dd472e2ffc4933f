// Preferences: language, display CRS, labels, the office's 审图号, the sensor data source.
#include "settingsdialog.h"

#include "appsettings.h"
#include "displaycrs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace dv {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , mLanguage(new QComboBox(this))
    , mCrs(new QComboBox(this))
    , mLabels(new QCheckBox(tr("Show county names"), this))
    , mReviewNumber(new QLineEdit(this))
    , mOfficeName(new QLineEdit(this))
    , mBroker(new QLineEdit(this))
    , mUsername(new QLineEdit(this))
    , mPassword(new QLineEdit(this))
    , mBrokerProblem(new QLabel(this))
    , mAlertSound(new QCheckBox(tr("Sound with the notification of a new critical alert"), this))
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
    mOfficeName->setText(AppSettings::reportOfficeName());
    mOfficeName->setPlaceholderText(tr("e.g. 湄潭县农业农村局; on the cover of every report"));

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
    form->addRow(tr("Office name on reports:"), mOfficeName);

    mBroker->setText(AppSettings::brokerUrl());
    mBroker->setPlaceholderText(tr("empty: built-in simulator; e.g. tcp://192.168.1.10:1883"));
    mUsername->setText(AppSettings::brokerUsername());
    mPassword->setText(AppSettings::brokerPassword());
    mPassword->setEchoMode(QLineEdit::Password);
    mBrokerProblem->setStyleSheet(QStringLiteral("color: #c62828"));
    mBrokerProblem->setWordWrap(true);
    auto *sensors = new QGroupBox(tr("Sensor data source"), this);
    auto *sensorForm = new QFormLayout(sensors);
    sensorForm->addRow(tr("MQTT broker:"), mBroker);
    sensorForm->addRow(tr("User name:"), mUsername);
    sensorForm->addRow(tr("Password:"), mPassword);
    sensorForm->addRow(mBrokerProblem);
    auto *sensorNote = new QLabel(tr("Devices publish to dvdash/v1/{county}/{site}/{device}. "
                                     "Without a broker the built-in simulator shows the sample "
                                     "sites. Use ssl:// for TLS."),
        sensors);
    sensorNote->setWordWrap(true);
    sensorForm->addRow(sensorNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mBroker, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(sensors);
    mAlertSound->setChecked(AppSettings::alertSound());
    layout->addWidget(mAlertSound);
    layout->addWidget(buttons);
    validate();
}

QString SettingsDialog::brokerUrl() const
{
    return mBroker->text().trimmed();
}

QString SettingsDialog::brokerUrlProblem(const QString &url)
{
    if (url.isEmpty())
        return QString();
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return tr("Not a broker address; write it as tcp://host:1883 or ssl://host:8883.");
    if (parsed.scheme() != QLatin1String("tcp") && parsed.scheme() != QLatin1String("ssl"))
        return tr("The address must start with tcp:// or ssl://, not %1://.").arg(parsed.scheme());
    if (parsed.port() < 1)
        return tr("Give the port, e.g. tcp://%1:1883.").arg(parsed.host());
    return QString();
}

void SettingsDialog::validate()
{
    const QString problem = brokerUrlProblem(brokerUrl());
    mBrokerProblem->setText(problem);
    mBrokerProblem->setVisible(!problem.isEmpty());
    mUsername->setEnabled(!brokerUrl().isEmpty());
    mPassword->setEnabled(!brokerUrl().isEmpty());
    mOk->setEnabled(problem.isEmpty());
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

QString SettingsDialog::officeName() const
{
    return mOfficeName->text().trimmed();
}

bool SettingsDialog::labelsEnabled() const
{
    return mLabels->isChecked();
}

bool SettingsDialog::save() const
{
    const bool restartNeeded = language() != AppSettings::language()
        || brokerUrl() != AppSettings::brokerUrl()
        || mUsername->text() != AppSettings::brokerUsername()
        || mPassword->text() != AppSettings::brokerPassword();
    AppSettings::setAlertSound(mAlertSound->isChecked());
    AppSettings::setBrokerUrl(brokerUrl());
    AppSettings::setBrokerUsername(mUsername->text());
    AppSettings::setBrokerPassword(mPassword->text());
    AppSettings::setLanguage(language());
    AppSettings::setDisplayCrsId(displayCrsId());
    AppSettings::setLabelsEnabled(labelsEnabled());
    AppSettings::setMapReviewNumber(mapReviewNumber());
    AppSettings::setReportOfficeName(officeName());
    return restartNeeded;
}

QStringList SettingsDialog::relaunchArguments(const QStringList &arguments)
{
    QStringList out;
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--lang")) {
            ++i; // and its value
            continue;
        }
        if (!arguments[i].startsWith(QLatin1String("--lang=")))
            out << arguments[i];
    }
    return out;
}

} // namespace dv
