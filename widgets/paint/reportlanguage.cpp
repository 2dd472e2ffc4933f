// A report's own language for every string painted into it, whatever the window's.
#include "reportlanguage.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcReportLanguage, "dv.report", QtInfoMsg)

namespace dv {

namespace {

// A language's catalogue: English is the source text itself.
struct Catalogue {
    bool english = true;
    QTranslator *translator = nullptr; // loaded once, kept for the process's life
};

// The catalogue of the report on this thread, if a Scope is open on it.
thread_local const Catalogue *tCurrent = nullptr;

const Catalogue *catalogueFor(const QString &language)
{
    static const Catalogue english;
    // The reports are in Chinese (any zh) or English, as ReportOptions::chinese() says.
    if (!language.startsWith(QLatin1String("zh")))
        return &english;
    static const Catalogue chinese = [] {
        Catalogue c;
        c.english = false;
        c.translator = new QTranslator;
        // The program's catalogue, compiled into its resources. Without it (a test that links
        // the painting library alone) the report shows the English source texts.
        if (!c.translator->load(QStringLiteral(":/i18n/dvdash_zh_CN.qm")))
            qCInfo(lcReportLanguage) << "no Chinese translation for reports";
        return c;
    }(); // thread-safe: a function's static is initialised once
    return &chinese;
}

// Answers in front of the program's translators on threads in a Scope, and only there: a null
// answer lets QCoreApplication ask the next translator.
class ReportTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
        int n) const override
    {
        const Catalogue *c = tCurrent;
        if (!c || !sourceText)
            return QString();
        if (c->english)
            return QString::fromUtf8(sourceText); // %n is filled in by QCoreApplication
        const QString text = c->translator->translate(context, sourceText, disambiguation, n);
        return text.isEmpty() ? QString::fromUtf8(sourceText) : text;
    }
};

QPointer<ReportTranslator> sTranslator;

} // namespace

ReportLanguage::Scope::Scope(const QString &language)
    : mPrevious(tCurrent)
{
    if (!isInstalled()) {
        QCoreApplication *app = QCoreApplication::instance();
        if (app && QThread::currentThread() == app->thread())
            install();
    }
    tCurrent = catalogueFor(language);
}

ReportLanguage::Scope::~Scope()
{
    tCurrent = static_cast<const Catalogue *>(mPrevious);
}

void ReportLanguage::install()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    if (!sTranslator)
        sTranslator = new ReportTranslator(app);
    // In front of every translator installed before: removed and put back first. The
    // translator holds no messages of its own, so Qt sends no LanguageChange for it and the
    // window does not translate itself again.
    QCoreApplication::removeTranslator(sTranslator);
    QCoreApplication::installTranslator(sTranslator);
}

bool ReportLanguage::isInstalled()
{
    return !sTranslator.isNull();
}

} // namespace dv
