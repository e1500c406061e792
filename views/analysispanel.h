#pragma once

#include "model/analysis/analyses.h"

#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QThread;
class QTimer;
class QTreeWidget;

namespace faultline {

class MapDocument;
class MapSelection;

// The analyses of DESIGN.md in the desktop app, one tab each:
// - Blast radius: every component (or every one of a kind: provider, region and zone add the
//   share of the business cost that sits on each) failed alone, in a sortable table; selecting
//   a row applies that failure as the what-if.
// - Single points of failure of the selected component: listed here and selected on the map.
// - Minimal cut sets of the selected component up to an order: listed; selecting one applies it.
// - Availability of the selected component: exact, with downtime per year and the components
//   that contribute most.
// Each runs on a worker thread on a copy of the map with a fresh ImpactGraph (never touching
// MapDocument there), with a progress bar and Cancel; a result that arrives after the map
// changed is dropped.
class AnalysisPanel : public QWidget
{
    Q_OBJECT

public:
    enum Tab { BlastRadiusTab, SpofTab, CutSetsTab, AvailabilityTab };

    AnalysisPanel(MapDocument *document, MapSelection *selection, QWidget *parent = nullptr);
    ~AnalysisPanel() override;

    // Start an analysis; the result shows when the worker is done. The target is the selected
    // component when none is given. Each returns false (and says why) when it cannot start.
    void runBlastRadius();
    bool findSinglePointsOfFailure(const QString &targetId = {});
    bool findCutSets(const QString &targetId = {});
    bool computeAvailability(const QString &targetId = {});
    void cancel();
    bool isRunning() const { return m_job != nullptr; }
    void showTab(Tab tab);

    QTableWidget *blastTable() const { return m_blastTable; }
    QComboBox *kindFilter() const { return m_kind; }
    QSpinBox *orderBox() const { return m_order; }
    QTreeWidget *spofList() const { return m_spofList; }
    QTreeWidget *cutSetList() const { return m_cutList; }
    QTreeWidget *contributorList() const { return m_contributors; }
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
    struct Job;
    // Runs on the worker; returns what to do with the result on the GUI thread.
    using Work = std::function<std::function<void()>(
        const Map &map, const ImpactGraph &graph, const ProgressFn &progress)>;

    QWidget *createBlastTab();
    QWidget *createSpofTab();
    QWidget *createCutSetsTab();
    QWidget *createAvailabilityTab();
    void start(const QString &title, Work work);
    void finish(const std::shared_ptr<Job> &job, const std::function<void()> &deliver,
        const QString &error, quint64 generation);
    void pollProgress();
    void setStatus(const QString &text);
    void refreshKinds();
    void followSelection();
    void refreshTarget();
    QString useTarget(const QString &id);
    void showBlastRadius(const Map &map, const BlastRadiusReport &report);
    void showSpof(const Map &map, const SpofReport &report);
    void showCutSets(const Map &map, const CutSetReport &report);
    void showAvailability(const Map &map, const AvailabilityReport &report);
    void mapChanged();

    MapDocument *m_doc;
    MapSelection *m_selection;
    quint64 m_generation = 0;
    std::shared_ptr<Job> m_job;
    std::vector<QThread *> m_threads;
    QTimer *m_poll;

    QTabWidget *m_tabs;
    QLabel *m_target;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;

    QComboBox *m_kind;
    QTableWidget *m_blastTable;
    QLabel *m_blastSummary;

    QTreeWidget *m_spofList;
    QLabel *m_spofSummary;
    QStringList m_spofIds;

    QSpinBox *m_order;
    QCheckBox *m_onlyWithAvailability;
    QTreeWidget *m_cutList;
    QLabel *m_cutSummary;

    QLabel *m_availability;
    QLabel *m_downtime;
    QTreeWidget *m_contributors;

    QString m_targetId;
    bool m_syncing = false;
    bool m_marking = false; // the panel itself is selecting results on the map
};

} // namespace faultline
