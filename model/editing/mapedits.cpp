#include "model/editing/mapedits.h"

#include "model/editing/mapdocument.h"

#include <QCoreApplication>

namespace faultline::edit {

namespace {

// The map's name is not an entry of the map, so not a step of MapEditCommand: a command of its
// own, which puts back exactly the name it replaced.
class RenameMapCommand : public QUndoCommand
{
public:
    RenameMapCommand(MapDocument *doc, const QString &before, const QString &after)
        : QUndoCommand(QCoreApplication::translate("faultline::edit", "Rename the map to “%1”")
                           .arg(after)),
          m_doc(doc), m_before(before), m_after(after)
    { }

    void redo() override { m_doc->setMapName(m_after); }
    void undo() override { m_doc->setMapName(m_before); }

private:
    MapDocument *m_doc;
    QString m_before, m_after;
};

} // namespace

Edit renameMap(MapDocument &doc, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Edit {nullptr, QCoreApplication::translate("faultline::edit", "A map needs a name.")};
    if (trimmed == doc.map().name)
        return {};
    return Edit {std::make_unique<RenameMapCommand>(&doc, doc.map().name, trimmed), {}};
}

} // namespace faultline::edit
