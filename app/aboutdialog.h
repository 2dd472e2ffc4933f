// Help > About: version, build, the libraries' versions and the licences of data and libraries.
#pragma once

#include <QDialog>

namespace dv {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // One line each: version and build, Qt (run and built against), GDAL, PROJ and the proj.db
    // in use, the data folder. What support asks for first, so it can also be copied.
    static QStringList versionLines();
    // The shipped licences file (share/dvdash/licenses/LICENSES.txt), else a summary naming
    // the bundled data's and libraries' licences.
    static QString licenceText();
};

} // namespace dv
