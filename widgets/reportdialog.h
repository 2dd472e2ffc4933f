// File › Report…: a county briefing or the province atlas, with a live preview of its pages.
#pragma once

#include "reportdata.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTimer;

namespace dv {

class ReportComposer;
class StoreReader;

// Every change of an option reads the report's data again through the window's StoreReader
// (never on the GUI thread), then paints the page thumbnails on the thread pool with the same
// ReportComposer that writes the PDF and prints, so the preview is what the file will hold.
// Save as PDF writes on the pool through ReportComposer::writePdf (a temporary file renamed
// when complete); Print… goes through QPrintDialog to the system's printers.
class ReportDialog : public QDialog {
    Q_OBJECT
public:
    // defaults: the window's settings -- office name, map note, language, whether the sample
    // sites show -- and the period and county to start with.
    ReportDialog(StoreReader *reader, const ReportOptions &defaults, QWidget *parent = nullptr);
    ~ReportDialog() override;

    // The options as the controls set them, generation time now.
    ReportOptions options() const;
    // Pages of the report the preview shows; 0 while its data is being read.
    int previewPageCount() const;
    // Thumbnails painted so far of the current preview.
    int thumbnailsPainted() const { return mThumbnailsPainted; }
    QImage thumbnail(int page) const;
    QString statusText() const;

    // Writes the previewed report to path on the thread pool; saved() tells how it went.
    void saveTo(const QString &path);

signals:
    // The preview's pages are known (its data read and laid out).
    void previewReady(int pages);
    // Every thumbnail of the preview is painted.
    void thumbnailsReady();
    // error is empty when the file was written.
    void saved(const QString &path, const QString &error);

private:
    void buildControls();
    void optionsChanged();
    void readPreview();
    void showPreview(std::shared_ptr<const ReportComposer> composer, const QString &error);
    void paintThumbnails();
    void chooseFileAndSave();
    void print();
    void updateButtons();

    StoreReader *mReader;
    ReportOptions mDefaults;
    std::shared_ptr<const ReportComposer> mComposer;
    quint64 mRequest = 0; // the newest preview asked for
    bool mSaving = false;
    int mThumbnailsPainted = 0;
    QVector<QImage> mThumbnails;
    QFutureWatcher<QImage> *mThumbnailWatcher = nullptr;
    QFutureWatcher<QString> *mSaveWatcher = nullptr;
    QTimer *mDebounce;

    QRadioButton *mCounty;
    QRadioButton *mProvince;
    QComboBox *mCountyBox;
    QCheckBox *mCountyPages;
    QDateEdit *mFrom;
    QDateEdit *mTo;
    QVector<QCheckBox *> mSections; // in ReportOptions::Section order
    QComboBox *mLanguage;
    QComboBox *mPaper;
    QComboBox *mOrientation;
    QListWidget *mPages;
    QLabel *mStatus;
    QPushButton *mSave;
    QPushButton *mPrint;
};

} // namespace dv
