// Loads user files on a worker thread with progress and cancel, then adds them to the map.
#include "layerimporter.h"

#include "layerloader.h"
#include "layerstack.h"
#include "vectorlayer.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace dv {

LayerImporter::LayerImporter(LayerStack *layers, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , mLayers(layers)
    , mDialogParent(dialogParent)
{
    connect(&mWatcher, &QFutureWatcher<LoadResult>::finished, this, &LayerImporter::onFinished);
}

LayerImporter::~LayerImporter()
{
    mQueue.clear();
    if (mCancel)
        mCancel->store(true);
    mWatcher.waitForFinished();
}

void LayerImporter::import(const QStringList &paths)
{
    mQueue << paths;
    if (!mWatcher.isRunning())
        startNext();
}

void LayerImporter::cancel()
{
    mQueue.clear();
    if (mCancel)
        mCancel->store(true);
}

void LayerImporter::startNext()
{
    if (mQueue.isEmpty()) {
        emit finishedAll();
        return;
    }
    mCurrent = mQueue.takeFirst();
    mCancel = std::make_shared<std::atomic_bool>(false);
    if (mInteractive && mDialogParent) {
        mProgress = new QProgressDialog(tr("Loading %1…").arg(QFileInfo(mCurrent).fileName()),
            tr("Cancel"), 0, 1000, mDialogParent);
        mProgress->setWindowModality(Qt::WindowModal);
        mProgress->setMinimumDuration(400);
        mProgress->setAttribute(Qt::WA_DeleteOnClose);
        connect(mProgress, &QProgressDialog::canceled, this, &LayerImporter::cancel);
        // setValue(0) arms the dialog's own timer that shows it after the minimum duration;
        // without it a load whose total is unknown never shows its dialog.
        mProgress->setValue(0);
    }
    // The worker reports progress through queued calls: widgets are touched on this thread only.
    LoadControl control;
    control.cancel = mCancel.get();
    QPointer<LayerImporter> self(this);
    const QString name = QFileInfo(mCurrent).fileName();
    control.progress = [self, name](double fraction, qint64 features) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, name, fraction, features] {
                if (!self || !self->mProgress)
                    return;
                if (fraction < 0) {
                    self->mProgress->setMaximum(0); // busy indicator: total unknown
                } else {
                    self->mProgress->setMaximum(1000);
                    self->mProgress->setValue(static_cast<int>(fraction * 1000));
                }
                self->mProgress->setLabelText(
                    tr("Loading %1… %L2 features read").arg(name).arg(features));
            },
            Qt::QueuedConnection);
    };
    const QString path = mCurrent;
    auto cancelFlag = mCancel; // kept alive by the task
    const DisplayCrs crs = mLayers->displayCrs();
    mWatcher.setFuture(QtConcurrent::run([path, control, cancelFlag, crs] {
        LoadResult result = LayerLoader::load(path, control);
        // Projecting and indexing 100,000 points takes a third of a second: not on the GUI thread.
        result.prepareForDisplay(crs);
        return result;
    }));
}

void LayerImporter::showMessage(QMessageBox::Icon icon, const QString &title, const QString &text)
{
    if (!mInteractive)
        return;
    // Window-modal but not blocking: the next queued file goes on loading behind it.
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, mDialogParent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void LayerImporter::onFinished()
{
    if (mProgress) {
        // Closing a QProgressDialog emits canceled(): disconnect first, or every finished
        // load would be reported as cancelled.
        disconnect(mProgress, nullptr, this, nullptr);
        mProgress->close();
    }
    LoadResult result = mWatcher.result();
    if (result.cancelled || (mCancel && mCancel->load())) {
        emit cancelled(mCurrent);
    } else if (!result.ok()) {
        emit failed(result.error);
        showMessage(QMessageBox::Warning, tr("Cannot add layer"), result.error);
    } else {
        QString error;
        for (std::size_t i = 0; i < result.layers.size(); ++i) {
            const auto &layer = result.layers[i];
            layer->setStyle(LayerStyle::userLayer(mLayers->userLayerCount(), layer->kind()));
            if (!mLayers->addLayer(layer, &error, result.searchIndexes.at(i))) {
                const QString message = tr("%1: %2").arg(QDir::toNativeSeparators(mCurrent), error);
                emit failed(message);
                showMessage(QMessageBox::Warning, tr("Cannot add layer"), message);
                break;
            }
            emit layerAdded(layer->id());
        }
        if (!result.notices.isEmpty()) {
            emit noticed(result.notices);
            showMessage(QMessageBox::Information, tr("Layer added with notes"),
                QStringLiteral("%1\n\n• %2")
                    .arg(QDir::toNativeSeparators(mCurrent),
                        result.notices.join(QStringLiteral("\n• "))));
        }
    }
    startNext();
}

} // namespace dv
