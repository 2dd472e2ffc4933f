// Preferences: interface language, display CRS, labels, and the office's 审图号.
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace dv {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QString language() const;
    QString displayCrsId() const;
    QString mapReviewNumber() const;
    bool labelsEnabled() const;
    // Writes the choices to AppSettings; true when the language changed (needs a restart).
    bool save() const;

private:
    QComboBox *mLanguage;
    QComboBox *mCrs;
    QCheckBox *mLabels;
    QLineEdit *mReviewNumber;
};

} // namespace dv
