#include "app/edit/movecommand.h"

#include "views/mapdocument.h"

namespace faultline {

MoveCommand::MoveCommand(MapDocument *document, QHash<QString, QPointF> before,
    QHash<QString, QPointF> after, const QString &text, int gesture)
    : m_doc(document), m_before(std::move(before)), m_after(std::move(after)), m_gesture(gesture)
{
    setText(text);
}

void MoveCommand::redo()
{
    m_doc->setPositions(m_after);
}

void MoveCommand::undo()
{
    // Ids that had no position before get theirs back only where one was known: a layout
    // of a map without positions undoes to the positions that were there.
    QHash<QString, QPointF> restore;
    for (auto it = m_after.cbegin(); it != m_after.cend(); ++it) {
        const auto old = m_before.constFind(it.key());
        if (old != m_before.cend())
            restore.insert(it.key(), *old);
    }
    m_doc->setPositions(restore);
}

int MoveCommand::id() const
{
    return m_gesture != 0 ? 0x466c4d76 : -1; // "FlMv"
}

bool MoveCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveCommand *>(other);
    if (move->m_gesture != m_gesture || move->m_doc != m_doc)
        return false;
    for (auto it = move->m_after.cbegin(); it != move->m_after.cend(); ++it) {
        if (!m_before.contains(it.key()) && move->m_before.contains(it.key()))
            m_before.insert(it.key(), move->m_before.value(it.key()));
        m_after.insert(it.key(), it.value());
    }
    return true;
}

int MoveCommand::newGesture()
{
    static int next = 0;
    return ++next;
}

} // namespace faultline
