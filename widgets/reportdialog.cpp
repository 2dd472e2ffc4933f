// File › Report…: a county briefing or the province atlas, with a live preview of its pages.
#include "reportdialog.h"

#include "chinatime.h"
#include "countydirectory.h"
#include "reportcomposer.h"
#include "reportdatareader.h"
#include "storereader.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <numeric>

namespace dv {

namespace {

constexpr int kThumbnailWidth = 260; // device pixels of a page thumbnail
constexpr int kDebounceMs = 250; // options typed or clicked in a row make one preview

struct PreviewAnswer {
    std::shared_ptr<const ReportComposer> composer;
    QString error;
};

struct CountiesAnswer {
    std::vector<County> counties;
    QString error;
};

// A page as an image kThumbnailWidth wide, painted by the composer that writes the PDF.
QImage paintThumbnail(const ReportComposer &composer, int page)
{
    const QSizeF size = composer.pageSize();
    const double scale = kThumbnailWidth / size.width();
    QImage image(QSize(kThumbnailWidth, qRound(size.height() * scale)), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    composer.paintPage(painter, page);
    return image;
}

QString sectionLabel(int bit)
{
    switch (bit) {
    case ReportOptions::Cover:
        return ReportDialog::tr("Cover");
    case ReportOptions::Map:
        return ReportDialog::tr("Maps");
    case ReportOptions::Figures:
        return ReportDialog::tr("Key figures");
    case ReportOptions::Indicators:
        return ReportDialog::tr("Indicators");
    case ReportOptions::Charts:
        return ReportDialog::tr("Sensor charts");
    case ReportOptions::Alerts:
        return ReportDialog::tr("Alerts");
    default:
        return ReportDialog::tr("Sources and notes");
    }
}

} // namespace

ReportDialog::ReportDialog(StoreReader *reader, const ReportOptions &defaults, QWidget *parent)
    : QDialog(parent)
    , mReader(reader)
    , mDefaults(defaults)
    , mDebounce(new QTimer(this))
    , mCounty(new QRadioButton(tr("County briefing"), this))
    , mProvince(new QRadioButton(tr("Province atlas"), this))
    , mCountyBox(new QComboBox(this))
    , mCountyPages(new QCheckBox(tr("One page per county"), this))
    , mFrom(new QDateEdit(this))
    , mTo(new QDateEdit(this))
    , mLanguage(new QComboBox(this))
    , mPaper(new QComboBox(this))
    , mOrientation(new QComboBox(this))
    , mPages(new QListWidget(this))
    , mStatus(new QLabel(this))
    , mSave(new QPushButton(tr("Save as PDF…"), this))
    , mPrint(new QPushButton(tr("Print…"), this))
{
    setWindowTitle(tr("Report"));
    mDebounce->setSingleShot(true);
    mDebounce->setInterval(kDebounceMs);
    connect(mDebounce, &QTimer::timeout, this, &ReportDialog::readPreview);
    buildControls();

    // The counties come from the bundled GeoPackage: read on the store reader's thread too.
    {
        const QSignalBlocker block(mCountyBox); // the first preview is asked for below
        mCountyBox->addItem(defaults.county, defaults.county);
    }
    mReader->request(
        QStringLiteral("report-counties"), this,
        [](StoreSet &) {
            CountiesAnswer answer;
            const auto directory = CountyDirectory::loadBundled(&answer.error);
            if (directory)
                answer.counties = directory->counties();
            return answer;
        },
        [this](const CountiesAnswer &answer) {
            if (answer.counties.empty()) {
                mStatus->setText(answer.error);
                return;
            }
            const QString current = mCountyBox->currentData().toString();
            const QSignalBlocker block(mCountyBox);
            mCountyBox->clear();
            for (const County &c : answer.counties) {
                mCountyBox->addItem(
                    QStringLiteral("%1 %2 · %3").arg(c.name, c.code, c.prefectureName), c.code);
            }
            mCountyBox->setCurrentIndex(std::max(0, mCountyBox->findData(current)));
        });
    readPreview();
}

ReportDialog::~ReportDialog()
{
    mDebounce->stop();
    if (mThumbnailWatcher) {
        mThumbnailWatcher->disconnect(this);
        mThumbnailWatcher->cancel();
        mThumbnailWatcher->waitForFinished();
    }
    // A report being saved is finished: never half a file because the dialog closed.
    if (mSaveWatcher) {
        mSaveWatcher->disconnect(this);
        mSaveWatcher->waitForFinished();
    }
}

void ReportDialog::buildControls()
{
    auto *kind = new QButtonGroup(this);
    kind->addButton(mCounty);
    kind->addButton(mProvince);
    const bool briefing = mDefaults.kind == ReportOptions::Kind::CountyBriefing;
    mCounty->setChecked(briefing);
    mProvince->setChecked(!briefing);
    mCountyPages->setChecked(mDefaults.countyPages);
    mCountyBox->setMinimumContentsLength(16);
    mCountyBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    const QDate to = ChinaTime::dateTime(mDefaults.to - 1).date();
    for (QDateEdit *edit : { mFrom, mTo }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    mFrom->setDate(ChinaTime::dateTime(mDefaults.from).date());
    mTo->setDate(to);

    auto *sectionBox = new QGroupBox(tr("Sections"), this);
    auto *sectionGrid = new QGridLayout(sectionBox);
    for (int i = 0; i < ReportOptions::sectionNames().size(); ++i) {
        auto *check = new QCheckBox(sectionLabel(1 << i), sectionBox);
        check->setChecked(mDefaults.sections & (1 << i));
        sectionGrid->addWidget(check, i / 2, i % 2);
        mSections.append(check);
        connect(check, &QCheckBox::toggled, this, &ReportDialog::optionsChanged);
    }

    // The report's own language, whatever the window's.
    mLanguage->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    mLanguage->addItem(QStringLiteral("English"), QStringLiteral("en"));
    mLanguage->setCurrentIndex(mDefaults.chinese() ? 0 : 1);
    mPaper->addItem(QStringLiteral("A4"), int(QPageSize::A4));
    mPaper->addItem(QStringLiteral("A3"), int(QPageSize::A3));
    mPaper->setCurrentIndex(mDefaults.paper == QPageSize::A3 ? 1 : 0);
    mOrientation->addItem(tr("Portrait"), int(QPageLayout::Portrait));
    mOrientation->addItem(tr("Landscape"), int(QPageLayout::Landscape));
    mOrientation->setCurrentIndex(mDefaults.orientation == QPageLayout::Landscape ? 1 : 0);

    auto *form = new QFormLayout;
    form->addRow(mCounty, mCountyBox);
    form->addRow(mProvince, mCountyPages);
    form->addRow(tr("From:"), mFrom);
    form->addRow(tr("To:"), mTo);
    form->addRow(tr("Language:"), mLanguage);
    form->addRow(tr("Paper:"), mPaper);
    form->addRow(tr("Orientation:"), mOrientation);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(mSave, QDialogButtonBox::ActionRole);
    buttons->addButton(mPrint, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mSave, &QPushButton::clicked, this, &ReportDialog::chooseFileAndSave);
    connect(mPrint, &QPushButton::clicked, this, &ReportDialog::print);

    mStatus->setWordWrap(true);
    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(sectionBox);
    left->addWidget(mStatus);
    left->addStretch(1);

    mPages->setViewMode(QListView::IconMode);
    mPages->setResizeMode(QListView::Adjust);
    mPages->setMovement(QListView::Static);
    mPages->setUniformItemSizes(true);
    mPages->setSpacing(8);
    mPages->setIconSize(QSize(kThumbnailWidth, qRound(kThumbnailWidth * 297.0 / 210.0)));
    mPages->setSelectionMode(QAbstractItemView::NoSelection);
    mPages->setMinimumWidth(2 * kThumbnailWidth + 60);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 0);
    columns->addWidget(mPages, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(1100, 760);

    for (QRadioButton *button : { mCounty, mProvince })
        connect(button, &QRadioButton::toggled, this, &ReportDialog::optionsChanged);
    connect(mCountyBox, &QComboBox::currentIndexChanged, this, &ReportDialog::optionsChanged);
    connect(mCountyPages, &QCheckBox::toggled, this, &ReportDialog::optionsChanged);
    for (QDateEdit *edit : { mFrom, mTo })
        connect(edit, &QDateEdit::dateChanged, this, &ReportDialog::optionsChanged);
    for (QComboBox *box : { mLanguage, mPaper, mOrientation })
        connect(box, &QComboBox::currentIndexChanged, this, &ReportDialog::optionsChanged);
    updateButtons();
}

ReportOptions ReportDialog::options() const
{
    ReportOptions o = mDefaults;
    o.kind = mProvince->isChecked() ? ReportOptions::Kind::ProvinceAtlas
                                    : ReportOptions::Kind::CountyBriefing;
    o.county = mCountyBox->currentData().toString();
    o.countyPages = mCountyPages->isChecked();
    QDate from = mFrom->date(), to = mTo->date();
    if (from > to)
        std::swap(from, to);
    o.from = ChinaTime::toUtcMs(from);
    o.to = ChinaTime::toUtcMs(to.addDays(1));
    o.sections = 0;
    for (int i = 0; i < mSections.size(); ++i)
        o.sections |= mSections[i]->isChecked() ? (1 << i) : 0;
    o.language = mLanguage->currentData().toString();
    o.paper = QPageSize::PageSizeId(mPaper->currentData().toInt());
    o.orientation = QPageLayout::Orientation(mOrientation->currentData().toInt());
    o.generatedAt = QDateTime::currentMSecsSinceEpoch();
    return o;
}

int ReportDialog::previewPageCount() const
{
    return mComposer ? mComposer->pageCount() : 0;
}

QImage ReportDialog::thumbnail(int page) const
{
    return mThumbnails.value(page);
}

QString ReportDialog::statusText() const
{
    return mStatus->text();
}

void ReportDialog::optionsChanged()
{
    mCountyBox->setEnabled(mCounty->isChecked());
    mCountyPages->setEnabled(mProvince->isChecked());
    mDebounce->start();
}

void ReportDialog::readPreview()
{
    const ReportOptions o = options();
    mComposer.reset();
    updateButtons();
    if (!o.sections) {
        mPages->clear();
        mStatus->setText(tr("Choose at least one section."));
        return;
    }
    mStatus->setText(tr("Reading the report's data…"));
    const quint64 request = ++mRequest;
    mReader->request(
        QStringLiteral("report-preview"), this,
        [o](StoreSet &stores) {
            PreviewAnswer answer;
            auto data = ReportDataReader::read(stores, o, &answer.error);
            if (data)
                answer.composer = std::make_shared<const ReportComposer>(std::move(*data));
            return answer;
        },
        [this, request](const PreviewAnswer &answer) {
            if (request == mRequest)
                showPreview(answer.composer, answer.error);
        });
}

void ReportDialog::showPreview(std::shared_ptr<const ReportComposer> composer, const QString &error)
{
    mComposer = std::move(composer);
    mPages->clear();
    if (!mComposer) {
        mStatus->setText(tr("The report cannot be made: %1").arg(error));
        updateButtons();
        return;
    }
    const int pages = mComposer->pageCount();
    QString status = tr("%n page(s)", nullptr, pages);
    if (mComposer->data().isEmptyPeriod())
        status += QStringLiteral(" · ") + tr("no data in this period");
    mStatus->setText(status);
    QPixmap blank(mPages->iconSize());
    blank.fill(QColor(0xee, 0xee, 0xee));
    for (int i = 0; i < pages; ++i)
        mPages->addItem(new QListWidgetItem(QIcon(blank), ReportComposer::pageText(i + 1, pages)));
    updateButtons();
    paintThumbnails();
    emit previewReady(pages);
}

void ReportDialog::paintThumbnails()
{
    if (mThumbnailWatcher) {
        // The old pages may still be painting: they finish with their own composer, unseen.
        QFutureWatcher<QImage> *old = mThumbnailWatcher;
        old->disconnect(this);
        old->cancel();
        if (old->isFinished())
            old->deleteLater();
        else
            connect(old, &QFutureWatcherBase::finished, old, &QObject::deleteLater);
    }
    mThumbnailsPainted = 0;
    mThumbnails = QVector<QImage>(mComposer->pageCount());
    QVector<int> pages(mComposer->pageCount());
    std::iota(pages.begin(), pages.end(), 0);
    mThumbnailWatcher = new QFutureWatcher<QImage>(this);
    connect(mThumbnailWatcher, &QFutureWatcherBase::resultReadyAt, this, [this](int i) {
        const QImage image = mThumbnailWatcher->resultAt(i);
        mThumbnails[i] = image;
        if (QListWidgetItem *item = mPages->item(i))
            item->setIcon(QIcon(QPixmap::fromImage(image)));
        if (++mThumbnailsPainted == mThumbnails.size())
            emit thumbnailsReady();
    });
    const std::shared_ptr<const ReportComposer> composer = mComposer;
    mThumbnailWatcher->setFuture(QtConcurrent::mapped(
        pages, [composer](int page) { return paintThumbnail(*composer, page); }));
}

void ReportDialog::updateButtons()
{
    const bool ready = mComposer && !mSaving;
    mSave->setEnabled(ready);
    mPrint->setEnabled(ready);
}

void ReportDialog::chooseFileAndSave()
{
    if (!mComposer)
        return;
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(mComposer->title() + QStringLiteral(".pdf"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save report as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    connect(
        this, &ReportDialog::saved, this,
        [this](const QString &, const QString &error) {
            if (!error.isEmpty())
                QMessageBox::warning(this, tr("Report not saved"), error);
        },
        Qt::SingleShotConnection);
    saveTo(path);
}

void ReportDialog::saveTo(const QString &path)
{
    if (!mComposer || mSaving)
        return;
    mSaving = true;
    updateButtons();
    mStatus->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    const std::shared_ptr<const ReportComposer> composer = mComposer;
    mSaveWatcher = new QFutureWatcher<QString>(this);
    connect(mSaveWatcher, &QFutureWatcherBase::finished, this, [this, path] {
        const QString error = mSaveWatcher->result();
        mSaveWatcher->deleteLater();
        mSaveWatcher = nullptr;
        mSaving = false;
        updateButtons();
        mStatus->setText(
            error.isEmpty() ? tr("Saved %1").arg(QDir::toNativeSeparators(path)) : error);
        emit saved(path, error);
    });
    mSaveWatcher->setFuture(QtConcurrent::run([composer, path] {
        QString error;
        composer->writePdf(path, &error);
        return error;
    }));
}

void ReportDialog::print()
{
    if (!mComposer)
        return;
    QPrinter printer(QPrinter::HighResolution);
    const ReportOptions &o = mComposer->data().options;
    printer.setPageLayout(QPageLayout(QPageSize(o.paper), o.orientation, QMarginsF(0, 0, 0, 0)));
    // Pages are laid out from the paper's corner, with their own margins.
    printer.setFullPage(true);
    printer.setDocName(mComposer->title());
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print report"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = mComposer->print(printer, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(this, tr("Report not printed"), error);
}

} // namespace dv
