#include "views/comparedialog.h"

#include "model/editing/mapdocument.h"
#include "model/impact/graph.h"
#include "model/impact/resolve.h"
#include "model/io/mapfile.h"
#include "model/map/errors.h"
#include "views/comparecanvas.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace faultline {
namespace {

// The choice that stands for the current what-if in a scenario list.
const QString whatIfChoice = QStringLiteral("\x01what-if");

enum Column { IdColumn, NameColumn, AColumn, BColumn, ChangeColumn };

QString plural(int n, const QString &one, const QString &many)
{
    return QLocale().toString(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

QString signedCount(int n)
{
    return n > 0 ? QStringLiteral("+") + QLocale().toString(n) : QLocale().toString(n);
}

QStandardItem *stateItem(State s)
{
    auto *item = new QStandardItem(toString(s));
    const theme::StateStyle &style = theme::style(theme::lookFor(s, false, false));
    item->setBackground(style.fill);
    item->setForeground(style.text);
    item->setData(int(s), Qt::UserRole); // sorts by severity, not by word
    return item;
}

} // namespace

CompareDialog::CompareDialog(
    MapDocument *document, MapSelection *selection, MapScene *scene, MapView *view, QWidget *parent)
    : QDialog(parent), m_doc(document), m_selection(selection), m_scene(scene), m_view(view),
      m_scenariosMode(new QRadioButton(tr("Two &scenarios of this map"), this)),
      m_fileMode(new QRadioButton(tr("This map against another &file"), this)),
      m_pages(new QStackedWidget(this)), m_a(new QComboBox(this)), m_b(new QComboBox(this)),
      m_file(new QLineEdit(this)), m_fileSide(new QComboBox(this)),
      m_fileScenario(new QComboBox(this)), m_error(new QLabel(this)), m_summary(new QLabel(this)),
      m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_onCanvas(new QCheckBox(tr("Show the difference on the &canvas"), this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare"));
    m_a->setObjectName(QStringLiteral("scenarioA"));
    m_b->setObjectName(QStringLiteral("scenarioB"));
    m_file->setObjectName(QStringLiteral("otherFile"));
    m_fileSide->setObjectName(QStringLiteral("otherSide"));
    m_fileScenario->setObjectName(QStringLiteral("fileScenario"));
    m_error->setObjectName(QStringLiteral("compareError"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_onCanvas->setObjectName(QStringLiteral("compareOnCanvas"));

    auto *scenarios = new QWidget(this);
    auto *scenarioForm = new QFormLayout(scenarios);
    scenarioForm->addRow(tr("&A:"), m_a);
    scenarioForm->addRow(tr("&B:"), m_b);
    auto *file = new QWidget(this);
    auto *fileForm = new QFormLayout(file);
    auto *fileRow = new QHBoxLayout;
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);
    m_file->setPlaceholderText(tr("another version of this map: a .faultline or .json file"));
    fileForm->addRow(tr("Other &map:"), fileRow);
    m_fileSide->addItem(tr("the earlier version (A): this map is B"));
    m_fileSide->addItem(tr("the later version (B): this map is A"));
    fileForm->addRow(tr("It is:"), m_fileSide);
    fileForm->addRow(tr("Sce&nario:"), m_fileScenario);
    m_pages->addWidget(scenarios);
    m_pages->addWidget(file);

    auto *modes = new QHBoxLayout;
    modes->addWidget(m_scenariosMode);
    modes->addWidget(m_fileMode);
    modes->addStretch();
    auto *compareButton = new QPushButton(tr("C&ompare"), this);
    compareButton->setObjectName(QStringLiteral("compareButton"));
    compareButton->setDefault(true);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #9B1C1C; font-weight: bold"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_model->setHorizontalHeaderLabels({tr("Id"), tr("Name"), tr("A"), tr("B"), tr("Change")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the second map's order until asked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_onCanvas->setChecked(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *normal = buttons->addButton(tr("Back to &Normal"), QDialogButtonBox::ResetRole);
    normal->setObjectName(QStringLiteral("backToNormal"));
    normal->setToolTip(tr("The canvas shows the what-if again; the table stays"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modes);
    layout->addWidget(m_pages);
    layout->addWidget(compareButton, 0, Qt::AlignRight);
    layout->addWidget(m_error);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_onCanvas);
    layout->addWidget(buttons);
    resize(720, 620);

    connect(m_scenariosMode, &QRadioButton::toggled, this,
        [this](bool on) { m_pages->setCurrentIndex(on ? 0 : 1); });
    m_scenariosMode->setChecked(true);
    connect(compareButton, &QPushButton::clicked, this, &CompareDialog::compare);
    connect(browseButton, &QPushButton::clicked, this, &CompareDialog::browse);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(normal, &QPushButton::clicked, this, [this] { m_onCanvas->setChecked(false); });
    connect(m_onCanvas, &QCheckBox::toggled, this, &CompareDialog::updateCanvas);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const QString id = m_proxy->index(index.row(), IdColumn).data().toString();
        if (m_doc->map().findComponent(id)) {
            m_selection->setComponents({id});
            m_view->centreOn(id);
        }
    });
    // The open map or its what-if changed: what was compared no longer is what is shown.
    connect(m_doc, &MapDocument::mapChanged, this, [this] {
        if (m_comparison) {
            m_comparison.reset();
            m_model->removeRows(0, m_model->rowCount());
            m_summary->setText(tr("The map changed: compare again."));
            updateCanvas();
        }
        fillScenarioChoices();
    });
    connect(m_doc, &MapDocument::impactChanged, this, &CompareDialog::fillScenarioChoices);
    fillScenarioChoices();
}

CompareDialog::~CompareDialog() = default;

void CompareDialog::setMode(Mode mode)
{
    (mode == Mode::Scenarios ? m_scenariosMode : m_fileMode)->setChecked(true);
}

void CompareDialog::fillScenarioChoices()
{
    const bool whatIf = !m_doc->failed().isEmpty() || !m_doc->degraded().isEmpty();
    for (QComboBox *combo : {m_a, m_b, m_fileScenario}) {
        const QString kept = combo->currentData().toString();
        combo->clear();
        if (whatIf)
            combo->addItem(tr("The current what-if"), whatIfChoice);
        for (const Scenario &s : m_doc->map().scenarios())
            combo->addItem(s.name, s.name);
        const int i = combo->findData(kept);
        combo->setCurrentIndex(i >= 0 ? i : (combo == m_b && combo->count() > 1 ? 1 : 0));
    }
}

std::optional<Scenario> CompareDialog::chosenScenario(const QComboBox *combo) const
{
    const QString choice = combo->currentData().toString();
    if (choice == whatIfChoice) {
        Scenario s;
        s.name = tr("the what-if");
        s.fail = m_doc->failed();
        s.degrade = m_doc->degraded();
        return s;
    }
    const auto i = m_doc->map().findScenario(choice);
    if (!i)
        return std::nullopt;
    return m_doc->map().scenario(*i);
}

QString CompareDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CompareDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void CompareDialog::browse()
{
    const QString start =
        m_file->text().isEmpty() ? QFileInfo(m_doc->filePath()).absolutePath() : m_file->text();
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with another map"), start,
        tr("Maps (*.faultline *.json);;All files (*)"));
    if (!path.isEmpty())
        m_file->setText(path);
}

bool CompareDialog::compare()
{
    // Whatever happens, what was shown before is no longer the answer.
    m_error->hide();
    m_comparison.reset();
    m_model->removeRows(0, m_model->rowCount());
    m_summary->clear();
    updateCanvas();
    const bool twoMaps = m_fileMode->isChecked();
    const std::optional<Scenario> first = chosenScenario(twoMaps ? m_fileScenario : m_a);
    const std::optional<Scenario> second = twoMaps ? first : chosenScenario(m_b);
    if (!first || !second) {
        showError(tr("Choose a scenario for each side: this map has no saved scenario and no "
                     "what-if applied."));
        return false;
    }
    Map here = m_doc->map();
    Map other;
    const QString hereName = m_doc->filePath().isEmpty() ? tr("this map") : m_doc->filePath();
    QString otherPath;
    if (twoMaps) {
        otherPath = m_file->text().trimmed();
        if (otherPath.isEmpty()) {
            showError(tr("Choose the other map file to compare this map with."));
            return false;
        }
        try {
            other = loadMap(otherPath);
        } catch (const Error &e) {
            // The reader's message names the file; say what it was for.
            showError(tr("Cannot compare with %1: %2").arg(otherPath, e.message()));
            return false;
        }
    }
    const bool hereIsB = !twoMaps || m_fileSide->currentIndex() == 0;
    m_here = std::move(here);
    m_other = std::move(other);
    const Map &mapA = twoMaps && hereIsB ? m_other : m_here;
    const Map &mapB = twoMaps && !hereIsB ? m_other : m_here;
    const QString sourceA = twoMaps && hereIsB ? otherPath : hereName;
    const QString sourceB = twoMaps && !hereIsB ? otherPath : hereName;
    auto evaluate = [](const Map &map, const QString &source, const Scenario &s) {
        ScenarioSpec spec;
        try {
            spec = resolveScenario(map, s);
        } catch (const ValidationError &e) {
            throw ValidationError(tr("%1: %2").arg(source, e.message()));
        }
        return ComparedSide {&map, s, evaluateImpact(ImpactGraph(map), spec)};
    };
    try {
        const ComparedSide a = evaluate(mapA, sourceA, *first);
        const ComparedSide b = evaluate(mapB, sourceB, *second);
        m_comparison = compareImpacts(a, b);
        m_hereResult = hereIsB ? b.result : a.result;
        m_twoMaps = twoMaps;
        showResult(a, b);
    } catch (const Error &e) {
        m_comparison.reset();
        showError(tr("Cannot compare: %1").arg(e.message()));
        return false;
    }
    updateCanvas();
    return true;
}

void CompareDialog::showResult(const ComparedSide &a, const ComparedSide &b)
{
    const Comparison &c = *m_comparison;
    m_model->removeRows(0, m_model->rowCount());
    int worse = 0;
    for (const Comparison::Row &row : c.components) {
        worse += row.worse() ? 1 : 0;
        auto *id = new QStandardItem(row.id);
        id->setData(row.id, Qt::UserRole);
        auto *name = new QStandardItem(row.name);
        name->setData(row.name.toLower(), Qt::UserRole);
        auto *change = new QStandardItem(row.worse() ? tr("worse") : tr("better"));
        change->setData(row.worse() ? 1 : 0, Qt::UserRole);
        change->setForeground(row.worse() ? QColor(0xB91C1C) : QColor(0x047857));
        m_model->appendRow({id, name, stateItem(row.a), stateItem(row.b), change});
    }
    // A new comparison starts in the second map's order, as `faultline compare` lists it.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_proxy->sort(-1);
    m_table->resizeColumnToContents(IdColumn);

    auto side = [this](const QString &label, const ComparedSide &s, const Comparison::Totals &t) {
        const ImpactSummary &sum = t.summary;
        QStringList exposed;
        for (const QString &id : t.exposedBusiness) {
            const auto i = s.map->findComponent(id);
            exposed.append(i ? s.map->component(*i).displayName() : id);
        }
        return tr("<b>%1</b> %2: %3 down, %4 degraded, %5 at risk, %6 exposed, <b>%7</b>; exposed "
                  "business services: %8")
            .arg(label, s.scenario.name.toHtmlEscaped())
            .arg(sum.down)
            .arg(sum.degraded)
            .arg(sum.atRisk)
            .arg(t.exposed)
            .arg(theme::formatCostPerHour(sum.costPerHour).toHtmlEscaped(),
                exposed.isEmpty() ? tr("none")
                                  : exposed.join(QStringLiteral(", ")).toHtmlEscaped());
    };
    const double costChange = c.b.summary.costPerHour - c.a.summary.costPerHour;
    QStringList lines = {side(tr("A"), a, c.a), side(tr("B"), b, c.b),
        tr("B against A: %1 down, %2 degraded, %3 at risk, %4 exposed, %5%6")
            .arg(signedCount(c.b.summary.down - c.a.summary.down),
                signedCount(c.b.summary.degraded - c.a.summary.degraded),
                signedCount(c.b.summary.atRisk - c.a.summary.atRisk),
                signedCount(c.b.exposed - c.a.exposed),
                costChange > 0 ? QStringLiteral("+") : QString(),
                theme::formatCostPerHour(costChange).toHtmlEscaped()),
        tr("%1 and %2 in B.")
            .arg(plural(worse, tr("component worse"), tr("components worse")),
                plural(int(c.components.size()) - worse, tr("better"), tr("better")))};
    if (a.map != b.map) {
        lines.append(
            tr("The maps differ: %1 only in B, %2 only in A, %3 changed.")
                .arg(plural(int(c.added.size()), tr("component"), tr("components")),
                    QLocale().toString(c.removed.size()), QLocale().toString(c.changed.size())));
    }
    m_summary->setText(lines.join(QStringLiteral("<br>")));
}

void CompareDialog::updateCanvas()
{
    if (m_comparison && m_onCanvas->isChecked() && isVisible()) {
        m_scene->setLooksOverride(
            differenceLooks(m_here, m_hereResult, m_twoMaps ? m_other : m_here, *m_comparison));
        m_view->setLegendKind(MapView::Legend::Differences);
    } else {
        showNormalCanvas();
    }
}

void CompareDialog::showNormalCanvas()
{
    m_scene->setLooksOverride(std::nullopt);
    m_view->setLegendKind(MapView::Legend::States);
}

void CompareDialog::closeEvent(QCloseEvent *event)
{
    showNormalCanvas();
    QDialog::closeEvent(event);
}

void CompareDialog::hideEvent(QHideEvent *event)
{
    showNormalCanvas();
    QDialog::hideEvent(event);
}

} // namespace faultline
