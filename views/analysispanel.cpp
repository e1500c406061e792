#include "views/analysispanel.h"

#include "model/editing/mapdocument.h"
#include "model/map/errors.h"
#include "views/mapselection.h"
#include "views/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>
#include <set>

namespace faultline {

struct AnalysisPanel::Job
{
    std::atomic<bool> cancelled {false};
    std::atomic<int> done {0};
    std::atomic<int> total {0};
};

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int SortRole = Qt::UserRole + 2;

// A table cell that sorts by a number rather than by its text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(const QString &text, double value) : QTableWidgetItem(text)
    {
        setData(SortRole, value);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(SortRole).toDouble() < other.data(SortRole).toDouble();
    }
};

QString percent(double share, int decimals = 1)
{
    return QLocale().toString(share * 100.0, 'f', decimals) + QStringLiteral(" %");
}

// An availability in percent with enough digits to tell four nines from five (to 1e-12).
QString availabilityPercent(double a)
{
    QString digits = QString::number(a * 100.0, 'f', 10);
    while (digits.endsWith(u'0') && !digits.endsWith(QLatin1String(".0")))
        digits.chop(1);
    return digits + QStringLiteral(" %");
}

QString nameOf(const Map &map, ComponentIndex c)
{
    return map.component(c).displayName();
}

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTreeWidget *resultTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setColumnCount(int(headers.size()));
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < headers.size(); ++c)
        tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    return tree;
}

} // namespace

AnalysisPanel::AnalysisPanel(MapDocument *document, MapSelection *selection, QWidget *parent)
    : QWidget(parent), m_doc(document), m_selection(selection), m_poll(new QTimer(this)),
      m_tabs(new QTabWidget(this)), m_target(wrappedLabel(this)), m_status(wrappedLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_tabs->addTab(createBlastTab(), tr("Blast radius"));
    m_tabs->addTab(createSpofTab(), tr("Single points"));
    m_tabs->addTab(createCutSetsTab(), tr("Cut sets"));
    m_tabs->addTab(createAvailabilityTab(), tr("Availability"));
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

    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &AnalysisPanel::pollProgress);
    connect(m_cancel, &QPushButton::clicked, this, &AnalysisPanel::cancel);
    connect(m_doc, &MapDocument::mapChanged, this, &AnalysisPanel::mapChanged);
    connect(m_doc, &MapDocument::documentReset, this, &AnalysisPanel::mapChanged);
    connect(m_selection, &MapSelection::changed, this, &AnalysisPanel::followSelection);
    refreshKinds();
    followSelection();
}

AnalysisPanel::~AnalysisPanel()
{
    if (m_job)
        m_job->cancelled = true;
    for (QThread *thread : m_threads) {
        thread->wait();
        delete thread;
    }
}

QWidget *AnalysisPanel::createBlastTab()
{
    auto *tab = new QWidget(this);
    m_kind = new QComboBox(tab);
    m_kind->setAccessibleName(tr("Components to rank"));
    auto *rank = new QPushButton(tr("Rank"), tab);
    rank->setToolTip(tr("Fail each component alone and rank them by what goes down"));
    m_blastTable = new QTableWidget(tab);
    m_blastTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_blastTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_blastTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_blastTable->setAlternatingRowColors(true);
    m_blastTable->verticalHeader()->setVisible(false);
    m_blastTable->horizontalHeader()->setMinimumSectionSize(36);
    m_blastTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_blastTable->setWordWrap(false);
    m_blastTable->setAccessibleName(tr("Blast radius ranking"));
    m_blastSummary = wrappedLabel(tab);
    m_blastSummary->setText(tr("Rank shows what each component's failure alone takes down. "
                               "Select a row to apply that failure on the map."));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Fail:"), tab));
    top->addWidget(m_kind, 1);
    top->addWidget(rank);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_blastTable, 1);
    layout->addWidget(m_blastSummary);

    connect(rank, &QPushButton::clicked, this, &AnalysisPanel::runBlastRadius);
    connect(m_blastTable, &QTableWidget::itemSelectionChanged, this, [this] {
        if (m_syncing)
            return;
        const QList<QTableWidgetItem *> items = m_blastTable->selectedItems();
        if (items.isEmpty())
            return;
        const QTableWidgetItem *first = m_blastTable->item(items.front()->row(), 0);
        const QString id = first ? first->data(IdRole).toString() : QString();
        if (!id.isEmpty() && m_doc->map().findComponent(id))
            m_doc->setWhatIf({id}, {});
    });
    return tab;
}

