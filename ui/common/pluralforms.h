#pragma once
// The source strings say "%n organization(s)"; the English catalogue
// (resources/translations/orgscope_en.ts, plural messages only) turns them
// into "1 organization" and "2 organizations". Installed before any other
// catalogue, so a language's own translation still wins.

class QCoreApplication;

namespace ui {

// Installs the English plural forms on `application` (once); false when the
// catalogue is not built in (no Qt Linguist tools at build time).
bool installPluralForms(QCoreApplication *application);

} // namespace ui
