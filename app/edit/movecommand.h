#pragma once

#include <QHash>
#include <QPointF>
#include <QString>
#include <QUndoCommand>

namespace faultline {

class MapDocument;

// Undo contract (as for every command in app/edit): the constructor changes nothing; redo()
// makes the change through MapDocument's primitives, undo() restores exactly the state before
// it. Commands refer to components by id and to the document by pointer; the document clears
// its stack before it goes.
//
// MoveCommand sets component positions (centres, by id): a drag, or a whole re-layout. Moves
// made in one gesture merge into one step (same non-zero `gesture`); a re-layout never merges.
class MoveCommand : public QUndoCommand
{
public:
    MoveCommand(MapDocument *document, QHash<QString, QPointF> before,
        QHash<QString, QPointF> after, const QString &text, int gesture = 0);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    static int newGesture();

private:
    MapDocument *m_doc;
    QHash<QString, QPointF> m_before; // positions before; absent ids had none
    QHash<QString, QPointF> m_after;
    int m_gesture;
};

} // namespace faultline
