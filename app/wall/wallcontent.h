// What one frame of the wall shows: the figures, warnings, ranking and charts at hand.
#pragma once

#include "chartseries.h"
#include "overviewfigures.h"
#include "thresholdband.h"

#include <QString>
#include <QVector>

#include <vector>

namespace dv {

// Plain data gathered by WallController from the workspaces and stores; WallScene lays it out.
struct WallContent {
    struct Warning {
        quint64 episode = 0;
        QString time; // "09:42", China time
        QString place; // "湄潭县 · 茶园 3"
        QString rule; // the rule's name
        QString value; // "-1.2 °C"
        bool critical = false;
        bool acknowledged = false;
    };
    struct Rank {
        int rank = 0;
        QString name;
        double score = 0;
        bool focus = false; // the wall's focus, highlighted
    };
    struct Chart {
        QString title;
        ChartSeries series;
        QVector<ThresholdBand> bands;
        qint64 from = 0;
        qint64 to = 0;
    };

    QString view = QStringLiteral("overview"); // overview, charts, warnings, ranking, interrupt
    int page = 1; // 1-based position in the rotation
    int pages = 1;
    QString title; // "贵州数字乡村"
    qint64 now = 0; // ms UTC: the clock
    qint64 newestReading = 0; // ms UTC, 0 when none
    qint64 staleAfterMs = 10 * 60 * 1000;
    OverviewFigures figures;
    QString focusName;
    std::vector<Warning> warnings; // open ones, newest first
    int rankingYear = 0;
    std::vector<Rank> ranking; // best first
    std::vector<Chart> charts;
    Warning interrupt; // view "interrupt"
    Chart interruptChart;
    qint64 interruptRemainingMs = 0;
};

} // namespace dv
