// Loads user files on a worker thread with progress and cancel, then adds them to the map.
#pragma once

#include "loadresult.h"

#include <QFutureWatcher>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>

class QProgressDialog;
class QWidget;

namespace dv {

class LayerStack;

class LayerImporter : public QObject {
    Q_OBJECT
public:
    LayerImporter(LayerStack *layers, QWidget *dialogParent, QObject *parent = nullptr);
    ~LayerImporter() override;

    // Queues the files; they load one after another. The map is touched only on success.
    void import(const QStringList &paths);
    void cancel();
    bool isBusy() const { return mWatcher.isRunning() || !mQueue.isEmpty(); }
    // Off for tests and scripts: results go out as signals only, no dialogs.
    void setInteractive(bool on) { mInteractive = on; }

signals:
    void layerAdded(const QString &layerId);
    void failed(const QString &message);
    void noticed(const QStringList &notices);
    void cancelled(const QString &path);
    void finishedAll();

private:
    void startNext();
    void onFinished();
    void showMessage(QMessageBox::Icon icon, const QString &title, const QString &text);

    LayerStack *mLayers;
    QPointer<QWidget> mDialogParent;
    QStringList mQueue;
    QString mCurrent;
    QFutureWatcher<LoadResult> mWatcher;
    std::shared_ptr<std::atomic_bool> mCancel;
    QPointer<QProgressDialog> mProgress;
    bool mInteractive = true;
};

} // namespace dv
