// The selected county as an official asks about it: sites, open warnings, key indicators.
#include "countysummary.h"

#include "alertrecord.h"
#include "alertstore.h"
#include "fieldlabels.h"
#include "indicatorstore.h"
#include "storereader.h"
#include "vectorlayer.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

struct AlertAnswer {
    std::optional<CountySummary::Warnings> warnings;
    QString error;
};

struct IndicatorAnswer {
    std::optional<std::vector<CountyProfile::Row>> rows;
    QString error;
};

QString number(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    return QLocale().toString(rounded == 0 ? 0.0 : rounded, 'f', decimals);
}

QString link(const QString &href, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(href, text.toHtmlEscaped());
}

} // namespace

CountySummary::CountySummary(QWidget *parent)
    : QWidget(parent)
    , mLabel(new QLabel(this))
{
    mLabel->setTextFormat(Qt::RichText);
    mLabel->setWordWrap(true);
    mLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    mLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mLabel);
    connect(mLabel, &QLabel::linkActivated, this, &CountySummary::activateLink);
    clear();
}

void CountySummary::setAlertReader(StoreReader *reader)
{
    mAlertReader = reader;
    if (!mCode.isEmpty())
        requestAlerts();
}

void CountySummary::setIndicatorReader(StoreReader *reader, const CountyDirectory &counties)
{
    mIndicatorReader = reader;
    mCounties = counties;
    if (!mCode.isEmpty())
        requestIndicators();
}

void CountySummary::setSiteVisibility(const SiteVisibility &visibility)
{
    const bool same = visibility.samplesShown() == mVisibility.samplesShown()
        && visibility.sampleIds() == mVisibility.sampleIds();
    mVisibility = visibility;
    if (!same && !mCode.isEmpty())
        requestAlerts();
}

void CountySummary::clear()
{
    mCode.clear();
    mName.clear();
    mSites.clear();
    mWarnings.reset();
    mIndicators.reset();
    mAlertError.clear();
    mIndicatorError.clear();
    mAlertsPending = mIndicatorsPending = false;
    mLabel->clear();
    hide();
}

void CountySummary::showCounty(const VectorLayer &counties, int feature, const VectorLayer *sites)
{
    if (feature < 0 || feature >= counties.featureCount()) {
        clear();
        return;
    }
    const QString code = counties.table().text(feature, QStringLiteral("code"));
    if (code != mCode) {
        mWarnings.reset();
        mIndicators.reset();
    }
    mCode = code;
    mName = counties.table().text(feature, QStringLiteral("name"));
    mSites.clear();
    if (sites) {
        // The layer is in memory: counting 1,100 rows costs nothing on the GUI thread.
        const FeatureTable &t = sites->table();
        const int countyField = t.fieldIndex(QStringLiteral("county_code"));
        const int typeField = t.fieldIndex(QStringLiteral("type"));
        for (int f = 0; countyField >= 0 && typeField >= 0 && f < sites->featureCount(); ++f) {
            if (t.value(f, countyField).toString() == mCode)
                ++mSites[t.value(f, typeField).toString()];
        }
    }
    show();
    requestAlerts();
    requestIndicators();
    render();
}

void CountySummary::requestAlerts()
{
    if (!mAlertReader || mCode.isEmpty())
        return;
    mAlertsPending = true;
    const QString code = mCode;
    mAlertReader->request(
        QStringLiteral("county-summary-alerts"), this,
        [code, visibility = mVisibility](StoreSet &stores) {
            AlertAnswer answer;
            AlertStore *store = stores.alerts(&answer.error);
            if (!store)
                return answer;
            AlertFilter filter;
            filter.openOnly = true;
            filter.countyCode = code;
            const auto alerts = store->alerts(filter, &answer.error);
            if (!alerts)
                return answer;
            Warnings w;
            for (const AlertRecord &a : *alerts) {
                if (!a.isOpen() || !visibility.showsDeviceKey(a.deviceKey))
                    continue;
                ++w.open;
                w.critical += a.critical ? 1 : 0;
                w.unacknowledged += a.state == AlertRecord::Active ? 1 : 0;
            }
            answer.warnings = w;
            return answer;
        },
        [this, code](const AlertAnswer &answer) {
            if (code != mCode)
                return;
            mAlertsPending = false;
            mWarnings = answer.warnings;
            mAlertError = answer.error;
            render();
        });
}

void CountySummary::requestIndicators()
{
    if (!mIndicatorReader || mCode.isEmpty())
        return;
    mIndicatorsPending = true;
    const QString code = mCode;
    const CountyDirectory counties = mCounties;
    mIndicatorReader->request(
        QStringLiteral("county-summary-indicators"), this,
        [code, counties](StoreSet &stores) {
            IndicatorAnswer answer;
            IndicatorStore *store = stores.indicators(&answer.error);
            if (!store)
                return answer;
            QString error;
            std::vector<CountyProfile::Row> rows
                = CountyProfile::readRows(*store, counties, code, &error);
            if (!error.isEmpty())
                answer.error = error;
            else
                answer.rows = std::move(rows);
            return answer;
        },
        [this, code](const IndicatorAnswer &answer) {
            if (code != mCode)
                return;
            mIndicatorsPending = false;
            mIndicators = answer.rows;
            mIndicatorError = answer.error;
            render();
        });
}

