// Preferences: language, display CRS, labels, the office's 审图号, the sensor data source,
// the data store.
#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dv {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QString language() const;
    QString displayCrsId() const;
    QString mapReviewNumber() const;
    QString officeName() const;
    bool labelsEnabled() const;
    QString brokerUrl() const;
    // Settings › Data store as typed: "sqlite:PATH", "postgresql://...", or "" for the user's
    // own store.
    QString storeSpec() const;
    // Why the last save() could not put a password in the keychain; "" when it could.
    QString keychainProblem() const { return mKeychainProblem; }
    // "" when the broker URL is usable (or empty: the simulator), else why not.
    static QString brokerUrlProblem(const QString &url);
    // The arguments for a relaunch after save(): the old ones without --lang, so the language
    // saved in the preferences applies instead of the one given at the first start.
    static QStringList relaunchArguments(const QStringList &arguments);
    // Writes the choices to AppSettings and the passwords to the keychain (never to the
    // settings file); true when the language, the sensor data source or the store changed:
    // they apply after a restart.
    bool save();

private:
    // What "Test connection" found; the password saved in the keychain on the way, if any.
    struct StoreTestResult {
        QString spec;
        QString message;
        bool ok = false;
        QString savedKey;
        QString savedPassword;
    };

    QWidget *createStoreGroup();
    void validate();
    void testStore();
    void showStoreTestResult();
    static StoreTestResult testStoreInBackground(
        const QString &spec, const QString &key, const QString &password, bool savePassword);
    // The keychain entry of the store password field and whether it differs from the saved one.
    QString storePasswordKey() const;
    bool storePasswordChanged() const;

    QComboBox *mLanguage;
    QComboBox *mCrs;
    QCheckBox *mLabels;
    QLineEdit *mReviewNumber;
    QLineEdit *mOfficeName;
    QLineEdit *mBroker;
    QLineEdit *mUsername;
    QLineEdit *mPassword;
    QLabel *mBrokerProblem;
    QCheckBox *mAlertSound;
    QLineEdit *mStore;
    QLabel *mStoreProblem;
    QLineEdit *mStorePassword;
    QPushButton *mTestStore;
    QLabel *mStoreTestResult;
    QFutureWatcher<StoreTestResult> mStoreTest;
    QPushButton *mOk;
    // What the keychain held when the dialog opened (or after a test saved it), so OK writes
    // only what changed and a user without a broker or server never waits on the keychain.
    QString mSavedBrokerPassword;
    QString mSavedStoreKey;
    QString mSavedStorePassword;
    QString mKeychainProblem;
};

} // namespace dv
