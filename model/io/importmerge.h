#pragma once

#include "model/map/map.h"

#include <QString>
#include <QStringList>

namespace faultline {

// What `faultline import FILE --into MAP` changed, by component.
struct MergeReport
{
    QStringList added; // "+ id (kind)"
    QStringList changed; // "~ id: field old → new, ..."
    QStringList removed; // "- id"
    QStringList dependencies; // "+ dependency a -> b", "- dependency a -> b"
    QStringList handMade; // hand-made entries the removals took with them, and why
    int addedCount = 0, changedCount = 0, removedCount = 0;

    bool isEmpty() const;
    // The difference as the command line prints it: a summary line, then one line per change.
    QString text(const QString &source) const;
};

// Updates `map` with what one import says now. `imported` is the whole import (every
// component and dependency carries `source` in its import_sources, importsource.h):
//
// - a component it has and the map lacks is added; one both have is updated field by field,
//   except the fields changed by hand since the last import (each component keeps, under the
//   extra key "imported", the values imports last gave it: a field whose value differs from
//   that was set by hand and stays); a component of this source the import no longer has
//   loses the mark, and is removed when no other import has it;
// - the same for dependencies (their type is kept when changed by hand);
// - components and dependencies without a mark (made by hand), positions, scenarios and the
//   map's name stay. A hand-made dependency whose end was removed is removed and reported; a
//   hand-made child of a removed component moves to its parent; removed components leave the
//   scenarios that named them.
//
// All or nothing: throws ValidationError when the result breaks a rule (a hand-set require
// above what the import left), leaving `map` as it was.
MergeReport mergeImport(Map &map, const Map &imported, const QString &source);

} // namespace faultline
