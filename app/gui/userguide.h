#pragma once

#include <QString>

class QWidget;

namespace faultline {

// Help › User Guide (F1): docs/user-guide.md, built into the executable (resources/
// faultline.qrc), so it opens from the build tree and from any install. It is rendered by a
// QTextBrowser in a window of its own beside `parent` (links to the web open in the browser);
// F1 again brings the same window to the front.
void showUserGuide(QWidget *parent);

// The guide's Markdown as built in; empty if the resource is missing.
QString userGuideMarkdown();

} // namespace faultline
