// dvdash report: a county briefing or the province atlas as a PDF, headless.
#include "reportcommand.h"

#include "appsettings.h"
#include "chinatime.h"
#include "countydirectory.h"
#include "reportcomposer.h"
#include "reportdatareader.h"
#include "reportfonts.h"
#include "sensorstore.h"
#include "sampledataoption.h"
#include "storeregistry.h"
#include "storeset.h"
#include "storespec.h"
#include "timeunits.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QTextStream>

namespace dv {

namespace {

constexpr int kDefaultDays = 7;

} // namespace

QString ReportCommand::name() const
{
    return QStringLiteral("report");
}

QString ReportCommand::summary() const
{
    return tr("Write a county briefing or the province atlas as a PDF file and exit.");
}

void ReportCommand::describe(QCommandLineParser &parser) const
{
    parser.addOption(QCommandLineOption(QStringLiteral("county"),
        tr("The county of a briefing: its code or name."), QStringLiteral("county")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("province"), tr("The province atlas instead.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("counties"), tr("In the atlas, one page per county as well.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("out"), tr("PDF file to write."), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("from"),
        tr("First day of the period, YYYY-MM-DD, China time (default: a week before --to)."),
        QStringLiteral("date")));
    parser.addOption(QCommandLineOption(QStringLiteral("to"),
        tr("Last day of the period, YYYY-MM-DD, China time (default: the day of the newest "
           "reading)."),
        QStringLiteral("date")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("paper"), tr("Paper size: A4 (default) or A3."), QStringLiteral("size")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("landscape"), tr("Landscape pages instead of portrait.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("allow-empty"), tr("Write the report even when the period has no data.")));
    parser.addOption(QCommandLineOption(QStringLiteral("sections"),
        tr("Sections to include, comma-separated, of %1 (default: all). The atlas has no "
           "charts; its map pages are the prefectures' and counties'.")
            .arg(ReportOptions::sectionNames().join(QLatin1Char(','))),
        QStringLiteral("list")));
    parser.addOption(SampleDataOption::option());
    parser.addOption(storeOption());
}

int ReportCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    auto refuse = [&err](const QString &message) {
        err << message << Qt::endl;
        return 2;
    };
    const bool province = parser.isSet(QStringLiteral("province"));
    const QString countyText = parser.value(QStringLiteral("county"));
    if (province == !countyText.isEmpty())
        return refuse(tr("report needs either --county CODE|NAME or --province"));
    if (parser.isSet(QStringLiteral("counties")) && !province)
        return refuse(tr("--counties goes with --province"));
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return refuse(tr("report needs --out FILE.pdf"));

    ReportOptions options;
    options.kind
        = province ? ReportOptions::Kind::ProvinceAtlas : ReportOptions::Kind::CountyBriefing;
    options.countyPages = parser.isSet(QStringLiteral("counties"));
    options.language = parser.isSet(QStringLiteral("lang")) ? parser.value(QStringLiteral("lang"))
                                                            : AppSettings::language();
    if (options.language.isEmpty())
        options.language = QStringLiteral("zh_CN");
    const QString paper = parser.value(QStringLiteral("paper")).toUpper();
    if (paper == QLatin1String("A3"))
        options.paper = QPageSize::A3;
    else if (!paper.isEmpty() && paper != QLatin1String("A4"))
        return refuse(
            tr("--paper must be A4 or A3, not %1").arg(parser.value(QStringLiteral("paper"))));
    if (parser.isSet(QStringLiteral("landscape")))
        options.orientation = QPageLayout::Landscape;
    options.mapReviewNumber = AppSettings::mapReviewNumber();
    // The office's name for the cover and the header, as entered in the settings.
    options.officeName = AppSettings::reportOfficeName();
    std::optional<bool> sample;
    if (QString problem; !SampleDataOption::parse(parser, &sample, &problem))
        return refuse(problem);
    if (parser.isSet(QStringLiteral("sections"))) {
        QString problem;
        options.sections
            = ReportOptions::parseSections(parser.value(QStringLiteral("sections")), &problem);
        if (!options.sections)
            return refuse(problem);
    }
    options.generatedAt = QDateTime::currentMSecsSinceEpoch();

    QDate from, to;
    for (const auto &[option, date] : { std::pair<QString, QDate *>(QStringLiteral("from"), &from),
             { QStringLiteral("to"), &to } }) {
        if (!parser.isSet(option))
            continue;
        *date = QDate::fromString(parser.value(option), Qt::ISODate);
        if (!date->isValid())
            return refuse(
                tr("--%1 must be a date YYYY-MM-DD, not %2").arg(option, parser.value(option)));
    }

    if (!province) {
        QString error;
        const auto directory = CountyDirectory::loadBundled(&error);
        if (!directory) {
            err << error << Qt::endl;
            return 1;
        }
        const County *county = directory->match(countyText);
        if (!county)
            return refuse(tr("%1 is not one of Guizhou's 88 counties; give a county code such as "
                             "520328 or a name such as 湄潭县")
                              .arg(countyText));
        options.county = county->code;
    }

    const QString spec = parser.isSet(QStringLiteral("store"))
        ? parser.value(QStringLiteral("store"))
        : AppSettings::defaultStoreSpec();
    QString error;
    if (parser.isSet(QStringLiteral("store"))
        && StoreRegistry::schemeOf(spec) == QLatin1String("sqlite")
        && StoreSpec::existingSqlitePath(spec, &error).isEmpty()) {
        err << error << Qt::endl;
        return 1;
    }
    // A report only reads: an existing store is opened read-only (an archive on a read-only
    // share will do); the user's own store is made on first use, as the window does.
    QString unused;
    const bool exists = StoreRegistry::schemeOf(spec) == QLatin1String("sqlite")
        && QFileInfo::exists(StoreSpec::sqlitePath(spec, &unused));
    StoreSet stores(exists ? StoreSpec::readOnly(spec) : spec);
    // Sample sites are in the report exactly when the window shows them, or as --sample says.
    const auto visibility = SampleDataOption::visibility(sample, spec, &error);
    if (!visibility) {
        err << error << Qt::endl;
        return 1;
    }
    options.sampleSites = visibility->samplesShown();
    if (!to.isValid()) {
        SensorStore *sensors = stores.sensors(&error);
        const auto newest = sensors ? sensors->newestTimestamp(&error) : std::nullopt;
        if (!newest) {
            err << error << Qt::endl;
            return 1;
        }
        to = ChinaTime::dateTime(*newest > 0 ? *newest : options.generatedAt).date();
    }
    if (!from.isValid())
        from = to.addDays(1 - kDefaultDays);
    if (from > to)
        return refuse(tr("--from %1 is after --to %2")
                          .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    options.from = ChinaTime::toUtcMs(from);
    options.to = ChinaTime::toUtcMs(to.addDays(1));

    // Map notes, legends and labels take the application's font: the report's fonts.
    // In points, as the painting library's own fonts derive their sizes from it.
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        QFont font = QGuiApplication::font();
        font.setFamilies(ReportFonts::families());
        QGuiApplication::setFont(font);
    }
    std::optional<ReportData> data = ReportDataReader::read(stores, options, &error);
    if (!data) {
        err << error << Qt::endl;
        return 1;
    }
    if (data->isEmptyPeriod() && !parser.isSet(QStringLiteral("allow-empty"))) {
        return refuse(tr("no data in this period (%1 to %2): no readings and no alerts; "
                         "--allow-empty writes the report anyway")
                          .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    }
    const ReportComposer composer(std::move(*data));
    if (!composer.writePdf(outPath, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("Report written to %1 (%n page(s))", nullptr, composer.pageCount())
               .arg(QDir::toNativeSeparators(QFileInfo(outPath).absoluteFilePath()))
        << Qt::endl;
    return 0;
}

} // namespace dv
