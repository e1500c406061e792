#include "views/recoverypanel.h"

#include "model/editing/mapdocument.h"
#include "model/impact/resolve.h"
#include "model/recovery/recoveryplan.h"
#include "model/report/htmlreport.h"
#include "views/backgroundjob.h"
#include "views/mapselection.h"
#include "views/recoverytimeline.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace faultline {

using report::formatMinutes;

namespace {

QString when(const std::optional<double> &t)
{
    return t ? formatMinutes(*t) : RecoveryPanel::tr("never");
}

QString namesOf(const Map &map, const std::vector<ComponentIndex> &list)
{
    QStringList names;
    for (const ComponentIndex c : list)
        names.append(map.component(c).displayName().toHtmlEscaped());
    return names.join(QStringLiteral(", "));
}

// What the panel shows, made on the worker from the plan.
struct RecoveryView
{
    QString summary;
    std::vector<RecoveryTimeline::Row> rows;
    QStringList rowIds;
    struct Risk
    {
        QString id, name, rpo, services, verdict;
        bool missed = false;
    };
    std::vector<Risk> risks;
};

QString summaryOf(const Map &map, const RecoveryPlan &plan, bool whatIf)
{
    if (!whatIf)
        return RecoveryPanel::tr("Fail a component (What If › Fail) to see how the map recovers: "
                                 "what comes back first and when each business service is back.");
    if (plan.steps.empty())
        return RecoveryPanel::tr("The what-if takes nothing down: nothing to recover.");
    const int steps = int(plan.steps.size());
    const int waves = int(plan.waves.size());
    QString s = (steps == 1 ? RecoveryPanel::tr("<b>1 component</b> to bring back")
                            : RecoveryPanel::tr("<b>%1 components</b> to bring back").arg(steps))
        + (waves == 1 ? RecoveryPanel::tr(" in 1 wave; ")
                      : RecoveryPanel::tr(" in %1 waves; ").arg(waves));
    s += plan.allBack
        ? RecoveryPanel::tr("everything is back after <b>%1</b>.").arg(formatMinutes(*plan.allBack))
        : RecoveryPanel::tr("<b>some never come back</b>.");
    for (const auto &cycle : plan.cycles)
        s += QStringLiteral("<br/><span style='color:#C81E1E'>")
            + RecoveryPanel::tr("Cannot recover without breaking: <b>%1</b>")
                  .arg(namesOf(map, cycle))
            + QStringLiteral("</span>");
    std::vector<ComponentIndex> noRto;
    for (const RecoveryStep &step : plan.steps) {
        if (step.rtoMissing)
            noRto.push_back(step.component);
    }
    if (!noRto.empty())
        s += QStringLiteral("<br/><span style='color:#64748b'>")
            + RecoveryPanel::tr("No RTO (counted as 0): %1").arg(namesOf(map, noRto))
            + QStringLiteral("</span>");
    return s;
}

RecoveryView viewOf(const Map &map, const RecoveryPlan &plan, bool whatIf)
{
    RecoveryView v;
    v.summary = summaryOf(map, plan, whatIf);
    int serviceRows = 0;
    for (const BusinessRecovery &b : plan.business) {
        if (b.state == State::Up)
            continue;
        const Component &c = map.component(b.service);
        RecoveryTimeline::Row row;
        row.service = true;
        if (v.rows.empty())
            row.heading = RecoveryPanel::tr("Business services against their target RTO");
        row.name = c.displayName();
        row.back = b.back;
        row.target = b.targetRto;
        row.met = b.met;
        row.detail = QStringLiteral("<b>%1</b><br/>").arg(c.displayName().toHtmlEscaped())
            + RecoveryPanel::tr("Back in service: %1").arg(when(b.back));
        if (b.targetRto) {
            row.detail += QStringLiteral("<br/>")
                + RecoveryPanel::tr("Target RTO %1: ").arg(formatMinutes(*b.targetRto));
            if (b.met == true)
                row.detail += RecoveryPanel::tr("met");
            else if (b.back)
                row.detail +=
                    RecoveryPanel::tr("missed by %1").arg(formatMinutes(*b.back - *b.targetRto));
            else
                row.detail += RecoveryPanel::tr("missed: never back");
        }
        if (b.criticalPath.size() > 1)
            row.detail += QStringLiteral("<br/>")
                + RecoveryPanel::tr("Decided by: %1").arg(namesOf(map, b.criticalPath));
        v.rows.push_back(std::move(row));
        v.rowIds.append(c.id);
        ++serviceRows;
    }
    for (const RecoveryStep &step : plan.steps) {
        const Component &c = map.component(step.component);
        RecoveryTimeline::Row row;
        row.name = c.displayName();
        row.start = step.start;
        row.back = step.back;
        row.wave = step.wave;
        if (v.rowIds.size() == serviceRows)
            row.heading = RecoveryPanel::tr("Steps, by start (waves alternate colours)");
        row.detail = QStringLiteral("<b>%1</b><br/>").arg(c.displayName().toHtmlEscaped());
        if (step.back)
            row.detail += RecoveryPanel::tr("Wave %1: starts at %2, back at %3")
                              .arg(step.wave + 1)
                              .arg(formatMinutes(*step.start), formatMinutes(*step.back));
        else
            row.detail += RecoveryPanel::tr("Never comes back");
        row.detail += step.rtoMissing ? RecoveryPanel::tr(" (no RTO: counted as 0)")
                                      : RecoveryPanel::tr(" (RTO %1)").arg(formatMinutes(step.rto));
        if (!step.waitsFor.empty())
            row.detail += QStringLiteral("<br/>")
                + RecoveryPanel::tr("Waits for: %1").arg(namesOf(map, step.waitsFor));
        v.rows.push_back(std::move(row));
        v.rowIds.append(c.id);
    }
    for (const DataAtRisk &d : plan.dataAtRisk) {
        QStringList services;
        for (const ComponentIndex s : d.services)
            services.append(map.component(s).displayName());
        v.risks.push_back({map.component(d.component).id, map.component(d.component).displayName(),
            formatMinutes(d.rpo), services.join(QStringLiteral(", ")),
            !d.met       ? RecoveryPanel::tr("no target")
                : *d.met ? RecoveryPanel::tr("met")
                         : RecoveryPanel::tr("missed"),
            d.met == false});
    }
    return v;
}

} // namespace

