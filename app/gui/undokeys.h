#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QKeyEvent;
class QWidget;

namespace faultline {

// The keys of Edit › Redo: the platform's, plus Ctrl+Shift+Z and Ctrl+Y everywhere, each once (a
// key bound twice to one action is ambiguous and does nothing).
QList<QKeySequence> redoKeys();

// Routes the undo keys in a text field of the window (the inspector's, the search box, the
// table's editors, a floating dock's): while the field holds typing of its own, they undo and
// redo that typing, as in any text field; otherwise they go to the window's Edit › Undo and
// Redo (the document), instead of a field's history of text that is already committed. So
// Ctrl+Z after typing takes the typing back, and the next Ctrl+Z the last edit, as in one
// history. Dialogs keep their own keys. Watches the application's key events (focus may be in
// a floating dock, another top-level window).
class UndoKeyRouter : public QObject
{
    Q_OBJECT

public:
    explicit UndoKeyRouter(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool route(QObject *watched, QKeyEvent *event);

    QWidget *m_window;
};

} // namespace faultline
