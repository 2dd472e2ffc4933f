// The choropleth's panel: indicator, classification, palette, and a year slider that can play.
#include "choroplethcontrols.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace dv {

namespace {

// A strip of the palette's five-class colours, so a palette is chosen by its look.
QIcon swatchIcon(const ColorRamp &ramp, qreal dpr)
{
    const QSize size(60, 14);
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    const QVector<QColor> colours = ramp.colours(5);
    const double w = double(size.width()) / colours.size();
    for (int i = 0; i < colours.size(); ++i)
        p.fillRect(QRectF(i * w, 0, w + 0.5, size.height()), colours[i]);
    p.setPen(QColor(0, 0, 0, 90));
    p.drawRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1));
    return QIcon(pixmap);
}

} // namespace

ChoroplethControls::ChoroplethControls(QWidget *parent)
    : QWidget(parent)
    , mIndicatorCombo(new QComboBox(this))
    , mMethodCombo(new QComboBox(this))
    , mClassesSpin(new QSpinBox(this))
    , mPaletteCombo(new QComboBox(this))
    , mReversedCheck(new QCheckBox(tr("Reversed"), this))
    , mAllYearsCheck(new QCheckBox(tr("Classes over all years"), this))
    , mPlayButton(new QToolButton(this))
    , mYearSlider(new QSlider(Qt::Horizontal, this))
    , mYearLabel(new QLabel(this))
{
    mIndicatorCombo->setObjectName(QStringLiteral("indicatorCombo"));
    mIndicatorCombo->setToolTip(tr("Indicator shown on the map"));
    mIndicatorCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mIndicatorCombo->setMinimumContentsLength(12);

    mMethodCombo->setObjectName(QStringLiteral("methodCombo"));
    mMethodCombo->setToolTip(tr("How values are divided into classes"));
    for (auto m : { ClassBreaks::Method::Quantile, ClassBreaks::Method::EqualInterval,
             ClassBreaks::Method::NaturalBreaks })
        mMethodCombo->addItem(ClassBreaks::methodName(m), int(m));
    mMethodCombo->setCurrentIndex(2);

    mClassesSpin->setObjectName(QStringLiteral("classesSpin"));
    mClassesSpin->setRange(ClassBreaks::kMinClasses, ClassBreaks::kMaxClasses);
    mClassesSpin->setValue(5);
    mClassesSpin->setSuffix(tr(" classes"));
    mClassesSpin->setToolTip(tr("Number of classes (3–9)"));

    mPaletteCombo->setObjectName(QStringLiteral("paletteCombo"));
    mPaletteCombo->setToolTip(tr("Colour-blind-safe ColorBrewer palettes: sequential for "
                                 "amounts, diverging for values around a midpoint"));
    mPaletteCombo->setIconSize(QSize(60, 14));
    const qreal dpr = devicePixelRatioF();
    for (auto kind : { ColorRamp::Kind::Sequential, ColorRamp::Kind::Diverging }) {
        if (mPaletteCombo->count() > 0)
            mPaletteCombo->insertSeparator(mPaletteCombo->count());
        for (const ColorRamp &ramp : ColorRamp::ofKind(kind)) {
            const QString kindName
                = kind == ColorRamp::Kind::Sequential ? tr("sequential") : tr("diverging");
            mPaletteCombo->addItem(swatchIcon(ramp, dpr),
                tr("%1 (%2)", "palette name (kind)").arg(ramp.displayName(), kindName), ramp.id());
        }
    }
    mPaletteCombo->setCurrentIndex(0); // YlGnBu

    mReversedCheck->setObjectName(QStringLiteral("reversedCheck"));
    mReversedCheck->setToolTip(
        tr("Dark colours for low values; chosen by itself for indicators where lower is better"));

    mAllYearsCheck->setObjectName(QStringLiteral("allYearsCheck"));
    mAllYearsCheck->setToolTip(tr("Compute the classes over every year's values, so a colour "
                                  "means the same amount in every year; Play turns this on"));

    mPlayButton->setObjectName(QStringLiteral("playButton"));
    mPlayButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    mPlayButton->setToolTip(tr("Show the years one after another"));
    mYearSlider->setObjectName(QStringLiteral("yearSlider"));
    mYearSlider->setToolTip(tr("Year"));
    mYearSlider->setTickPosition(QSlider::TicksBelow);
    mYearSlider->setPageStep(1);
    mYearLabel->setObjectName(QStringLiteral("yearLabel"));
    mYearLabel->setMinimumWidth(
        mYearLabel->fontMetrics().horizontalAdvance(QStringLiteral("8888")) + 6);
    QFont bold = mYearLabel->font();
    bold.setBold(true);
    mYearLabel->setFont(bold);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->addWidget(new QLabel(tr("Indicator"), this), 0, 0);
    grid->addWidget(mIndicatorCombo, 0, 1, 1, 2);
    grid->addWidget(new QLabel(tr("Classes"), this), 1, 0);
    grid->addWidget(mMethodCombo, 1, 1);
    grid->addWidget(mClassesSpin, 1, 2);
    grid->addWidget(new QLabel(tr("Colours"), this), 2, 0);
    grid->addWidget(mPaletteCombo, 2, 1);
    grid->addWidget(mReversedCheck, 2, 2);
    grid->addWidget(mAllYearsCheck, 4, 1, 1, 2);
    auto *yearRow = new QHBoxLayout;
    yearRow->addWidget(mPlayButton);
    yearRow->addWidget(mYearSlider, 1);
    yearRow->addWidget(mYearLabel);
    grid->addWidget(new QLabel(tr("Year"), this), 3, 0);
    grid->addLayout(yearRow, 3, 1, 1, 2);
    grid->setColumnStretch(1, 1);

    mPlayTimer.setInterval(1000);
    connect(&mPlayTimer, &QTimer::timeout, this, [this] {
        // A slow store: the year stays until its values are on the map, none is skipped.
        if (!valuesReady())
            return;
        if (!stepYear(+1) || mYearSlider->value() == mYearSlider->maximum())
            pause();
    });
    connect(mPlayButton, &QToolButton::clicked, this, &ChoroplethControls::togglePlay);
    connect(mIndicatorCombo, &QComboBox::currentIndexChanged, this,
        &ChoroplethControls::onIndicatorChanged);
    connect(mMethodCombo, &QComboBox::currentIndexChanged, this, &ChoroplethControls::publish);
    connect(mClassesSpin, &QSpinBox::valueChanged, this, &ChoroplethControls::publish);
    connect(mPaletteCombo, &QComboBox::currentIndexChanged, this, &ChoroplethControls::publish);
    connect(mReversedCheck, &QCheckBox::toggled, this, &ChoroplethControls::publish);
    connect(mAllYearsCheck, &QCheckBox::toggled, this, &ChoroplethControls::publish);
    connect(mAllYearsCheck, &QCheckBox::clicked, this, [this] { mAllYearsChosen = true; });
    connect(mYearSlider, &QSlider::valueChanged, this, &ChoroplethControls::onYearIndexChanged);

    rebuildIndicatorCombo(QString());
    setYears({});
}

