#pragma once

// Folding clusters of the diagram (model/layout/folding.h), under the undo contract of
// model/editing/edits.h. Folding is a view edit, like moving a box: the map's content stays, but
// what is folded is saved with the map, so a fold marks the document modified and is one undo
// step; Undo unfolds and puts the boxes back where they were.

#include "model/editing/edits.h"

#include <QHash>
#include <QPointF>
#include <QStringList>

namespace faultline::edit {

// The folded clusters become `folded` (ids, in the order they were folded), and the boxes go to
// `positions` (the layout of the folded view: views/mapscene lays it out), in one undo step.
// Ids the map does not have are dropped. Nothing when the folding and the positions are as they
// are. `text` names the step ("Fold us-east-1", "Collapse to regions").
Edit setFolding(MapDocument &doc, QStringList folded, const QHash<QString, QPointF> &positions,
    const QString &text);

} // namespace faultline::edit
