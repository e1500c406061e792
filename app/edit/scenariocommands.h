#pragma once

#include "model/map/scenario.h"

#include <QUndoCommand>

namespace faultline {

class MapDocument;

// Saved scenarios are part of the map, so saving, renaming and deleting one are edits (the
// contract is in app/edit/movecommand.h). Applying one is not: it is MapDocument::setWhatIf.
// Each command finds its scenario by name when it runs, so it stays right whatever else the
// stack did in between.

// Appends a scenario. The caller has checked that the name is free.
class AddScenarioCommand : public QUndoCommand
{
public:
    AddScenarioCommand(MapDocument *document, Scenario scenario);
    void redo() override;
    void undo() override;

private:
    MapDocument *m_doc;
    Scenario m_scenario;
};

// Renames a scenario. The caller has checked that the new name is free.
class RenameScenarioCommand : public QUndoCommand
{
public:
    RenameScenarioCommand(MapDocument *document, const QString &name, const QString &newName);
    void redo() override;
    void undo() override;

private:
    void rename(const QString &from, const QString &to);

    MapDocument *m_doc;
    QString m_name, m_newName;
};

// Deletes a scenario; undo puts it back where it was.
class RemoveScenarioCommand : public QUndoCommand
{
public:
    RemoveScenarioCommand(MapDocument *document, const QString &name);
    void redo() override;
    void undo() override;

private:
    MapDocument *m_doc;
    QString m_name;
    Scenario m_removed;
    int m_at = -1;
};

} // namespace faultline
