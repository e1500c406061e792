#include "model/editing/foldedits.h"

#include "model/editing/mapdocument.h"
#include "model/layout/folding.h"

#include <optional>

namespace faultline::edit {

namespace {

// Swaps the folded set and the positions of the view's boxes. Positions first, then the
// folding, so that the canvas rebuilds once with the boxes already where they go.
class FoldCommand : public QUndoCommand
{
public:
    struct Move
    {
        std::optional<QPointF> before;
        QPointF after;
    };

    FoldCommand(MapDocument &doc, QStringList before, QStringList after, QHash<QString, Move> moves,
        const QString &text)
        : m_doc(doc), m_before(std::move(before)), m_after(std::move(after)),
          m_moves(std::move(moves))
    {
        setText(text);
    }

    void redo() override { play(true); }
    void undo() override { play(false); }

private:
    void play(bool forward)
    {
        QHash<QString, QPointF> positions;
        for (auto it = m_moves.cbegin(); it != m_moves.cend(); ++it) {
            // A box that had no position keeps its new one (the contract of moves).
            if (forward)
                positions.insert(it.key(), it->after);
            else if (it->before)
                positions.insert(it.key(), *it->before);
        }
        if (!positions.isEmpty())
            m_doc.setPositions(positions);
        m_doc.setFolded(forward ? m_after : m_before);
    }

    MapDocument &m_doc;
    QStringList m_before, m_after;
    QHash<QString, Move> m_moves;
};

} // namespace

Edit setFolding(MapDocument &doc, QStringList folded, const QHash<QString, QPointF> &positions,
    const QString &text)
{
    const Map &map = doc.map();
    folded.removeIf([&](const QString &id) { return !map.findComponent(id); });
    folded.removeDuplicates();
    const QStringList before = folding::foldedIds(map);
    QHash<QString, FoldCommand::Move> moves;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (!map.findComponent(it.key()))
            continue;
        const auto old = map.positions().constFind(it.key());
        if (old != map.positions().cend() && *old == it.value())
            continue;
        moves.insert(it.key(),
            {old == map.positions().cend() ? std::nullopt : std::optional<QPointF>(*old),
                it.value()});
    }
    if (folded == before && moves.isEmpty())
        return {};
    return Edit {std::make_unique<FoldCommand>(doc, before, folded, std::move(moves), text), {}};
}

} // namespace faultline::edit