QWidget *AnalysisPanel::createSpofTab()
{
    auto *tab = new QWidget(this);
    auto *find = new QPushButton(tr("Find Single Points of Failure"), tab);
    find->setToolTip(tr("The components whose failure alone takes the selected one down"));
    m_spofList = resultTree({tr("Component"), tr("Kind")}, tab);
    m_spofList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_spofList->setAccessibleName(tr("Single points of failure"));
    m_spofSummary = wrappedLabel(tab);
    m_spofSummary->setText(tr("Select a component (a business service, say) and find what "
                              "takes it down alone. They are selected on the map."));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(find, 0, Qt::AlignLeft);
    layout->addWidget(m_spofSummary);
    layout->addWidget(m_spofList, 1);
    connect(find, &QPushButton::clicked, this, [this] { findSinglePointsOfFailure(); });
    connect(m_spofList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, IdRole).toString();
        if (m_doc->map().findComponent(id))
            m_doc->setWhatIf({id}, {});
    });
    return tab;
}

QWidget *AnalysisPanel::createCutSetsTab()
{
    auto *tab = new QWidget(this);
    m_order = new QSpinBox(tab);
    m_order->setRange(1, 6);
    m_order->setValue(3);
    m_order->setAccessibleName(tr("Largest set size"));
    m_onlyWithAvailability = new QCheckBox(tr("Only components with an availability"), tab);
    m_onlyWithAvailability->setToolTip(
        tr("The fault-tree view: components without an availability never fail"));
    auto *find = new QPushButton(tr("Find Cut Sets"), tab);
    m_cutList = resultTree({tr("Components"), tr("Size")}, tab);
    m_cutList->setAccessibleName(tr("Minimal cut sets"));
    m_cutSummary = wrappedLabel(tab);
    m_cutSummary->setText(tr("The smallest sets of components whose joint failure takes the "
                             "selected component down. Select one to apply it on the map."));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Up to"), tab));
    top->addWidget(m_order);
    top->addWidget(new QLabel(tr("components"), tab));
    top->addStretch(1);
    top->addWidget(find);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_onlyWithAvailability);
    layout->addWidget(m_cutSummary);
    layout->addWidget(m_cutList, 1);
    connect(find, &QPushButton::clicked, this, [this] { findCutSets(); });
    connect(m_cutList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_syncing || !item)
            return;
        QStringList ids = item->data(0, IdRole).toStringList();
        for (const QString &id : ids) {
            if (!m_doc->map().findComponent(id))
                return;
        }
        m_doc->setWhatIf(ids, {});
    });
    return tab;
}

QWidget *AnalysisPanel::createAvailabilityTab()
{
    auto *tab = new QWidget(this);
    auto *compute = new QPushButton(tr("Compute Availability"), tab);
    m_availability = wrappedLabel(tab);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_availability->setFont(big);
    m_availability->setText(tr("—"));
    m_downtime = wrappedLabel(tab);
    m_downtime->setText(tr("Components with an availability fail independently; those "
                           "without one never fail. Exact, not sampled."));
    m_contributors =
        resultTree({tr("Contributes most"), tr("Availability"), tr("Criticality")}, tab);
    m_contributors->setAccessibleName(tr("Components that contribute most to downtime"));
    m_contributors->setToolTip(tr("Criticality: the share of the downtime that repairing this "
                                  "component alone would end"));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(compute, 0, Qt::AlignLeft);
    layout->addWidget(m_availability);
    layout->addWidget(m_downtime);
    layout->addWidget(m_contributors, 1);
    connect(compute, &QPushButton::clicked, this, [this] { computeAvailability(); });
    return tab;
}

void AnalysisPanel::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

