// Preferences: language, display CRS, labels, the office's 审图号, the sensor data source.
#pragma once

#include <QDialog>
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
    // "" when the broker URL is usable (or empty: the simulator), else why not.
    static QString brokerUrlProblem(const QString &url);
    // The arguments for a relaunch after save(): the old ones without --lang, so the language
    // saved in the preferences applies instead of the one given at the first start.
    static QStringList relaunchArguments(const QStringList &arguments);
    // Writes the choices to AppSettings; true when the language or the sensor data source
    // changed: both apply after a restart.
    bool save() const;

private:
    void validate();

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
    QPushButton *mOk;
};

} // namespace dv
