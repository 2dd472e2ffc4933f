// A search field that finds counties and sites by name, former name, code or ID.
#include "mapsearchbox.h"

#include "layerstack.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QStandardItemModel>

namespace dv {

namespace {
enum Roles { LayerIdRole = Qt::UserRole + 1, FeatureRole };
}

MapSearchBox::MapSearchBox(LayerStack *layers, QWidget *parent)
    : QLineEdit(parent)
    , mLayers(layers)
    , mModel(new QStandardItemModel(this))
    , mCompleter(new QCompleter(mModel, this))
{
    setPlaceholderText(tr("Search county or site: name, former name, code"));
    setClearButtonEnabled(true);
    setMinimumWidth(260);
    setMaximumWidth(480);
    // The model holds only matches already, ranked; the completer must not filter again.
    mCompleter->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    mCompleter->setMaxVisibleItems(12);
    setCompleter(mCompleter);
    connect(this, &QLineEdit::textEdited, this, &MapSearchBox::updateSuggestions);
    connect(mCompleter, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        &MapSearchBox::choose);
    // Installed after the completer's own filter, so it sees Enter first: the completer alone
    // would only close the list when no row is highlighted.
    mCompleter->popup()->installEventFilter(this);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        if (!mCompleter->popup()->isVisible())
            searchNow(text());
    });
}

bool MapSearchBox::eventFilter(QObject *watched, QEvent *event)
{
    QAbstractItemView *popup = mCompleter->popup();
    if (watched == popup && event->type() == QEvent::KeyPress && popup->isVisible()) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !popup->currentIndex().isValid()
            && mModel->rowCount() > 0) {
            // Enter with the list open takes the first suggestion, the one shown on top.
            const QModelIndex first = mModel->index(0, 0);
            popup->hide();
            setText(first.data().toString());
            choose(first);
            return true;
        }
    }
    return QLineEdit::eventFilter(watched, event);
}

void MapSearchBox::choose(const QModelIndex &index)
{
    emit featureChosen(index.data(LayerIdRole).toString(), index.data(FeatureRole).toInt());
}

void MapSearchBox::updateSuggestions(const QString &text)
{
    mModel->clear();
    for (const FeatureSearch::Hit &hit : mLayers->search().find(text, 20)) {
        auto *item = new QStandardItem(QStringLiteral("%1  —  %2").arg(hit.title, hit.detail));
        item->setData(hit.layerId, LayerIdRole);
        item->setData(hit.feature, FeatureRole);
        mModel->appendRow(item);
    }
}

bool MapSearchBox::searchNow(const QString &text)
{
    const auto hits = mLayers->search().find(text, 1);
    if (hits.isEmpty()) {
        emit notFound(text);
        return false;
    }
    emit featureChosen(hits.front().layerId, hits.front().feature);
    return true;
}

} // namespace dv