QString AnalysisPanel::availabilityText() const
{
    return m_availability->text() + QLatin1Char('\n') + m_downtime->text();
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

void AnalysisPanel::refreshKinds()
{
    const QString current = m_kind->currentData().toString();
    std::set<QString> kinds;
    for (const Component &c : m_doc->map().components())
        kinds.insert(c.kind);
    m_kind->clear();
    m_kind->addItem(tr("Every component"), QString());
    m_kind->addItem(tr("Each provider (business share)"), QStringLiteral("provider"));
    m_kind->addItem(tr("Each region (business share)"), QStringLiteral("region"));
    m_kind->addItem(tr("Each zone (business share)"), QStringLiteral("zone"));
    for (const QString &kind : kinds) {
        if (kind != QLatin1String("provider") && kind != QLatin1String("region")
            && kind != QLatin1String("zone"))
            m_kind->addItem(tr("Each %1").arg(kind), kind);
    }
    const int at = m_kind->findData(current);
    m_kind->setCurrentIndex(at < 0 ? 0 : at);
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

void AnalysisPanel::mapChanged()
{
    ++m_generation;
    refreshKinds();
    refreshTarget();
}

void AnalysisPanel::start(const QString &title, Work work)
{
    cancel();
    auto job = std::make_shared<Job>();
    m_job = job;
    const quint64 generation = m_generation;
    QThread *thread = QThread::create([this, job, generation, work = std::move(work),
                                          map = m_doc->map()] {
        std::function<void()> deliver;
        QString error;
        try {
            const ImpactGraph graph(map);
            const ProgressFn progress = [job](int done, int total) {
                job->done = done;
                job->total = total;
                return !job->cancelled.load();
            };
            deliver = work(map, graph, progress);
        } catch (const Cancelled &) {
            // Dropped below: the job is no longer the panel's.
        } catch (const Error &e) {
            error = e.message();
        } catch (const std::exception &e) {
            error = QString::fromLocal8Bit(e.what());
        }
        // Queued to the panel: discarded if the panel is gone (it waits for us first).
        QMetaObject::invokeMethod(
            this,
            [this, job, deliver, error, generation] { finish(job, deliver, error, generation); },
            Qt::QueuedConnection);
    });
    m_threads.push_back(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        std::erase(m_threads, thread);
        thread->deleteLater();
    });
    m_progress->setRange(0, 0);
    m_progress->setFormat(title + QStringLiteral(" %p%"));
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    setStatus(title + QStringLiteral("…"));
    m_poll->start();
    thread->start();
}

void AnalysisPanel::pollProgress()
{
    if (!m_job)
        return;
    const int total = m_job->total.load();
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(m_job->done.load());
    }
}

void AnalysisPanel::cancel()
{
    if (!m_job)
        return;
    m_job->cancelled = true;
    m_job.reset();
    m_poll->stop();
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    setStatus(tr("Cancelled."));
}

void AnalysisPanel::finish(const std::shared_ptr<Job> &job, const std::function<void()> &deliver,
    const QString &error, quint64 generation)
{
    if (job != m_job)
        return; // cancelled or superseded
    m_job.reset();
    m_poll->stop();
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    if (!error.isEmpty())
        setStatus(tr("The analysis failed: %1").arg(error));
    else if (generation != m_generation)
        setStatus(tr("The map changed while the analysis ran; run it again."));
    else if (deliver) {
        setStatus(QString());
        deliver();
    }
    emit finished();
}

void AnalysisPanel::runBlastRadius()
{
    showTab(BlastRadiusTab);
    BlastRadiusOptions options;
    options.kind = m_kind->currentData().toString();
    start(tr("Ranking"),
        [this, options](const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report =
                std::make_shared<BlastRadiusReport>(blastRadius(map, graph, options, progress));
            return std::function<void()>(
                [this, report] { showBlastRadius(m_doc->map(), *report); });
        });
}

bool AnalysisPanel::findSinglePointsOfFailure(const QString &targetId)
{
    showTab(SpofTab);
    const QString id = useTarget(targetId);
    if (id.isEmpty())
        return false;
    start(tr("Finding single points of failure"),
        [this, id](const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report = std::make_shared<SpofReport>(
                singlePointsOfFailure(graph, *map.findComponent(id), progress));
            return std::function<void()>([this, report] { showSpof(m_doc->map(), *report); });
        });
    return true;
}

