// Layer list with visibility check boxes and a legend of each layer's symbols.
#pragma once

#include <QTreeWidget>

namespace dv {

class LayerStack;

class LayerPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit LayerPanel(LayerStack *layers, QWidget *parent = nullptr);

signals:
    void zoomToLayerRequested(const QString &layerId);
    void removeLayerRequested(const QString &layerId);

private:
    void rebuild();
    void onItemChanged(QTreeWidgetItem *item, int column);
    void showContextMenu(const QPoint &pos);

    LayerStack *mLayers;
    bool mRebuilding = false;
};

} // namespace dv
