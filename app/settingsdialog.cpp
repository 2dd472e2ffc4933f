// Preferences: language, display CRS, labels, the office's 审图号, the sensor data source,
// the data store.
#include "settingsdialog.h"

#include "appsettings.h"
#include "displaycrs.h"
#include "keychain.h"
#include "sensorstore.h"
#include "storeregistry.h"
#include "storespec.h"
#include "storespeccheck.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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
    , mStore(new QLineEdit(this))
    , mStoreProblem(new QLabel(this))
    , mStorePassword(new QLineEdit(this))
    , mTestStore(new QPushButton(tr("Test connection"), this))
    , mStoreTestResult(new QLabel(this))
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

    mBroker->setObjectName(QStringLiteral("brokerUrl"));
    mPassword->setObjectName(QStringLiteral("brokerPassword"));
    mBroker->setText(AppSettings::brokerUrl());
    mBroker->setPlaceholderText(tr("empty: built-in simulator; e.g. tcp://192.168.1.10:1883"));
    mUsername->setText(AppSettings::brokerUsername());
    // Read from the keychain only where there is a broker: no wait on the keychain otherwise.
    mSavedBrokerPassword
        = AppSettings::brokerUrl().isEmpty() ? QString() : AppSettings::brokerPassword();
    mPassword->setText(mSavedBrokerPassword);
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
    connect(mStore, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(mTestStore, &QPushButton::clicked, this, &SettingsDialog::testStore);
    connect(&mStoreTest, &QFutureWatcher<StoreTestResult>::finished, this,
        &SettingsDialog::showStoreTestResult);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(sensors);
    layout->addWidget(createStoreGroup());
    mAlertSound->setChecked(AppSettings::alertSound());
    layout->addWidget(mAlertSound);
    layout->addWidget(buttons);
    validate();
}

QWidget *SettingsDialog::createStoreGroup()
{
    mStore->setObjectName(QStringLiteral("storeSpec"));
    mStore->setText(AppSettings::storeSpec());
    QString unused; // the own store's spec always names a file
    mStore->setPlaceholderText(tr("empty: your own store, %1")
                                   .arg(QDir::toNativeSeparators(StoreSpec::sqlitePath(
                                       AppSettings::ownStoreSpec(), &unused))));
    mStore->setToolTip(tr("sqlite:PATH for a store file, or a shared server as "
                          "postgresql://user@host:5432/database?sslmode=verify-full"));
    mStoreProblem->setObjectName(QStringLiteral("storeProblem"));
    mStoreProblem->setStyleSheet(QStringLiteral("color: #c62828"));
    mStoreProblem->setWordWrap(true);
    mStorePassword->setObjectName(QStringLiteral("storePassword"));
    mStorePassword->setEchoMode(QLineEdit::Password);
    mStorePassword->setPlaceholderText(tr("kept in the system's keychain"));
    mSavedStoreKey = StoreSpecCheck::credentialKey(mStore->text());
    if (!mSavedStoreKey.isEmpty())
        mSavedStorePassword = Keychain::read(mSavedStoreKey).password;
    mStorePassword->setText(mSavedStorePassword);
    mTestStore->setObjectName(QStringLiteral("testStore"));
    mTestStore->setToolTip(tr("Saves the password in the keychain and opens the store in the "
                              "background."));
    mStoreTestResult->setObjectName(QStringLiteral("storeTestResult"));
    mStoreTestResult->setWordWrap(true);
    mStoreTestResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for a server's error of a few lines: a shown dialog does not grow for a wrapped
    // label's new lines.
    mStoreTestResult->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    mStoreTestResult->setMinimumHeight(mStoreTestResult->fontMetrics().lineSpacing() * 4);

    auto *group = new QGroupBox(tr("Data store"), this);
    auto *form = new QFormLayout(group);
    form->addRow(tr("Store:"), mStore);
    form->addRow(mStoreProblem);
    form->addRow(tr("Password:"), mStorePassword);
    auto *test = new QHBoxLayout;
    test->addWidget(mTestStore);
    test->addStretch(1);
    form->addRow(test);
    form->addRow(mStoreTestResult); // the full width: a server's error runs to a few lines
    auto *note = new QLabel(tr("A shared PostgreSQL server serves a prefecture or the province; "
                               "its password is kept in the system's keychain, never in the "
                               "settings file. Applies after a restart."),
        group);
    note->setWordWrap(true);
    form->addRow(note);
    return group;
}

QString SettingsDialog::storeSpec() const
{
    return mStore->text().trimmed();
}

QString SettingsDialog::storePasswordKey() const
{
    return StoreSpecCheck::credentialKey(storeSpec());
}

bool SettingsDialog::storePasswordChanged() const
{
    const QString key = storePasswordKey();
    if (key.isEmpty())
        return false;
    return key != mSavedStoreKey ? !mStorePassword->text().isEmpty()
                                 : mStorePassword->text() != mSavedStorePassword;
}