bool AnalysisPanel::findCutSets(const QString &targetId)
{
    showTab(CutSetsTab);
    const QString id = useTarget(targetId);
    if (id.isEmpty())
        return false;
    CutSetOptions options;
    options.maxOrder = m_order->value();
    options.onlyWithAvailability = m_onlyWithAvailability->isChecked();
    start(tr("Finding cut sets"),
        [this, id, options](const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report = std::make_shared<CutSetReport>(
                minimalCutSets(map, graph, *map.findComponent(id), options, progress));
            return std::function<void()>([this, report] { showCutSets(m_doc->map(), *report); });
        });
    return true;
}

bool AnalysisPanel::computeAvailability(const QString &targetId)
{
    showTab(AvailabilityTab);
    const QString id = useTarget(targetId);
    if (id.isEmpty())
        return false;
    start(tr("Computing availability"),
        [this, id](const Map &map, const ImpactGraph &graph, const ProgressFn &progress) {
            auto report = std::make_shared<AvailabilityReport>(
                availability(map, graph, *map.findComponent(id), progress));
            return std::function<void()>(
                [this, report] { showAvailability(m_doc->map(), *report); });
        });
    return true;
}

void AnalysisPanel::showBlastRadius(const Map &map, const BlastRadiusReport &report)
{
    const bool concentration = !report.kind.isEmpty();
    m_syncing = true;
    m_blastTable->setSortingEnabled(false);
    m_blastTable->clear();
    QStringList headers {tr("Component"), tr("Kind"), tr("Down"), tr("Degr."), tr("Cost/h")};
    if (concentration)
        headers << tr("Business share");
    m_blastTable->setColumnCount(int(headers.size()));
    m_blastTable->setHorizontalHeaderLabels(headers);
    m_blastTable->horizontalHeaderItem(2)->setToolTip(tr("Components down, not counting it"));
    m_blastTable->horizontalHeaderItem(3)->setToolTip(tr("Components degraded"));
    m_blastTable->horizontalHeaderItem(4)->setToolTip(tr("Cost per hour of what goes down"));
    m_blastTable->setRowCount(int(report.ranking.size()));
    int row = 0;
    for (const BlastRadius &r : report.ranking) {
        const Component &c = map.component(r.component);
        auto *name = new QTableWidgetItem(c.displayName());
        name->setData(IdRole, c.id);
        name->setToolTip(c.id);
        m_blastTable->setItem(row, 0, name);
        m_blastTable->setItem(row, 1, new QTableWidgetItem(c.kind));
        m_blastTable->setItem(row, 2, new NumberItem(QString::number(r.down), r.down));
        m_blastTable->setItem(row, 3, new NumberItem(QString::number(r.degraded), r.degraded));
        m_blastTable->setItem(row, 4,
            new NumberItem(
                r.costPerHour > 0 ? QLocale().toString(r.costPerHour, 'f', 0) : QString(),
                r.costPerHour));
        if (concentration)
            m_blastTable->setItem(
                row, 5, new NumberItem(percent(r.businessShare), r.businessShare));
        ++row;
    }
    // The name takes what the numbers leave; kinds get a fixed column (wide enough for most
    // kinds), so that a narrow dock still shows names.
    QHeaderView *header = m_blastTable->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::Interactive);
    header->resizeSection(1, fontMetrics().horizontalAdvance(QStringLiteral("database")) + 12);
    for (int c = 2; c < headers.size(); ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_blastTable->setSortingEnabled(true);
    m_blastTable->sortItems(2, Qt::DescendingOrder);
    // Equal counts keep the analysis's order (cost, then map order): Qt's sort is stable.
    m_syncing = false;
    if (concentration)
        m_blastSummary->setText(
            tr("%n %1 component(s) ranked. Business cost on the map: %2.", nullptr,
                int(report.ranking.size()))
                .arg(report.kind, theme::formatCostPerHour(report.totalBusinessCostPerHour)));
    else
        m_blastSummary->setText(tr("%n component(s) ranked. Select a row to apply that failure.",
            nullptr, int(report.ranking.size())));
}

