#pragma once

#include "model/impact/engine.h"
#include "model/impact/graph.h"
#include "model/map/map.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUndoStack>

#include <memory>

namespace faultline {

// The open map as the desktop app sees it: the Map value, its compiled ImpactGraph, the undo
// stack, the file it came from, and the current what-if (failed and impaired ids) with its
// ImpactResult. Views read it and never own it; every edit goes through an undo command
// (model/editing/edits.h) that calls the primitive setters below.
//
// Contract for the primitives: each makes exactly the change it names, does not validate (the
// commands check an edit before making it), and emits mapChanged() unless a batch is open, in
// which case one mapChanged() is emitted when the outermost batch closes. After every change the
// graph is rebuilt and the current what-if re-evaluated (ids that no longer exist are dropped),
// then impactChanged() is emitted.
class MapDocument : public QObject
{
    Q_OBJECT

public:
    explicit MapDocument(QObject *parent = nullptr);
    ~MapDocument() override;

    const Map &map() const { return m_map; }
    const ImpactGraph &graph() const { return *m_graph; }
    QUndoStack *undoStack() { return &m_undo; }

    // The file: empty path for a new, unsaved map (or the bundled example, which saves as).
    QString filePath() const { return m_filePath; }
    bool isReadOnly() const { return m_readOnly; }
    bool isModified() const { return !m_undo.isClean(); }
    // Counts changes of the map (each mapChanged(), each reset; not positions, not the what-if):
    // a result computed from the map at one revision is stale at any other.
    quint64 revision() const { return m_revision; }
    // Replace the whole map (open, new, import as new): clears undo history and the what-if.
    void reset(Map map, const QString &filePath, bool readOnly);
    // The map was written to `filePath`. `clean` is false when the map changed after the copy
    // that was written was taken (a save runs off the GUI thread): it stays modified.
    void markSaved(const QString &filePath, bool clean = true);
    // The map differs from every file (a map restored from a recovery file): unsaved until
    // saved, whatever is undone.
    void markUnsaved();

    // --- Primitives for undo commands ------------------------------------------------------
    void setMapName(const QString &name);
    // The map's top-level keys this version keeps as they are (Map::extra), the policy among them.
    void setMapExtra(const QJsonObject &extra);
    void insertComponent(ComponentIndex at, const Component &c);
    void setComponent(ComponentIndex i, const Component &c);
    void removeComponent(ComponentIndex i);
    void insertDependency(DependencyIndex at, const Dependency &d);
    void setDependency(DependencyIndex i, const Dependency &d);
    void removeDependency(DependencyIndex i);
    void insertScenario(ScenarioIndex at, const Scenario &s);
    void setScenario(ScenarioIndex i, const Scenario &s);
    void removeScenario(ScenarioIndex i);
    // Positions change without relayout; positionsChanged() instead of mapChanged().
    void setPositions(const QHash<QString, QPointF> &positions);
    // What the diagram folds (model/layout/folding.h), kept in Map::extra: a view change, so
    // foldingChanged() instead of mapChanged() (the content, the revision and the what-if stay).
    void setFolded(const QStringList &ids);
    void beginBatch();
    void endBatch();
    // An edit changed component ids (old id -> new id; undo reverses them): emits
    // componentsRenamed() so that whatever holds ids (a selection) follows.
    void announceRenames(const QHash<QString, QString> &renames);

    // --- The current what-if (not an edit: not on the undo stack) -------------------------
    const QStringList &failed() const { return m_failed; }
    const QStringList &degraded() const { return m_degraded; }
    void setWhatIf(const QStringList &failed, const QStringList &degraded);
    const ImpactResult &impact() const { return m_impact; }

signals:
    void mapChanged(); // structure or properties changed: views refresh (and may relayout)
    void positionsChanged(); // only layout positions changed
    void foldingChanged(); // only what the diagram folds changed (setFolded)
    void impactChanged(); // states and causes changed: views recolour, no relayout
    void documentReset(); // a different map was loaded
    // Ids changed (old -> new), after the mapChanged() of the edit that changed them.
    void componentsRenamed(const QHash<QString, QString> &renames);
    void fileChanged(); // path, read-only flag or modified mark changed

private:
    void changed();
    void reevaluate();

    Map m_map;
    std::unique_ptr<ImpactGraph> m_graph;
    QUndoStack m_undo;
    QString m_filePath;
    bool m_readOnly = false;
    quint64 m_revision = 0;
    int m_batchDepth = 0;
    bool m_pendingChange = false;
    QStringList m_failed, m_degraded;
    ImpactResult m_impact;
};

} // namespace faultline
