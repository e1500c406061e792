#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace faultline {

class BackgroundJob;
class MapDocument;
class MapSelection;
class RecoveryTimeline;

// The recovery plan of the current what-if (DESIGN.md, "Recovery"), beside the Impact panel:
// what must come back and in which waves, as a timeline; the business services against their
// target RTO; and the data at risk against the target RPO of the services that need it. The
// plan is computed off the GUI thread (BackgroundJob) whenever the what-if or the map changes
// while the panel is shown; clicking a row selects its component.
class RecoveryPanel : public QWidget
{
    Q_OBJECT

public:
    RecoveryPanel(MapDocument *document, MapSelection *selection, QWidget *parent = nullptr);
    ~RecoveryPanel() override;

    QString summaryText() const;
    RecoveryTimeline *timeline() const { return m_timeline; }
    QTreeWidget *dataAtRiskList() const { return m_risk; }
    // The component ids of the timeline's rows, in order.
    const QStringList &rowIds() const { return m_rowIds; }
    // True while a plan is being computed.
    bool isComputing() const;

signals:
    void refreshed(); // a plan for the current what-if is shown

protected:
    void showEvent(QShowEvent *event) override;

private:
    void invalidate();
    void refresh();

    MapDocument *m_doc;
    MapSelection *m_selection;
    BackgroundJob *m_job;
    QLabel *m_summary;
    RecoveryTimeline *m_timeline;
    QLabel *m_riskTitle;
    QTreeWidget *m_risk;
    QStringList m_rowIds;
    bool m_stale = true;
    quint64 m_whatIfGeneration = 0; // counts what-if and map changes, so late plans are dropped
};

} // namespace faultline