void CountySummary::activateLink(const QString &href)
{
    if (mCode.isEmpty())
        return;
    if (href == QLatin1String("sites"))
        emit sitesRequested(mCode);
    else if (href == QLatin1String("alerts"))
        emit alertsRequested(mCode, mName);
    else if (href == QLatin1String("indicators"))
        emit indicatorsRequested(mCode);
}

QString CountySummary::text() const
{
    return mLabel->text();
}

void CountySummary::render()
{
    if (mCode.isEmpty()) {
        mLabel->clear();
        return;
    }
    QStringList html;
    // Sites by type, most numerous first.
    int total = 0;
    QList<QPair<int, QString>> types;
    for (auto it = mSites.cbegin(); it != mSites.cend(); ++it) {
        total += it.value();
        types.append({ -it.value(), it.key() });
    }
    std::sort(types.begin(), types.end());
    html << QStringLiteral("<p><b>%1</b> %2<br>")
                .arg(tr("Sites: %n", "", total).toHtmlEscaped(),
                    total > 0 ? link(QStringLiteral("sites"), tr("show on the map")) : QString());
    QStringList counts;
    for (const auto &[negative, type] : types)
        counts << tr("%1: %2", "site type and count")
                      .arg(FieldLabels::siteTypeLabel(type))
                      .arg(-negative)
                      .toHtmlEscaped();
    html << (counts.isEmpty() ? tr("No registered sites.").toHtmlEscaped()
                              : counts.join(QStringLiteral(" · ")))
         << QStringLiteral("</p>");

    // Open warnings.
    html << QStringLiteral("<p>");
    if (!mAlertReader) {
        html << tr("Warnings appear once the sensor store is open.").toHtmlEscaped();
    } else if (!mAlertError.isEmpty()) {
        html << tr("Warnings cannot be read: %1").arg(mAlertError).toHtmlEscaped();
    } else if (!mWarnings) {
        html << tr("Reading warnings…").toHtmlEscaped();
    } else if (mWarnings->open == 0) {
        html << QStringLiteral("<b>%1</b>").arg(tr("No open warnings").toHtmlEscaped());
    } else {
        html << QStringLiteral("<b>%1</b> %2<br>%3")
                    .arg(tr("Open warnings: %n", "", mWarnings->open).toHtmlEscaped(),
                        link(QStringLiteral("alerts"), tr("open the list")),
                        tr("%n critical", "", mWarnings->critical).toHtmlEscaped()
                            + QStringLiteral(" · ")
                            + tr("%n unacknowledged", "", mWarnings->unacknowledged)
                                  .toHtmlEscaped());
    }
    html << QStringLiteral("</p>");

    // The index and the first indicators: latest year, value, rank.
    html << QStringLiteral("<p>");
    if (!mIndicatorReader) {
        html << tr("County indicators are not available.").toHtmlEscaped();
    } else if (!mIndicatorError.isEmpty()) {
        html << tr("County indicators cannot be read: %1").arg(mIndicatorError).toHtmlEscaped();
    } else if (!mIndicators) {
        html << tr("Reading county indicators…").toHtmlEscaped();
    } else if (std::none_of(mIndicators->begin(), mIndicators->end(),
                   [](const CountyProfile::Row &row) { return row.year > 0; })) {
        html << tr("No county indicator values for %1 yet.").arg(mName).toHtmlEscaped();
    } else {
        html << QStringLiteral("<b>%1</b> %2")
                    .arg(tr("Key indicators").toHtmlEscaped(),
                        link(QStringLiteral("indicators"), tr("county profile")));
        int shown = 0;
        for (const CountyProfile::Row &row : *mIndicators) {
            if (shown > kKeyIndicators)
                break;
            ++shown;
            QString value = row.year ? number(row.value, row.decimals) : tr("no data");
            if (row.year && !row.unit.isEmpty())
                value = tr("%1 %2", "value and unit").arg(value, row.unit);
            QString line = tr("%1: %2", "indicator and value").arg(row.name, value);
            if (row.rank > 0)
                line += QStringLiteral(" · ")
                    + tr("rank %1 of %2 (%3)").arg(row.rank).arg(row.ranked).arg(row.year);
            html << QStringLiteral("<br>")
                    + (row.indicatorId.isEmpty() ? QStringLiteral("<b>%1</b>")
                                                 : QStringLiteral("%1"))
                          .arg(line.toHtmlEscaped());
        }
    }
    html << QStringLiteral("</p>");
    mLabel->setText(html.join(QString()));
}

} // namespace dv
