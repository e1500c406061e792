#pragma once

class QWidget;

namespace faultline {

// Every action of `window` that has keys gets them in its tooltip (" (Ctrl+S)"), as its menu
// entry shows them. Call once the actions are made.
void showShortcutsInToolTips(QWidget *window);

// Help › Keyboard Shortcuts: a non-modal table of every action of `window` with its keys
// (object name "shortcutsDialog").
void showShortcutsDialog(QWidget *window);

} // namespace faultline