void ChoroplethControls::setIndicators(const QVector<Indicator> &indicators)
{
    const QString keep = currentIndicatorId();
    mIndicators = indicators;
    rebuildIndicatorCombo(keep);
    onIndicatorChanged();
}

void ChoroplethControls::rebuildIndicatorCombo(const QString &keep)
{
    const QSignalBlocker block(mIndicatorCombo);
    mIndicatorCombo->clear();
    mIndicatorCombo->addItem(tr("None (plain map)"), QString());
    for (const Indicator &i : mIndicators) {
        const QString text
            = i.unit.isEmpty() ? i.name : tr("%1 (%2)", "indicator (unit)").arg(i.name, i.unit);
        mIndicatorCombo->addItem(text, i.id);
    }
    mIndicatorCombo->setCurrentIndex(std::max(0, mIndicatorCombo->findData(keep)));
}

void ChoroplethControls::setYears(QVector<int> years)
{
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    const int keep = currentYear();
    mYears = years;
    {
        const QSignalBlocker block(mYearSlider);
        mYearSlider->setRange(0, std::max(0, int(mYears.size()) - 1));
        // Keep the year shown; else show the latest, what officials ask for first.
        const int index = int(mYears.indexOf(keep));
        mYearSlider->setValue(index >= 0 ? index : mYearSlider->maximum());
    }
    mYearSlider->setEnabled(mYears.size() > 1);
    if (mYears.size() < 2)
        pause();
    updatePlayButton();
    onYearIndexChanged(mYearSlider->value());
}

void ChoroplethControls::setDataFunction(DataFunction function)
{
    mData = std::move(function);
    publish();
}

QString ChoroplethControls::currentIndicatorId() const
{
    return mIndicatorCombo->currentData().toString();
}

void ChoroplethControls::setCurrentIndicator(const QString &id)
{
    const int index = mIndicatorCombo->findData(id);
    if (index >= 0)
        mIndicatorCombo->setCurrentIndex(index);
}

int ChoroplethControls::currentYear() const
{
    const int index = mYearSlider->value();
    return index >= 0 && index < mYears.size() ? mYears[index] : 0;
}

void ChoroplethControls::setCurrentYear(int year)
{
    const int index = int(mYears.indexOf(year));
    if (index >= 0)
        mYearSlider->setValue(index);
}

ClassBreaks::Method ChoroplethControls::method() const
{
    return ClassBreaks::Method(mMethodCombo->currentData().toInt());
}

void ChoroplethControls::setMethod(ClassBreaks::Method method)
{
    mMethodCombo->setCurrentIndex(mMethodCombo->findData(int(method)));
}

int ChoroplethControls::classCount() const
{
    return mClassesSpin->value();
}

void ChoroplethControls::setClassCount(int classes)
{
    mClassesSpin->setValue(classes);
}

QString ChoroplethControls::paletteId() const
{
    return mPaletteCombo->currentData().toString();
}

void ChoroplethControls::setPaletteId(const QString &id)
{
    const int index = mPaletteCombo->findData(id);
    if (index >= 0)
        mPaletteCombo->setCurrentIndex(index);
}

