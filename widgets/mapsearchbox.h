// A search field that finds counties and sites by name, former name, code or ID.
#pragma once

#include <QLineEdit>

class QCompleter;
class QModelIndex;
class QStandardItemModel;

namespace dv {

class LayerStack;

class MapSearchBox : public QLineEdit {
    Q_OBJECT
public:
    explicit MapSearchBox(LayerStack *layers, QWidget *parent = nullptr);

    // Goes to the best match of text; false (and notFound) when nothing matches.
    bool searchNow(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void featureChosen(const QString &layerId, int feature);
    void notFound(const QString &text);

private:
    void updateSuggestions(const QString &text);
    void choose(const QModelIndex &index);

    LayerStack *mLayers;
    QStandardItemModel *mModel;
    QCompleter *mCompleter;
};

} // namespace dv
