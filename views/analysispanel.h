#pragma once

#include "model/analysis/analyses.h"
#include "views/backgroundjob.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace faultline {

class AvailabilityTab;
class BlastRadiusTab;
class CutSetsTab;
class MapDocument;
class MapSelection;
class SpofTab;

// The analyses of DESIGN.md in the desktop app, one tab each (a widget of its own): blast
// radius (views/blastradiustab.h), single points of failure (views/spoftab.h), minimal cut sets
// (views/cutsetstab.h) and availability (views/availabilitytab.h). The panel holds what they
// share: the target (the component the user last selected), the progress bar with Cancel, the
// status line, and the one BackgroundJob they run on: a copy of the map off the GUI thread, a
// result that arrives after the map changed dropped.
class AnalysisPanel : public QWidget
{
    Q_OBJECT

public:
    enum Tab { BlastRadiusPage, SpofPage, CutSetsPage, AvailabilityPage };

    AnalysisPanel(MapDocument *document, MapSelection *selection, QWidget *parent = nullptr);
    ~AnalysisPanel() override;

    // Start an analysis; the result shows when the worker is done. The target is the selected
    // component when none is given. Each returns false (and says why) when it cannot start.
    void runBlastRadius();
    bool findSinglePointsOfFailure(const QString &targetId = {});
    bool findCutSets(const QString &targetId = {});
    bool computeAvailability(const QString &targetId = {});
    void cancel();
    // Empties every tab (a different map was loaded).
    void clearResults();
    bool isRunning() const { return m_job->isRunning(); }
    void showTab(Tab tab);

    QTableWidget *blastTable() const;
    QComboBox *kindFilter() const;
    QSpinBox *orderBox() const;
    QTreeWidget *spofList() const;
    QTreeWidget *cutSetList() const;
    QTreeWidget *contributorList() const;
    QString availabilityText() const;
    QString statusText() const;
    // The ids of the last single points of failure found.
    const QStringList &singlePoints() const { return m_spofIds; }
    // What the analyses run on when no target is given, and the "Target:" line shows: the
    // component the user last selected (the current one), or the last explicit target. Marking
    // results on the map (single points of failure are selected) does not change it.
    QString targetId() const { return m_targetId; }
    QString targetText() const;

signals:
    void finished(); // a result was shown, or an analysis failed or was dropped

private:
    void start(const QString &title, BackgroundJob::Work work);
    void ended(const QString &status);
    void setStatus(const QString &text);
    void followSelection();
    void refreshTarget();
    QString useTarget(const QString &id);
    void markSinglePoints(const QStringList &ids);

    MapDocument *m_doc;
    MapSelection *m_selection;
    BackgroundJob *m_job;

    QTabWidget *m_tabs;
    QLabel *m_target;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    BlastRadiusTab *m_blast;
    SpofTab *m_spof;
    CutSetsTab *m_cutSets;
    AvailabilityTab *m_availability;

    QStringList m_spofIds;
    QString m_targetId;
    bool m_marking = false; // the panel itself is selecting results on the map
};

} // namespace faultline
