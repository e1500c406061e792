#include "app/gui/undokeys.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextDocument>

namespace faultline {
namespace {

enum class UndoKey { None, Undo, Redo };

// Ctrl+Z (and the platform's undo keys); redoKeys().
UndoKey undoKeyOf(const QKeyEvent *e)
{
    if (e->matches(QKeySequence::Undo))
        return UndoKey::Undo;
    const QKeyCombination k(e->modifiers() & ~Qt::KeypadModifier, Qt::Key(e->key()));
    if (redoKeys().contains(QKeySequence(k)))
        return UndoKey::Redo;
    return UndoKey::None;
}

// The text a focused widget edits, and whether the user typed in it since it last showed the
// document (the inspector commits a field and puts the model's text back, which clears the
// modified flag): only that typing is the field's own to undo.
struct TextField
{
    QLineEdit *line = nullptr;
    QPlainTextEdit *plain = nullptr;

    static TextField of(QWidget *w)
    {
        if (auto *line = qobject_cast<QLineEdit *>(w))
            return {line, nullptr};
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            return {spin->findChild<QLineEdit *>(), nullptr};
        if (auto *combo = qobject_cast<QComboBox *>(w))
            return {combo->lineEdit(), nullptr};
        if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            return {nullptr, plain};
        return {};
    }
    // Undo: while typing is left to undo (a line edit is "modified" until its undo reaches the
    // text it was given). Redo: while the field holds typing, or typing it undid (typing is
    // newer than anything the document could redo, and a document redo would replace it).
    bool ownsKey(UndoKey key) const
    {
        if (line) {
            if (line->isReadOnly())
                return false;
            return key == UndoKey::Undo ? line->isModified() && line->isUndoAvailable()
                                        : line->isModified() || line->isRedoAvailable();
        }
        if (plain) {
            const QTextDocument *d = plain->document();
            if (plain->isReadOnly())
                return false;
            return key == UndoKey::Undo ? d->isModified() && d->isUndoAvailable()
                                        : d->isModified() || d->isRedoAvailable();
        }
        return false;
    }
    // The document's undo goes past the field's undone typing: that typing can no longer be
    // redone (one history, as the user sees it).
    void forgetRedo() const
    {
        if (line && line->isRedoAvailable() && !line->isModified()) {
            const int cursor = line->cursorPosition();
            line->setText(line->text()); // clears its history
            line->setCursorPosition(cursor);
        } else if (plain && !plain->document()->isModified()) {
            plain->document()->clearUndoRedoStacks(QTextDocument::RedoStack);
        }
    }
    void apply(UndoKey key) const
    {
        if (line)
            key == UndoKey::Undo ? line->undo() : line->redo();
        else if (plain)
            key == UndoKey::Undo ? plain->undo() : plain->redo();
    }
};

} // namespace

QList<QKeySequence> redoKeys()
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &k :
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!keys.contains(k))
            keys.append(k);
    }
    return keys;
}

UndoKeyRouter::UndoKeyRouter(QWidget *window) : QObject(window), m_window(window)
{
    qApp->installEventFilter(this);
}

bool UndoKeyRouter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        return route(watched, static_cast<QKeyEvent *>(event));
    return QObject::eventFilter(watched, event);
}

bool UndoKeyRouter::route(QObject *watched, QKeyEvent *event)
{
    auto *w = qobject_cast<QWidget *>(watched);
    if (!w || w != QApplication::focusWidget())
        return false;
    QWidget *top = w->window();
    if (top != m_window && !(qobject_cast<QDockWidget *>(top) && top->parentWidget() == m_window))
        return false;
    const UndoKey key = undoKeyOf(event);
    const TextField field = TextField::of(w);
    if (key == UndoKey::None || (!field.line && !field.plain))
        return false;
    const bool own = field.ownsKey(key);
    if (event->type() == QEvent::ShortcutOverride) {
        // Accepted: the key comes to the field as a key press (below). Not accepted: the
        // window's Undo or Redo shortcut takes it.
        event->setAccepted(own);
        if (!own)
            field.forgetRedo();
        return true;
    }
    if (own)
        field.apply(key);
    // Otherwise the document had nothing to undo or redo (its action is disabled): the field's
    // committed history is not undone instead.
    return true;
}

} // namespace faultline
