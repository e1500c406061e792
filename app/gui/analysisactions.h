#pragma once

class QDockWidget;
class QMenu;
class QMenuBar;

namespace faultline {

class AnalysisPanel;

// The Analysis menu: each action shows the Analysis dock and starts that analysis on the
// selected component (blast radius ranks every component). Returns the menu, added to `bar`.
QMenu *addAnalysisMenu(QMenuBar *bar, QDockWidget *dock, AnalysisPanel *panel);

} // namespace faultline
