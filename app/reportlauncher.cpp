// File › Report…: opens the report dialog with the window's settings.
#include "reportlauncher.h"

#include "appsettings.h"
#include "chinatime.h"
#include "reportdialog.h"

#include <QDateTime>
#include <QMessageBox>
#include <QSettings>

namespace dv {

namespace {

constexpr int kDefaultDays = 7; // as dvdash report
const char *const kCountyKey = "report/county";

} // namespace

void ReportLauncher::show(QWidget *window, StoreReader *reader, bool sampleSitesShown)
{
    if (!reader) {
        QMessageBox::information(
            window, tr("Report"), tr("The sensor store is still opening; try again in a moment."));
        return;
    }
    ReportOptions defaults;
    defaults.county
        = QSettings().value(QLatin1String(kCountyKey), QStringLiteral("520102")).toString();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    defaults.to = ChinaTime::startOfDay(now) + kDayMs;
    defaults.from = defaults.to - kDefaultDays * kDayMs;
    defaults.language = AppSettings::language().isEmpty()
        ? (QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                    : QStringLiteral("en"))
        : AppSettings::language();
    defaults.officeName = AppSettings::reportOfficeName();
    defaults.mapReviewNumber = AppSettings::mapReviewNumber();
    defaults.sampleSites = sampleSitesShown;
    auto *dialog = new ReportDialog(reader, defaults, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog] {
        const ReportOptions chosen = dialog->options();
        if (!chosen.county.isEmpty())
            QSettings().setValue(QLatin1String(kCountyKey), chosen.county);
    });
    dialog->open();
}

} // namespace dv