void SettingsDialog::testStore()
{
    if (mStoreTest.isRunning())
        return;
    const QString spec = storeSpec().isEmpty() ? AppSettings::ownStoreSpec() : storeSpec();
    mStoreTestResult->setStyleSheet(QString());
    mStoreTestResult->setText(tr("Connecting…"));
    mTestStore->setEnabled(false);
    // Everything the task needs is copied: the dialog may close before it ends, and then its
    // result is simply dropped with the watcher.
    mStoreTest.setFuture(QtConcurrent::run(&SettingsDialog::testStoreInBackground, spec,
        storePasswordKey(), mStorePassword->text(), storePasswordChanged()));
}

SettingsDialog::StoreTestResult SettingsDialog::testStoreInBackground(
    const QString &spec, const QString &key, const QString &password, bool savePassword)
{
    StoreTestResult result;
    result.spec = spec;
    if (savePassword) {
        // The store's connection asks the keychain (StoreCredentials), so the password typed
        // here must be there first.
        QString error;
        const bool saved = password.isEmpty() ? Keychain::remove(key, &error)
                                              : Keychain::write(key, password, &error);
        if (!saved) {
            result.message = tr("The password could not be saved in the keychain: %1").arg(error);
            return result;
        }
        result.savedKey = key;
        result.savedPassword = password;
    }
    QString openSpec = spec;
    if (!StoreSpecCheck::isServer(spec)) {
        // A test must not leave an empty store file behind: an existing file is opened
        // read-only, a new one is only announced.
        QString error;
        const QString path = StoreSpec::sqlitePath(spec, &error);
        if (!error.isEmpty()) {
            result.message = error;
            return result;
        }
        if (!QFileInfo::exists(path)) {
            result.ok = true;
            result.message = tr("No store at %1 yet; dvdash makes one there when it starts.")
                                 .arg(QDir::toNativeSeparators(path));
            return result;
        }
        openSpec = StoreSpec::readOnly(spec);
    }
    QString error;
    const std::unique_ptr<SensorStore> store
        = StoreRegistry::instance().openSensorStore(openSpec, &error);
    result.ok = store != nullptr;
    result.message = result.ok ? tr("Connected: the store opens.") : error;
    return result;
}

void SettingsDialog::showStoreTestResult()
{
    const StoreTestResult result = mStoreTest.result();
    if (!result.savedKey.isEmpty()) {
        mSavedStoreKey = result.savedKey;
        mSavedStorePassword = result.savedPassword;
    }
    const QString shown = storeSpec().isEmpty() ? AppSettings::ownStoreSpec() : storeSpec();
    if (result.spec == shown) { // else the field was edited meanwhile: the answer is stale
        mStoreTestResult->setStyleSheet(
            result.ok ? QStringLiteral("color: #2e7d32") : QStringLiteral("color: #c62828"));
        mStoreTestResult->setText(result.message);
    }
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

    const QString storeProblem = StoreSpecCheck::problem(storeSpec());
    mStoreProblem->setText(storeProblem);
    mStoreProblem->setVisible(!storeProblem.isEmpty());
    mStorePassword->setEnabled(StoreSpecCheck::isServer(storeSpec()));
    mTestStore->setEnabled(storeProblem.isEmpty() && !mStoreTest.isRunning());
    const QString shown = storeSpec().isEmpty() ? AppSettings::ownStoreSpec() : storeSpec();
    if (!mStoreTest.isRunning() && mStoreTest.future().isValid()
        && mStoreTest.result().spec != shown)
        mStoreTestResult->clear();
    mOk->setEnabled(problem.isEmpty() && storeProblem.isEmpty());
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

bool SettingsDialog::save()
{
    const bool brokerChanged = brokerUrl() != AppSettings::brokerUrl()
        || mUsername->text() != AppSettings::brokerUsername();
    const bool brokerPasswordChanged = mPassword->text() != mSavedBrokerPassword;
    const bool storePasswordChanged = this->storePasswordChanged();
    const bool restartNeeded = language() != AppSettings::language() || brokerChanged
        || brokerPasswordChanged || storeSpec() != AppSettings::storeSpec() || storePasswordChanged;
    mKeychainProblem.clear();
    AppSettings::setAlertSound(mAlertSound->isChecked());
    AppSettings::setBrokerUrl(brokerUrl());
    AppSettings::setBrokerUsername(mUsername->text());
    QString error;
    // A new address or user name is a new keychain entry: the password goes there too.
    if ((brokerChanged && !mPassword->text().isEmpty()) || brokerPasswordChanged) {
        if (AppSettings::setBrokerPassword(mPassword->text(), &error))
            mSavedBrokerPassword = mPassword->text();
        else
            mKeychainProblem = tr("The broker password could not be saved: %1").arg(error);
    }
    AppSettings::setStoreSpec(storeSpec());
    if (storePasswordChanged) {
        const QString key = storePasswordKey();
        const bool saved = mStorePassword->text().isEmpty()
            ? Keychain::remove(key, &error)
            : Keychain::write(key, mStorePassword->text(), &error);
        if (saved) {
            mSavedStoreKey = key;
            mSavedStorePassword = mStorePassword->text();
        } else {
            const QString problem = tr("The store password could not be saved: %1").arg(error);
            mKeychainProblem = mKeychainProblem.isEmpty()
                ? problem
                : mKeychainProblem + QLatin1Char('\n') + problem;
        }
    }
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
