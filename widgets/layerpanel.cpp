// Layer list with visibility check boxes and a legend of each layer's symbols.
#include "layerpanel.h"

#include "layerstack.h"
#include "symbolcache.h"

#include <QHeaderView>
#include <QMenu>
#include <QPainter>

namespace dv {

namespace {

enum Roles { LayerIdRole = Qt::UserRole + 1, CategoryRole };

QIcon swatch(const LayerStyle &style, GeometryKind kind)
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(style.strokeColor, std::min(style.strokeWidth, 3.0));
    p.setPen(pen);
    switch (kind) {
    case GeometryKind::Polygon:
        p.setBrush(style.fillColor);
        p.drawRect(QRectF(2, 3, 12, 10));
        break;
    case GeometryKind::Line:
        p.drawLine(QPointF(1, 12), QPointF(15, 4));
        break;
    case GeometryKind::Point:
        p.setBrush(style.fillColor);
        p.drawEllipse(QRectF(4, 4, 8, 8));
        break;
    }
    return QIcon(pm);
}

} // namespace

LayerPanel::LayerPanel(LayerStack *layers, QWidget *parent)
    : QTreeWidget(parent)
    , mLayers(layers)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setAccessibleName(tr("Layers"));
    connect(this, &QTreeWidget::itemChanged, this, &LayerPanel::onItemChanged);
    connect(this, &QWidget::customContextMenuRequested, this, &LayerPanel::showContextMenu);
    connect(mLayers, &LayerStack::layersChanged, this, &LayerPanel::rebuild);
    rebuild();
}

void LayerPanel::rebuild()
{
    mRebuilding = true;
    clear();
    const auto &layers = mLayers->layers();
    // Top of the list is drawn on top, as in every GIS.
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        const VectorLayer &layer = **it;
        auto *item = new QTreeWidgetItem(this);
        item->setText(0, tr("%1 (%L2)").arg(layer.name()).arg(layer.featureCount()));
        item->setData(0, LayerIdRole, layer.id());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, layer.isVisible() ? Qt::Checked : Qt::Unchecked);
        QStringList tip { layer.name() };
        if (!layer.sourcePath().isEmpty())
            tip << layer.sourcePath();
        tip << layer.notices();
        item->setToolTip(0, tip.join(QLatin1Char('\n')));
        const LayerStyle &style = layer.style();
        if (style.categories.isEmpty()) {
            item->setIcon(0, swatch(style, layer.kind()));
            continue;
        }
        std::vector<int> counts(style.categories.size(), 0);
        for (int f = 0; f < layer.featureCount(); ++f) {
            const int c = layer.featureCategory(f);
            if (c >= 0)
                ++counts[c];
        }
        for (int c = 0; c < style.categories.size(); ++c) {
            const SymbolCategory &cat = style.categories[c];
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, tr("%1 (%L2)").arg(cat.label).arg(counts[c]));
            child->setIcon(0, QIcon(QPixmap::fromImage(SymbolCache::icon(cat.iconPath, 16, 1.0))));
            child->setData(0, LayerIdRole, layer.id());
            child->setData(0, CategoryRole, c);
            child->setFlags(child->flags() | Qt::ItemIsUserCheckable);
            child->setCheckState(0, cat.visible ? Qt::Checked : Qt::Unchecked);
        }
        item->setExpanded(true);
    }
    mRebuilding = false;
}

void LayerPanel::onItemChanged(QTreeWidgetItem *item, int)
{
    if (mRebuilding)
        return;
    const QString id = item->data(0, LayerIdRole).toString();
    const bool on = item->checkState(0) == Qt::Checked;
    const QVariant category = item->data(0, CategoryRole);
    if (category.isValid())
        mLayers->setCategoryVisible(id, category.toInt(), on);
    else
        mLayers->setLayerVisible(id, on);
}

void LayerPanel::showContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = itemAt(pos);
    if (!item)
        return;
    const QString id = item->data(0, LayerIdRole).toString();
    const auto layer = mLayers->layer(id);
    if (!layer)
        return;
    QMenu menu(this);
    menu.addAction(tr("Zoom to layer"), this, [this, id] { emit zoomToLayerRequested(id); });
    if (layer->role() == LayerRole::User)
        menu.addAction(tr("Remove layer"), this, [this, id] { emit removeLayerRequested(id); });
    menu.exec(viewport()->mapToGlobal(pos));
}

} // namespace dv
