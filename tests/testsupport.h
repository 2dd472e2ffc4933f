// Small helpers shared by the Qt Test executables: the bundled province, OGR fixtures, pixels.
// Models only (tests linking dvdash_models include it); the window's helpers are in
// testsupportwindow.h.
#pragma once

#include "bundleddata.h"
#include "layerstack.h"
#include "reading.h"
#include "vectorlayer.h"

#include <QByteArray>
#include <QColor>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QString>
#include <QTest>
#include <QVariant>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>

namespace dvtest {

// Loads guizhou.gpkg through the product's own path and puts its layers on the stack.
// Returns an empty string on success, else the reason (for QVERIFY2).
inline QString loadProvinceInto(dv::LayerStack &stack)
{
    dv::LoadResult result = dv::BundledData::loadProvince();
    if (!result.ok())
        return result.error.isEmpty() ? QStringLiteral("province did not load") : result.error;
    for (auto &layer : result.layers) {
        QString error;
        if (!stack.addLayer(layer, &error))
            return error;
    }
    return {};
}

// A sensor reading for store tests; arrival 1.5 s after the device's time.
inline dv::Reading reading(quint32 device, int metric, qint64 ts, double value)
{
    dv::Reading r;
    r.device = device;
    r.metric = static_cast<quint8>(metric);
    r.timestamp = ts;
    r.arrival = ts + 1500;
    r.value = value;
    return r;
}

// The outcome of running the dvdash binary as a user or script would.
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// runtimeDir: a private XDG_RUNTIME_DIR (a desktop session sets one; without it Qt warns on
// stderr, which would hide the one line a test checks).
inline Run runDvdash(const QString &binary, const QStringList &args, const QString &workingDir,
    const QString &runtimeDir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(workingDir);
    p.start(binary, args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

struct DatasetCloser {
    void operator()(GDALDataset *ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

inline Dataset openVector(const QString &path)
{
    GDALAllRegister();
    return Dataset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

// A new vector file written by OGR itself, so fixtures are what real GIS software produces.
class OgrFile {
public:
    // epsg == 0: no CRS at all (a Shapefile without .prj).
    OgrFile(const QString &path, const char *driver, OGRwkbGeometryType type, int epsg,
        const QStringList &layerOptions = {})
    {
        GDALAllRegister();
        GDALDriver *drv = GetGDALDriverManager()->GetDriverByName(driver);
        if (!drv)
            return;
        mDs.reset(drv->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!mDs)
            return;
        OGRSpatialReference srs;
        if (epsg) {
            srs.importFromEPSG(epsg);
            srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        }
        CPLStringList options;
        for (const QString &o : layerOptions)
            options.AddString(o.toUtf8().constData());
        mLayer = mDs->CreateLayer("fixture", epsg ? &srs : nullptr, type, options.List());
    }

    bool isValid() const { return mLayer != nullptr; }
    OGRLayer *layer() const { return mLayer; }

    void addField(const QString &name, OGRFieldType type)
    {
        OGRFieldDefn defn(name.toUtf8().constData(), type);
        mLayer->CreateField(&defn);
    }

    // wkt empty: a feature without geometry. Values go to the fields in order.
    bool addFeature(const QByteArray &wkt, const QVariantList &values = {})
    {
        OGRGeometry *geometry = nullptr;
        if (!wkt.isEmpty()
            && OGRGeometryFactory::createFromWkt(wkt.constData(), nullptr, &geometry)
                != OGRERR_NONE)
            return false;
        return addFeature(std::unique_ptr<OGRGeometry>(geometry), values);
    }

    bool addFeature(std::unique_ptr<OGRGeometry> geometry, const QVariantList &values = {})
    {
        OGRFeature feature(mLayer->GetLayerDefn());
        if (geometry)
            feature.SetGeometryDirectly(geometry.release());
        for (int i = 0; i < values.size(); ++i) {
            const QVariant &v = values[i];
            if (v.isNull())
                feature.SetFieldNull(i);
            else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
                feature.SetField(i, static_cast<GIntBig>(v.toLongLong()));
            else if (v.typeId() == QMetaType::Double)
                feature.SetField(i, v.toDouble());
            else
                feature.SetField(i, v.toString().toUtf8().constData());
        }
        return mLayer->CreateFeature(&feature) == OGRERR_NONE;
    }

    // Flushes and closes the file (the destructor does the same).
    void close()
    {
        mLayer = nullptr;
        mDs.reset();
    }

private:
    Dataset mDs;
    OGRLayer *mLayer = nullptr;
};

// Largest difference of the four channels.
inline int channelDiff(QRgb a, QRgb b)
{
    return std::max({ std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
        std::abs(qBlue(a) - qBlue(b)), std::abs(qAlpha(a) - qAlpha(b)) });
}

// Pixels whose colour is within tolerance of colour.
inline int countColor(const QImage &image, QColor color, int tolerance = 0)
{
    const QImage img = image.convertToFormat(QImage::Format_ARGB32);
    const QRgb want = color.rgba();
    int n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            n += channelDiff(line[x], want) <= tolerance ? 1 : 0;
    }
    return n;
}

// A rendered image against its control image: how many pixels differ in some channel by more
// than tolerance, the largest difference, and the mismatches in red over a faded control.
struct ControlComparison {
    int mismatched = 0;
    int worst = 0;
    QImage diff;
};

inline ControlComparison compareWithControl(
    const QImage &rendered, const QImage &control, int tolerance)
{
    const QImage image = rendered.convertToFormat(QImage::Format_ARGB32);
    const QImage expected = control.convertToFormat(QImage::Format_ARGB32);
    ControlComparison result;
    result.diff = expected.copy();
    {
        QPainter p(&result.diff);
        p.fillRect(result.diff.rect(), QColor(255, 255, 255, 190));
    }
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *a = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        const QRgb *b = reinterpret_cast<const QRgb *>(expected.constScanLine(y));
        QRgb *d = reinterpret_cast<QRgb *>(result.diff.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int delta = channelDiff(a[x], b[x]);
            result.worst = std::max(result.worst, delta);
            if (delta > tolerance) {
                ++result.mismatched;
                d[x] = qRgb(255, 0, 0);
            }
        }
    }
    return result;
}

} // namespace dvtest