void AnalysisPanel::showSpof(const Map &map, const SpofReport &report)
{
    m_spofList->clear();
    m_spofIds.clear();
    for (ComponentIndex c : report.spof) {
        const Component &comp = map.component(c);
        auto *item = new QTreeWidgetItem(m_spofList, {comp.displayName(), comp.kind});
        item->setData(0, IdRole, comp.id);
        item->setToolTip(0, comp.id);
        m_spofIds.append(comp.id);
    }
    const QString target = nameOf(map, report.target);
    if (m_spofIds.isEmpty()) {
        m_spofSummary->setText(
            tr("No single component takes %1 down alone (%2 examined).")
                .arg(target.toHtmlEscaped(), QString::number(report.coneSize - 1)));
        return;
    }
    m_spofSummary->setText(tr("%n component(s) take %1 down alone; they are selected on the map. "
                              "Double-click one to fail it.",
        nullptr, int(m_spofIds.size()))
                               .arg(target.toHtmlEscaped()));
    m_marking = true;
    m_selection->setComponents(m_spofIds);
    m_marking = false;
}

void AnalysisPanel::showCutSets(const Map &map, const CutSetReport &report)
{
    m_syncing = true;
    m_cutList->clear();
    for (const auto &set : report.cutSets) {
        QStringList names, ids;
        for (ComponentIndex c : set) {
            names.append(nameOf(map, c));
            ids.append(map.component(c).id);
        }
        auto *item = new QTreeWidgetItem(
            m_cutList, {names.join(QStringLiteral(" + ")), QString::number(set.size())});
        item->setData(0, IdRole, ids);
        item->setToolTip(0, ids.join(QStringLiteral(", ")));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_syncing = false;
    QStringList byOrder;
    const std::vector<int> counts = report.countByOrder();
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (counts[k] > 0)
            byOrder.append(tr("%1 of size %2").arg(counts[k]).arg(k + 1));
    }
    const QString target = nameOf(map, report.target).toHtmlEscaped();
    if (report.cutSets.empty())
        m_cutSummary->setText(
            tr("No set of at most %1 components takes %2 down.").arg(report.maxOrder).arg(target));
    else
        m_cutSummary->setText(tr("%n minimal cut set(s) of %1 up to size %2: %3. Select one to "
                                 "apply it on the map.",
            nullptr, int(report.cutSets.size()))
                                  .arg(target)
                                  .arg(report.maxOrder)
                                  .arg(byOrder.join(QStringLiteral(", "))));
}

void AnalysisPanel::showAvailability(const Map &map, const AvailabilityReport &report)
{
    const QLocale locale;
    m_availability->setText(tr("%1: %2").arg(
        nameOf(map, report.target).toHtmlEscaped(), availabilityPercent(report.availability)));
    const double minutes = report.downtimeMinutesPerYear;
    const QString downtime = minutes >= 120
        ? tr("%1 hours").arg(locale.toString(minutes / 60.0, 'f', 1))
        : tr("%1 minutes").arg(locale.toString(minutes, 'f', minutes < 1 ? 3 : 1));
    m_downtime->setText(tr("Unavailability %1 · expected downtime %2 a year (%3 min) · "
                           "%4 of %5 components it needs can fail")
                            .arg(QString::number(report.unavailability, 'g', 6), downtime,
                                locale.toString(minutes, 'f', 2))
                            .arg(report.variableCount)
                            .arg(report.coneSize));
    m_contributors->clear();
    const std::size_t shown = std::min<std::size_t>(report.contributors.size(), 10);
    for (std::size_t i = 0; i < shown; ++i) {
        const AvailabilityContributor &c = report.contributors[i];
        const Component &comp = map.component(c.component);
        auto *item = new QTreeWidgetItem(m_contributors,
            {comp.displayName(), availabilityPercent(1.0 - c.unavailability),
                percent(c.criticality)});
        item->setData(0, IdRole, comp.id);
        item->setToolTip(0, comp.id);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
}

} // namespace faultline