RecoveryPanel::RecoveryPanel(MapDocument *document, MapSelection *selection, QWidget *parent)
    : QWidget(parent), m_doc(document), m_selection(selection),
      m_job(new BackgroundJob(document, this)), m_summary(new QLabel(this)),
      m_timeline(new RecoveryTimeline(this)),
      m_riskTitle(new QLabel(tr("<b>Data at risk</b>"), this)), m_risk(new QTreeWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_timeline);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_risk->setColumnCount(4);
    m_risk->setHeaderLabels({tr("Data store"), tr("May lose"), tr("Needed by"), tr("Target RPO")});
    m_risk->setRootIsDecorated(false);
    m_risk->setUniformRowHeights(true);
    m_risk->header()->setStretchLastSection(false);
    m_risk->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_risk->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_risk->setMaximumHeight(140);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_summary);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_riskTitle);
    layout->addWidget(m_risk);

    connect(m_timeline, &RecoveryTimeline::rowClicked, this, [this](int row) {
        if (row >= 0 && row < m_rowIds.size())
            m_selection->setComponents({m_rowIds[row]});
    });
    connect(m_risk, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        m_selection->setComponents({item->data(0, Qt::UserRole).toString()});
    });
    connect(m_doc, &MapDocument::impactChanged, this, &RecoveryPanel::invalidate);
    connect(m_doc, &MapDocument::mapChanged, this, &RecoveryPanel::invalidate);
    connect(m_doc, &MapDocument::documentReset, this, &RecoveryPanel::invalidate);
}

RecoveryPanel::~RecoveryPanel()
{
    m_job->cancel();
}

QString RecoveryPanel::summaryText() const
{
    return m_summary->text();
}

bool RecoveryPanel::isComputing() const
{
    return m_job->isRunning();
}

void RecoveryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

// The plan is only worth computing when someone can see it; a hidden panel catches up when
// it is shown.
void RecoveryPanel::invalidate()
{
    ++m_whatIfGeneration;
    m_stale = true;
    if (isVisible())
        refresh();
}

void RecoveryPanel::refresh()
{
    m_stale = false;
    const quint64 generation = m_whatIfGeneration;
    const QStringList failed = m_doc->failed();
    const QStringList degraded = m_doc->degraded();
    const bool whatIf = !failed.isEmpty() || !degraded.isEmpty();
    m_job->start(
        [this, generation, failed, degraded, whatIf](
            const Map &map, const ImpactGraph &graph, const ProgressFn &) {
            const ImpactResult impact =
                evaluateImpact(graph, resolveScenario(map, failed, degraded));
            auto view = std::make_shared<RecoveryView>(
                viewOf(map, recoveryPlan(map, graph, impact), whatIf));
            return BackgroundJob::Deliver([this, generation, view] {
                if (generation != m_whatIfGeneration)
                    return; // the what-if changed meanwhile; its own plan follows
                m_summary->setText(view->summary);
                m_rowIds = view->rowIds;
                m_timeline->setRows(std::move(view->rows));
                m_risk->clear();
                for (const RecoveryView::Risk &r : view->risks) {
                    auto *item =
                        new QTreeWidgetItem(m_risk, {r.name, r.rpo, r.services, r.verdict});
                    item->setData(0, Qt::UserRole, r.id);
                    item->setToolTip(2, r.services);
                    if (r.missed)
                        item->setForeground(3, QColor(0xC8, 0x1E, 0x1E));
                }
                m_riskTitle->setVisible(!view->risks.empty());
                m_risk->setVisible(!view->risks.empty());
                emit refreshed();
            });
        },
        100);
}

} // namespace faultline