bool ChoroplethControls::isReversed() const
{
    return mReversedCheck->isChecked();
}

void ChoroplethControls::setReversed(bool reversed)
{
    mReversedCheck->setChecked(reversed);
}

bool ChoroplethControls::classesOverAllYears() const
{
    return mAllYearsCheck->isChecked();
}

void ChoroplethControls::setClassesOverAllYears(bool on)
{
    mAllYearsCheck->setChecked(on);
}

bool ChoroplethControls::valuesReady() const
{
    const QString id = currentIndicatorId();
    if (id.isEmpty() || !mData || currentYear() == 0)
        return true;
    if (!mData(id, currentYear()))
        return false;
    if (!classesOverAllYears())
        return true;
    return std::all_of(
        mYears.cbegin(), mYears.cend(), [&](int year) { return bool(mData(id, year)); });
}

std::optional<ChoroplethStyle> ChoroplethControls::currentStyle() const
{
    const QString id = currentIndicatorId();
    const auto it = std::find_if(
        mIndicators.cbegin(), mIndicators.cend(), [&](const Indicator &i) { return i.id == id; });
    if (id.isEmpty() || it == mIndicators.cend())
        return std::nullopt;
    ChoroplethStyle style;
    style.setIndicatorId(it->id);
    style.setTitle(it->name);
    style.setUnit(it->unit);
    style.setDecimals(it->decimals);
    style.setSource(it->source);
    style.setYear(currentYear());
    style.setMethod(method());
    style.setClassCount(classCount());
    style.setPaletteId(paletteId());
    style.setReversed(isReversed());
    if (mData && currentYear() != 0) {
        if (classesOverAllYears() && mYears.size() > 1) {
            std::vector<double> all;
            for (int year : mYears) {
                if (const auto values = mData(id, year))
                    all.insert(all.end(), values->cbegin(), values->cend());
            }
            style.setBreakValues(
                all, tr("%1–%2", "first and last year").arg(mYears.first()).arg(mYears.last()));
        }
        if (auto values = mData(id, currentYear()))
            style.setValues(*values);
    }
    return style;
}

void ChoroplethControls::play()
{
    if (mYears.size() < 2 || isPlaying())
        return;
    // Colours that mean the same every year show the change; the user's own choice stays.
    bool restyle = false;
    if (!mAllYearsChosen && !classesOverAllYears()) {
        const QSignalBlocker block(mAllYearsCheck); // one style for the first year, not two
        mAllYearsCheck->setChecked(true);
        restyle = true;
    }
    if (mYearSlider->value() == mYearSlider->maximum())
        mYearSlider->setValue(0); // from the last year, play starts at the first (publishes)
    else if (restyle)
        publish();
    mPlayTimer.start();
    updatePlayButton();
    emit playingChanged(true);
}

void ChoroplethControls::pause()
{
    if (!isPlaying())
        return;
    mPlayTimer.stop();
    updatePlayButton();
    emit playingChanged(false);
}

void ChoroplethControls::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

bool ChoroplethControls::stepYear(int delta)
{
    const int index = mYearSlider->value() + delta;
    if (mYears.isEmpty() || index < 0 || index > mYearSlider->maximum())
        return false;
    mYearSlider->setValue(index);
    return true;
}

void ChoroplethControls::onIndicatorChanged()
{
    const QString id = currentIndicatorId();
    const auto it = std::find_if(
        mIndicators.cbegin(), mIndicators.cend(), [&](const Indicator &i) { return i.id == id; });
    if (it != mIndicators.cend()) {
        // Where lower is better, the dark end goes to low values: dark always means good.
        const QSignalBlocker block(mReversedCheck);
        mReversedCheck->setChecked(!it->higherIsBetter);
    }
    const bool on = !id.isEmpty();
    for (QWidget *w : { static_cast<QWidget *>(mMethodCombo), static_cast<QWidget *>(mClassesSpin),
             static_cast<QWidget *>(mPaletteCombo), static_cast<QWidget *>(mReversedCheck),
             static_cast<QWidget *>(mAllYearsCheck) })
        w->setEnabled(on);
    if (!on)
        pause();
    updatePlayButton();
    publish();
}

void ChoroplethControls::onYearIndexChanged(int)
{
    const int year = currentYear();
    mYearLabel->setText(year ? QString::number(year) : QString(QChar(0x2013)));
    publish();
    if (year != 0)
        emit yearChanged(year);
}

void ChoroplethControls::updatePlayButton()
{
    const bool playing = isPlaying();
    mPlayButton->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    mPlayButton->setText(playing ? tr("Pause") : tr("Play"));
    mPlayButton->setEnabled(mYears.size() > 1 && !currentIndicatorId().isEmpty());
}

void ChoroplethControls::refresh()
{
    publish();
}

void ChoroplethControls::publish()
{
    // Values still on their way: the map keeps the previous style until refresh().
    if (!valuesReady())
        return;
    const auto style = currentStyle();
    if (style)
        emit choroplethChanged(*style);
    else
        emit cleared();
}

} // namespace dv
