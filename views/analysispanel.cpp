#include "views/analysispanel.h"

#include "model/editing/mapdocument.h"
#include "model/map/errors.h"
#include "model/recovery/policy.h"
#include "views/availabilitytab.h"
#include "views/blastradiustab.h"
#include "views/cutsetstab.h"
#include "views/mapselection.h"
#include "views/policydialog.h"
#include "views/policytab.h"
#include "views/spoftab.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace faultline {

namespace {

QLabel *statusLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AnalysisPanel::AnalysisPanel(MapDocument *document, MapSelection *selection, QWidget *parent)
    : QWidget(parent), m_doc(document), m_selection(selection),
      m_job(new BackgroundJob(document, this)), m_tabs(new QTabWidget(this)),
      m_target(statusLabel(this)), m_status(statusLabel(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_blast(new BlastRadiusTab(document, this)),
      m_spof(new SpofTab(document, this)), m_cutSets(new CutSetsTab(document, this)),
      m_availability(new AvailabilityTab(this)),
      m_policies(new PolicyTab(document, selection, this))
{
    m_tabs->addTab(m_blast, tr("Blast radius"));
    m_tabs->addTab(m_spof, tr("Single points"));
    m_tabs->addTab(m_cutSets, tr("Cut sets"));
    m_tabs->addTab(m_availability, tr("Availability"));
    m_tabs->addTab(m_policies, tr("Policies"));
    m_tabs->setDocumentMode(true);

    m_progress->setTextVisible(true);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_cancel->setToolTip(tr("Stop the running analysis"));
    m_status->setStyleSheet(QStringLiteral("color: #475569;"));

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_target);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);

    connect(m_blast, &BlastRadiusTab::runRequested, this, &AnalysisPanel::runBlastRadius);
    connect(m_spof, &SpofTab::runRequested, this, [this] { findSinglePointsOfFailure(); });
    connect(m_cutSets, &CutSetsTab::runRequested, this, [this] { findCutSets(); });
    connect(
        m_availability, &AvailabilityTab::runRequested, this, [this] { computeAvailability(); });
    connect(m_policies, &PolicyTab::runRequested, this, &AnalysisPanel::checkPolicy);
    connect(m_policies, &PolicyTab::editRequested, this, &AnalysisPanel::editPolicy);

    connect(m_job, &BackgroundJob::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_job, &BackgroundJob::delivered, this, [this] { ended(QString()); });
    connect(m_job, &BackgroundJob::failed, this,
        [this](const QString &message) { ended(tr("The analysis failed: %1").arg(message)); });
    connect(m_job, &BackgroundJob::dropped, this,
        [this] { ended(tr("The map changed while the analysis ran; run it again.")); });
    connect(m_cancel, &QPushButton::clicked, this, &AnalysisPanel::cancel);
    const auto mapChanged = [this] {
        m_blast->refreshKinds();
        refreshTarget();
    };
    connect(m_doc, &MapDocument::mapChanged, this, mapChanged);
    connect(m_doc, &MapDocument::documentReset, this, mapChanged);
    // Another map: the results of this one's analyses would be stale.
    connect(m_doc, &MapDocument::documentReset, this, &AnalysisPanel::clearResults);
    connect(m_selection, &MapSelection::changed, this, &AnalysisPanel::followSelection);
    followSelection();
}

void AnalysisPanel::clearResults()
{
    m_job->cancel();
    for (QTableWidget *table : findChildren<QTableWidget *>())
        table->setRowCount(0);
    for (QTreeWidget *tree : findChildren<QTreeWidget *>())
        tree->clear();
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    setStatus(QString());
}

AnalysisPanel::~AnalysisPanel()
{
    m_job->cancel(); // nothing is delivered to the tabs while they go
}

QTableWidget *AnalysisPanel::blastTable() const
{
    return m_blast->table();
}

QComboBox *AnalysisPanel::kindFilter() const
{
    return m_blast->kindFilter();
}

QSpinBox *AnalysisPanel::orderBox() const
{
    return m_cutSets->orderBox();
}

QTreeWidget *AnalysisPanel::spofList() const
{
    return m_spof->list();
}

QTreeWidget *AnalysisPanel::cutSetList() const
{
    return m_cutSets->list();
}

QTreeWidget *AnalysisPanel::contributorList() const
{
    return m_availability->contributorList();
}

QString AnalysisPanel::availabilityText() const
{
    return m_availability->text();
}

void AnalysisPanel::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

QString AnalysisPanel::statusText() const
{
    return m_status->text();
}

void AnalysisPanel::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString AnalysisPanel::targetText() const
{
    return m_target->text();
}

void AnalysisPanel::followSelection()
{
    if (m_marking)
        return;
    m_targetId = m_selection->current();
    refreshTarget();
}

void AnalysisPanel::refreshTarget()
{
    const auto c = m_doc->map().findComponent(m_targetId);
    if (!c) {
        m_target->setText(tr("<b>Target:</b> <i>select a component on the map</i>"));
        return;
    }
    const Component &comp = m_doc->map().component(*c);
    m_target->setText(tr("<b>Target:</b> %1 <span style='color:#64748b'>(%2)</span>")
                          .arg(comp.displayName().toHtmlEscaped(), comp.kind.toHtmlEscaped()));
}

// The target an analysis runs on (`id`, or the panel's target when empty), which becomes the
// panel's target; empty, with the reason in the status line, when there is none.
QString AnalysisPanel::useTarget(const QString &id)
{
    const QString target = id.isEmpty() ? m_targetId : id;
    QString why;
    if (target.isEmpty())
        why = tr("Select a component first.");
    else if (!m_doc->map().findComponent(target))
        why = tr("There is no component \"%1\".").arg(target);
    if (!why.isEmpty()) {
        setStatus(why);
        return {};
    }
    m_targetId = target;
    refreshTarget();
    return target;
}

void AnalysisPanel::start(const QString &title, BackgroundJob::Work work)
{
    cancel();
    m_progress->setRange(0, 0);
    m_progress->setFormat(title + QStringLiteral(" %p%"));
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    setStatus(title + QStringLiteral("…"));
    m_job->start(std::move(work));
}

void AnalysisPanel::cancel()
{
    if (!m_job->isRunning())
        return;
    m_job->cancel();
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    setStatus(tr("Cancelled."));
}

// A job ended with a result shown (empty status), an error or a map change.
void AnalysisPanel::ended(const QString &status)
{
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    setStatus(status);
    emit finished();
}

void AnalysisPanel::runBlastRadius()
{
    showTab(BlastRadiusPage);
    start(tr("Ranking"),
        [this, options = m_blast->options()](
            const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report =
                std::make_shared<BlastRadiusReport>(blastRadius(map, graph, options, progress));
            return BackgroundJob::Deliver(
                [this, report] { m_blast->showReport(m_doc->map(), *report); });
        });
}

bool AnalysisPanel::findSinglePointsOfFailure(const QString &targetId)
{
    showTab(SpofPage);
    const QString id = useTarget(targetId);
    if (id.isEmpty())
        return false;
    start(tr("Finding single points of failure"),
        [this, id](const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report = std::make_shared<SpofReport>(
                singlePointsOfFailure(graph, *map.findComponent(id), progress));
            return BackgroundJob::Deliver(
                [this, report] { markSinglePoints(m_spof->showReport(m_doc->map(), *report)); });
        });
    return true;
}

// The single points of failure are selected on the map; the target stays.
void AnalysisPanel::markSinglePoints(const QStringList &ids)
{
    m_spofIds = ids;
    if (ids.isEmpty())
        return;
    m_marking = true;
    m_selection->setComponents(ids);
    m_marking = false;
}

bool AnalysisPanel::findCutSets(const QString &targetId)
{
    showTab(CutSetsPage);
    const QString id = useTarget(targetId);
    if (id.isEmpty())
        return false;
    start(tr("Finding cut sets"),
        [this, id, options = m_cutSets->options()](
            const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report = std::make_shared<CutSetReport>(
                minimalCutSets(map, graph, *map.findComponent(id), options, progress));
            return BackgroundJob::Deliver(
                [this, report] { m_cutSets->showReport(m_doc->map(), *report); });
        });
    return true;
}

bool AnalysisPanel::computeAvailability(const QString &targetId)
{
    showTab(AvailabilityPage);
    const QString id = useTarget(targetId);
    if (id.isEmpty())
        return false;
    start(tr("Computing availability"),
        [this, id](const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report = std::make_shared<AvailabilityReport>(
                availability(map, graph, *map.findComponent(id), progress));
            return BackgroundJob::Deliver(
                [this, report] { m_availability->showReport(m_doc->map(), *report); });
        });
    return true;
}

bool AnalysisPanel::checkPolicy()
{
    showTab(PoliciesPage);
    const Map &map = m_doc->map();
    const QString source = map.name.isEmpty() ? tr("the map") : map.name;
    std::optional<Policy> policy;
    try {
        policy = policy::fromMap(map.extra, source);
    } catch (const Error &e) {
        m_policies->showMessage(e.message());
        return false;
    }
    if (!policy) {
        m_policies->showMessage(tr("This map stores no policy. <b>Edit Policy…</b> writes one or "
                                   "loads a policy file."));
        return false;
    }
    start(tr("Checking the policy"),
        [this, policy = std::move(*policy), source](
            const Map &copy, const ImpactGraph &graph, const ProgressFn &) {
            auto results = std::make_shared<std::vector<RuleResult>>(
                faultline::checkPolicy(copy, graph, policy, source));
            // The results point at the rules of this copy of the policy: keep it with them.
            auto kept = std::make_shared<Policy>(policy);
            for (RuleResult &r : *results)
                r.rule = &kept->rules[size_t(r.rule - policy.rules.data())];
            return BackgroundJob::Deliver(
                [this, results, kept] { m_policies->showResults(m_doc->map(), *results); });
        });
    return true;
}

void AnalysisPanel::editPolicy()
{
    PolicyDialog dialog(m_doc, this);
    if (dialog.exec() == QDialog::Accepted)
        checkPolicy();
}

} // namespace faultline
