// The province at a glance on the desk: the overview's figures as tiles that open their lists.
#include "overviewpanel.h"

#include "chinatime.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace dv {

OverviewPanel::OverviewPanel(QWidget *parent)
    : QWidget(parent)
    , mFocus(new QLabel(this))
    , mProvince(new QToolButton(this))
    , mIndicatorHeading(new QLabel(this))
    , mUpdated(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *live = new QLabel(tr("<b>Now</b>"), this);
    layout->addWidget(live);
    auto *grid = new QGridLayout;
    grid->setSpacing(4);
    auto *indicatorGrid = new QGridLayout;
    indicatorGrid->setSpacing(4);
    for (int k = 0; k < OverviewFigures::KeyCount; ++k) {
        const auto key = OverviewFigures::Key(k);
        auto *tile = new QToolButton(this);
        tile->setAutoRaise(true);
        tile->setToolButtonStyle(Qt::ToolButtonTextOnly);
        tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        tile->setText(OverviewFigures::label(key) + QStringLiteral("\n—"));
        connect(tile, &QToolButton::clicked, this, [this, key] { emit figureActivated(key); });
        mTiles[k] = tile;
        if (OverviewFigures::isIndicator(key)) {
            const int i = k - OverviewFigures::ValueAdded;
            indicatorGrid->addWidget(tile, i / 2, i % 2);
        } else {
            grid->addWidget(tile, k / 2, k % 2);
        }
    }
    layout->addLayout(grid);
    // The indicators are for the place selected on the map; the button goes back to the province.
    auto *headingRow = new QHBoxLayout;
    mIndicatorHeading->setWordWrap(true);
    headingRow->addWidget(mIndicatorHeading, 1);
    mProvince->setText(tr("Whole province"));
    mProvince->setToolTip(tr("Show the province's indicators again"));
    mProvince->hide();
    connect(mProvince, &QToolButton::clicked, this, &OverviewPanel::provinceRequested);
    headingRow->addWidget(mProvince);
    layout->addLayout(headingRow);
    mFocus->setForegroundRole(QPalette::PlaceholderText);
    mFocus->hide();
    layout->addWidget(mFocus);
    layout->addLayout(indicatorGrid);
    layout->addStretch(1);
    mUpdated->setForegroundRole(QPalette::PlaceholderText);
    mUpdated->setWordWrap(true);
    layout->addWidget(mUpdated);
    mIndicatorHeading->setText(tr("<b>Indicators</b>"));
}

void OverviewPanel::setFocus(const QString &name, bool province)
{
    mFocusName = name;
    mProvince->setVisible(!province);
    // Until its figures are read the heading names the old place: say what is coming.
    mFocus->setText(tr("Reading the indicators of %1…").arg(name));
    mFocus->setVisible(name != mFiguresFocusName);
}

void OverviewPanel::setFigures(const OverviewFigures &figures, const QString &focusName)
{
    for (int k = 0; k < OverviewFigures::KeyCount; ++k) {
        const auto key = OverviewFigures::Key(k);
        const auto &figure = figures.figure(key);
        QString text = OverviewFigures::label(key) + QLatin1Char('\n') + figures.valueText(key);
        const QString trend = figures.trendText(key);
        if (!trend.isEmpty())
            text += QStringLiteral("   ") + trend;
        mTiles[k]->setText(text);
        mTiles[k]->setToolTip(figure.available ? OverviewFigures::label(key) : figure.reason);
        QFont font = mTiles[k]->font();
        font.setBold(key == OverviewFigures::CriticalWarnings && figure.available && figure.value > 0);
        mTiles[k]->setFont(font);
    }
    mFiguresFocusName = focusName;
    mFocus->setVisible(!mFocusName.isEmpty() && mFocusName != focusName);
    mIndicatorHeading->setText(figures.indicatorYear()
            ? tr("<b>Indicators, %1, %2</b>").arg(focusName).arg(figures.indicatorYear())
            : tr("<b>Indicators, %1</b>").arg(focusName));
    mUpdated->setText(figures.computedAt()
            ? tr("Updated %1").arg(ChinaTime::dateTime(figures.computedAt()).toString(
                  QStringLiteral("HH:mm:ss")))
            : QString());
}

} // namespace dv
