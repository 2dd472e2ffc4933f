// The selected county's or site's attributes, with field names in the user's language.
#include "featureinfopanel.h"

#include "countysummary.h"
#include "fieldlabels.h"
#include "vectorlayer.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dv {

FeatureInfoPanel::FeatureInfoPanel(QWidget *parent)
    : QWidget(parent)
    , mTitle(new QLabel(this))
    , mSubtitle(new QLabel(this))
    , mSummary(new CountySummary(this))
    , mTable(new QTableWidget(0, 2, this))
{
    QFont big = mTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    mTitle->setFont(big);
    mTitle->setWordWrap(true);
    mSubtitle->setWordWrap(true);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    mTable->verticalHeader()->hide();
    mTable->setHorizontalHeaderLabels({ tr("Attribute"), tr("Value") });
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mTitle);
    layout->addWidget(mSubtitle);
    layout->addWidget(mSummary);
    layout->addWidget(mTable, 1);
    clear();
}

void FeatureInfoPanel::clear()
{
    mTitle->setText(tr("Nothing selected"));
    mSubtitle->setText(tr("Click a county or site on the map, or search for one by name or code."));
    mSummary->clear();
    mTable->setRowCount(0);
}

void FeatureInfoPanel::showFeature(const VectorLayer &layer, int feature)
{
    if (feature < 0 || feature >= layer.featureCount()) {
        clear();
        return;
    }
    const FeatureTable &t = layer.table();
    if (layer.role() != LayerRole::Counties)
        mSummary->clear();
    mTitle->setText(layer.featureTitle(feature));
    QString subtitle = layer.name();
    // Only the bundled samples carry "sample"; the office's registered sites are real.
    if (layer.role() == LayerRole::Sites && t.value(feature, QStringLiteral("sample")).toInt())
        subtitle = tr("%1 — sample data, not real sites")
                       .arg(FieldLabels::siteTypeLabel(t.text(feature, QStringLiteral("type"))));
    else if (layer.role() == LayerRole::Sites)
        subtitle = tr("%1 — registered site")
                       .arg(FieldLabels::siteTypeLabel(t.text(feature, QStringLiteral("type"))));
    mSubtitle->setText(subtitle);
    mTable->setRowCount(0);
    auto addRow = [&](const QString &label, const QString &value) {
        const int row = mTable->rowCount();
        mTable->insertRow(row);
        mTable->setItem(row, 0, new QTableWidgetItem(label));
        mTable->setItem(row, 1, new QTableWidgetItem(value));
    };
    for (int i = 0; i < t.fieldCount(); ++i) {
        const QString field = t.fieldNames()[i];
        const QVariant v = t.value(feature, i);
        // Null fields belong to other site types (a clinic has no tea variety): leave them out.
        if (v.isNull() || field == QLatin1String("label_lon")
            || field == QLatin1String("label_lat"))
            continue;
        addRow(FieldLabels::label(field), FieldLabels::displayValue(field, v));
    }
    if (layer.kind() == GeometryKind::Point) {
        const QPointF p = layer.lonLat().firstVertex(feature);
        addRow(tr("Longitude, latitude"),
            QStringLiteral("%1°E, %2°N").arg(p.x(), 0, 'f', 5).arg(p.y(), 0, 'f', 5));
    }
}

QList<QPair<QString, QString>> FeatureInfoPanel::rows() const
{
    QList<QPair<QString, QString>> out;
    for (int r = 0; r < mTable->rowCount(); ++r)
        out.append({ mTable->item(r, 0)->text(), mTable->item(r, 1)->text() });
    return out;
}

} // namespace dv
