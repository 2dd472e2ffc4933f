// One indicator over the years for a few chosen counties, as lines or grouped bars.
#include "indicatortrendchart.h"

#include "indicator.h"
#include "indicatorcatalogue.h"
#include "indicatorstore.h"
#include "storereader.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace dv {

struct IndicatorTrendChart::Plot {
    QChart *chart = nullptr; // owned by the view
    QChartView *view = nullptr;
    std::vector<Indicator> indicators;
    std::vector<int> counts; // points or bars with a value, per series
    QString axisTitle;
};

IndicatorTrendChart::IndicatorTrendChart(
    StoreReader *reader, CountyDirectory counties, QWidget *parent)
    : QWidget(parent)
    , mReader(reader)
    , mCounties(std::move(counties))
    , mPlot(std::make_unique<Plot>())
    , mIndicatorBox(new QComboBox(this))
    , mCountyBox(new QComboBox(this))
    , mAdd(new QPushButton(this))
    , mLines(new QToolButton(this))
    , mBars(new QToolButton(this))
{
    mPlot->chart = new QChart;
    mPlot->chart->setMargins(QMargins(6, 6, 6, 6));
    mPlot->chart->legend()->setAlignment(Qt::AlignBottom);
    mPlot->view = new QChartView(mPlot->chart, this);
    mPlot->view->setRenderHint(QPainter::Antialiasing);
    mPlot->view->setMinimumSize(420, 280);

    mIndicatorBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const County &c : mCounties.counties())
        mCountyBox->addItem(tr("%1 · %2").arg(c.name, c.prefectureName), c.code);
    mLines->setText(tr("Lines"));
    mBars->setText(tr("Bars"));
    mBars->setToolTip(tr("Grouped bars, one group per year"));
    for (QToolButton *b : { mLines, mBars }) {
        b->setCheckable(true);
        b->setAutoExclusive(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    mLines->setChecked(true);
    auto *exportButton = new QPushButton(tr("Export PNG…"), this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(mIndicatorBox, 2);
    bar->addSpacing(12);
    bar->addWidget(mCountyBox, 1);
    bar->addWidget(mAdd);
    bar->addSpacing(12);
    bar->addWidget(mLines);
    bar->addWidget(mBars);
    bar->addStretch(0);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(mPlot->view, 1);

    connect(mIndicatorBox, &QComboBox::activated, this,
        [this](int i) { setIndicator(mIndicatorBox->itemData(i).toString()); });
    connect(
        mCountyBox, &QComboBox::currentIndexChanged, this, &IndicatorTrendChart::updateAddButton);
    connect(mAdd, &QPushButton::clicked, this, [this] {
        const QString code = mCountyBox->currentData().toString();
        if (mShown.contains(code))
            removeCounty(code);
        else
            addCounty(code);
    });
    connect(mLines, &QToolButton::clicked, this, [this] { setMode(Mode::Lines); });
    connect(mBars, &QToolButton::clicked, this, [this] { setMode(Mode::Bars); });
    connect(exportButton, &QPushButton::clicked, this, &IndicatorTrendChart::exportAsked);
    reload();
}

IndicatorTrendChart::~IndicatorTrendChart() = default;

void IndicatorTrendChart::reload()
{
    if (!mReader) {
        rebuild();
        return;
    }
    struct Answer {
        std::optional<std::vector<Indicator>> indicators;
        std::optional<QList<int>> years;
        QString error;
    };
    mListPending = true;
    mReader->request(
        QStringLiteral("indicator-trend-list-%1").arg(quintptr(this), 0, 16), this,
        [](StoreSet &stores) {
            Answer answer;
            if (IndicatorStore *store = stores.indicators(&answer.error)) {
                answer.indicators = store->indicators(&answer.error);
                if (answer.indicators)
                    answer.years = store->years(&answer.error);
            }
            return answer;
        },
        [this](Answer &answer) {
            mListPending = false;
            mError = answer.error;
            mPlot->indicators
                = answer.indicators ? std::move(*answer.indicators) : std::vector<Indicator>();
            mYears = answer.years.value_or(QList<int>());
            mSeries.clear(); // the values may have changed too
            if (mIndicator.isEmpty() && !mPlot->indicators.empty())
                mIndicator = mPlot->indicators.front().id;
            fillIndicators();
            rebuild();
        });
}

bool IndicatorTrendChart::requestMissing()
{
    const QHash<QString, QMap<int, double>> &known = mSeries[mIndicator];
    QStringList missing;
    for (const QString &code : mShown) {
        if (!known.contains(code))
            missing << code;
    }
    if (missing.isEmpty() || !mReader || mIndicator.isEmpty())
        return false;
    struct Answer {
        QHash<QString, QMap<int, double>> series;
        QString error;
    };
    mSeriesPending = true;
    const QString indicator = mIndicator;
    mReader->request(
        QStringLiteral("indicator-trend-series-%1").arg(quintptr(this), 0, 16), this,
        [indicator, missing](StoreSet &stores) {
            Answer answer;
            IndicatorStore *store = stores.indicators(&answer.error);
            for (const QString &code : missing) {
                QString error;
                auto values = store ? store->series(code, indicator, &error) : std::nullopt;
                // A county that fails is drawn empty, not asked for again and again.
                answer.series.insert(code, values.value_or(QMap<int, double>()));
                if (!values && answer.error.isEmpty())
                    answer.error = error;
            }
            return answer;
        },
        [this, indicator](Answer &answer) {
            mSeriesPending = false;
            auto &known = mSeries[indicator];
            for (auto it = answer.series.cbegin(); it != answer.series.cend(); ++it)
                known.insert(it.key(), it.value());
            if (!answer.error.isEmpty())
                mError = answer.error;
            if (indicator == mIndicator)
                rebuild();
        });
    return true;
}

void IndicatorTrendChart::fillIndicators()
{
    mIndicatorBox->clear();
    for (const Indicator &i : mPlot->indicators)
        mIndicatorBox->addItem(i.displayName(), i.id);
    mIndicatorBox->setCurrentIndex(mIndicatorBox->findData(mIndicator));
}

void IndicatorTrendChart::setIndicator(const QString &indicatorId)
{
    mIndicator = indicatorId;
    mIndicatorBox->setCurrentIndex(mIndicatorBox->findData(indicatorId));
    rebuild();
}

bool IndicatorTrendChart::addCounty(const QString &countyCode)
{
    if (!mCounties.byCode(countyCode) || mShown.contains(countyCode)
        || mShown.size() >= kMaxCounties)
        return false;
    mShown << countyCode;
    rebuild();
    return true;
}

void IndicatorTrendChart::removeCounty(const QString &countyCode)
{
    if (mShown.removeAll(countyCode) > 0)
        rebuild();
}

void IndicatorTrendChart::setCounties(const QStringList &countyCodes)
{
    mShown.clear();
    for (const QString &code : countyCodes) {
        if (mCounties.byCode(code) && !mShown.contains(code) && mShown.size() < kMaxCounties)
            mShown << code;
    }
    rebuild();
}

void IndicatorTrendChart::setMode(Mode mode)
{
    mMode = mode;
    (mode == Mode::Lines ? mLines : mBars)->setChecked(true);
    rebuild();
}

QColor IndicatorTrendChart::seriesColour(int index)
{
    // Okabe & Ito (2008); yellow last and darkened, as pure yellow vanishes on white.
    static const QRgb colours[]
        = { 0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0xe69f00, 0x56b4e9, 0x000000, 0xb8a800 };
    return QColor(colours[std::size_t(index) % std::size(colours)]);
}

void IndicatorTrendChart::rebuild()
{
    updateAddButton();
    if (requestMissing())
        return; // the chart shows what it showed until the new county's values come
    QChart *chart = mPlot->chart;
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    mPlot->counts.clear();

    const auto it = std::find_if(mPlot->indicators.begin(), mPlot->indicators.end(),
        [this](const Indicator &i) { return i.id == mIndicator; });
    const QList<int> years = mYears;
    if (it == mPlot->indicators.end() || years.isEmpty()) {
        chart->setTitle(mError.isEmpty() ? tr("No values") : mError);
        return;
    }
    const Indicator &indicator = *it;
    chart->setTitle(mShown.isEmpty()
            ? tr("%1 — add counties to compare").arg(indicator.displayName())
            : indicator.displayName());

    auto *xAxis = new QBarCategoryAxis;
    for (int y : years)
        xAxis->append(QString::number(y));
    auto *yAxis = new QValueAxis;
    mPlot->axisTitle = indicator.unit.isEmpty()
        ? indicator.displayName()
        : tr("%1 (%2)", "indicator and unit").arg(indicator.displayName(),
              IndicatorCatalogue::displayUnit(indicator.unit));
    yAxis->setTitleText(mPlot->axisTitle);
    yAxis->setLabelFormat(QStringLiteral("%.") + QString::number(std::min(indicator.decimals, 2))
        + QStringLiteral("f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    auto *bars = mMode == Mode::Bars ? new QBarSeries : nullptr;
    for (int s = 0; s < mShown.size(); ++s) {
        const County *county = mCounties.byCode(mShown[s]);
        const QMap<int, double> byYear = mSeries.value(mIndicator).value(mShown[s]);
        const QColor colour = seriesColour(s);
        int count = 0;
        if (bars) {
            auto *set = new QBarSet(county->name);
            set->setColor(colour);
            set->setBorderColor(colour);
            for (int y : years) {
                const double v = byYear.value(y, std::numeric_limits<double>::quiet_NaN());
                set->append(std::isfinite(v) ? v : 0.0);
                count += std::isfinite(v) ? 1 : 0;
            }
            bars->append(set);
        } else {
            auto *line = new QLineSeries;
            line->setName(county->name);
            line->setPen(QPen(colour, 2.5));
            line->setPointsVisible(true);
            for (int y = 0; y < years.size(); ++y) {
                const double v = byYear.value(years[y], std::numeric_limits<double>::quiet_NaN());
                if (std::isfinite(v)) {
                    line->append(y, v);
                    ++count;
                }
            }
            chart->addSeries(line);
            line->attachAxis(xAxis);
            line->attachAxis(yAxis);
        }
        for (double v : byYear) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        mPlot->counts.push_back(count);
    }
    if (bars) {
        chart->addSeries(bars);
        bars->attachAxis(xAxis);
        bars->attachAxis(yAxis);
    }
    if (lo > hi) {
        lo = 0;
        hi = 1;
    }
    // Bars must start at zero to be honest; lines are read for their shape.
    lo = bars ? std::min(0.0, lo) : lo - (hi - lo) * 0.1;
    if (std::isfinite(indicator.minimum))
        lo = std::max(lo, indicator.minimum);
    yAxis->setRange(lo, hi == lo ? lo + 1 : hi + (hi - lo) * 0.05);
    yAxis->applyNiceNumbers();
    chart->legend()->setVisible(!mShown.isEmpty());
}

void IndicatorTrendChart::updateAddButton()
{
    const QString code = mCountyBox->currentData().toString();
    const bool shown = mShown.contains(code);
    mAdd->setText(shown ? tr("Remove") : tr("Add"));
    mAdd->setEnabled(shown || mShown.size() < kMaxCounties);
    mAdd->setToolTip(shown || mShown.size() < kMaxCounties
            ? QString()
            : tr("At most %1 counties: remove one first").arg(kMaxCounties));
}

int IndicatorTrendChart::seriesCount() const
{
    return int(mPlot->counts.size());
}

int IndicatorTrendChart::pointCount(int series) const
{
    return series >= 0 && series < seriesCount() ? mPlot->counts[std::size_t(series)] : 0;
}

QString IndicatorTrendChart::axisTitle() const
{
    return mPlot->axisTitle;
}

bool IndicatorTrendChart::exportPng(const QString &path, QString *error) const
{
    if (mPlot->view->grab().save(path, "PNG"))
        return true;
    if (error)
        *error = tr("Could not write %1").arg(path);
    return false;
}

void IndicatorTrendChart::exportAsked()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), QString(), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPng(path, &error))
        QMessageBox::warning(this, tr("Export chart"), error);
}

} // namespace dv
