// Preferences: language, display CRS, labels, the office's 审图号, the sensor data source.
#pragma once

#include <QDialog>

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
    bool labelsEnabled() const;
    QString brokerUrl() const;
    // "" when the broker URL is usable (or empty: the simulator), else why not.
    static QString brokerUrlProblem(const QString &url);
    // Writes the choices to AppSettings; true when the language or the sensor data source
    // changed: both apply after a restart.
    bool save() const;

private:
    void validate();

    QComboBox *mLanguage;
    QComboBox *mCrs;
    QCheckBox *mLabels;
    QLineEdit *mReviewNumber;
    QLineEdit *mBroker;
    QLineEdit *mUsername;
    QLineEdit *mPassword;
    QLabel *mBrokerProblem;
    QCheckBox *mAlertSound;
    QPushButton *mOk;
};

} // namespace dv
