#pragma once

class QString;
class QWidget;

namespace faultline {

// Tells the user about an edit that was made but may not be what they meant (a dependency
// that closes a cycle, a deleted component that saved scenarios used): the status bar of
// `window`, if it has one, and a non-modal message box (object name "noticeBox"), one per
// window, reused by the next notice.
void showNotice(QWidget *window, const QString &text);

} // namespace faultline
