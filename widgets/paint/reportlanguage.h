// A report's own language for every string painted into it, whatever the window's.
#pragma once

#include <QString>

namespace dv {

// The painting library and the models give their texts through tr(), in the language of the
// translators the program installed at start: the window's. A report has a language of its own
// (ReportOptions::language). While a Scope lives on a thread, every tr() on that thread -- a
// legend's site types, a chart's metric, a scale bar, a rule's name -- answers in the report's
// language; other threads (the window painting meanwhile) are untouched. This works through one
// translator placed in front of the program's own (install()), which answers only on threads in
// a Scope and lets every other lookup through.
class ReportLanguage {
public:
    class Scope {
    public:
        explicit Scope(const QString &language);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        const void *mPrevious;
    };

    // Puts the report translator in front of those installed so far: called once the program's
    // own are in (TranslationLoader), from the application's thread. A Scope on that thread
    // installs it itself when nobody has.
    static void install();
    static bool isInstalled();
};

} // namespace dv
