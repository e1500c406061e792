#include "app/gui/presentermode.h"

#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/presentercaption.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QKeyEvent>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace faultline {
namespace {

QString stateWord(State s)
{
    switch (s) {
    case State::Down:
        return PresenterMode::tr("down");
    case State::Degraded:
        return PresenterMode::tr("degraded");
    case State::AtRisk:
        return PresenterMode::tr("at risk");
    case State::Up:
        break;
    }
    return PresenterMode::tr("up");
}

} // namespace

PresenterMode::PresenterMode(MainWindow *window)
    : QObject(window), m_window(window), m_action(new QAction(tr("&Present"), this))
{
    m_action->setObjectName(QStringLiteral("presentAction"));
    m_action->setShortcut(Qt::Key_F5);
    m_action->setCheckable(true);
    m_action->setToolTip(tr("Present the cascade step by step, full screen (F5; Esc leaves)"));
    connect(m_action, &QAction::triggered, this, [this](bool on) {
        if (on)
            enter();
        else
            leave();
    });
    connect(window->document(), &MapDocument::impactChanged, this, [this] {
        if (m_presenting)
            reload();
    });
}

PresenterMode::~PresenterMode()
{
    qApp->removeEventFilter(this);
}

void PresenterMode::enter()
{
    if (m_presenting)
        return;
    MainWindow *w = m_window;
    MapView *view = w->view();
    m_saved.geometry = w->saveGeometry();
    m_saved.rect = w->geometry();
    m_saved.state = w->saveState();
    m_saved.windowState = w->windowState();
    m_saved.menuBar = w->menuBar()->isVisible();
    m_saved.statusBar = w->statusBar()->isVisible();
    m_saved.legend = view->isLegendVisible();
    m_saved.transform = view->transform();
    m_saved.centre = view->mapToScene(view->viewport()->rect().center());
    m_saved.failed = w->document()->failed();
    m_saved.degraded = w->document()->degraded();
    m_saved.selection = w->selection()->components();
    m_presenting = true;
    m_action->setChecked(true);

    for (QDockWidget *dock : w->findChildren<QDockWidget *>())
        dock->hide();
    for (QToolBar *bar : w->findChildren<QToolBar *>())
        bar->hide();
    w->menuBar()->hide();
    w->statusBar()->hide();
    view->setLegendVisible(false);
    if (!m_caption)
        m_caption = new PresenterCaption(view);
    view->setTopPanel(m_caption);
    qApp->installEventFilter(this);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    w->showFullScreen();
    // Without a window manager that makes it so (a bare X server for a projector), the
    // window fills its screen itself.
    if (const QScreen *screen = w->screen())
        w->setGeometry(screen->geometry());
    view->setFocus(Qt::OtherFocusReason);
    reload();
    view->fitToMap();
}

void PresenterMode::leave()
{
    if (!m_presenting)
        return;
    MainWindow *w = m_window;
    MapView *view = w->view();
    qApp->removeEventFilter(this);
    m_presenting = false;
    m_action->setChecked(false);
    view->setCallouts({});
    view->setTopPanel(nullptr);
    w->scene()->setLooksOverride(std::nullopt);
    MapDocument *doc = w->document();
    if (doc->failed() != m_saved.failed || doc->degraded() != m_saved.degraded)
        doc->setWhatIf(m_saved.failed, m_saved.degraded);
    w->selection()->setComponents(m_saved.selection);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    w->setWindowState(m_saved.windowState);
    w->restoreGeometry(m_saved.geometry);
    if (!(m_saved.windowState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        w->setGeometry(m_saved.rect); // where it was, also without a window manager's frame
    w->restoreState(m_saved.state);
    w->menuBar()->setVisible(m_saved.menuBar);
    w->statusBar()->setVisible(m_saved.statusBar);
    view->setLegendVisible(m_saved.legend);
    restoreView();
    // The window takes its size back when the window system says so: the view again then.
    QTimer::singleShot(0, this, [this] {
        if (!m_presenting)
            restoreView();
    });
}

void PresenterMode::restoreView()
{
    MapView *view = m_window->view();
    view->setTransform(m_saved.transform);
    view->centerOn(m_saved.centre);
    emit view->zoomChanged(view->zoom());
}

void PresenterMode::reload()
{
    MapDocument *doc = m_window->document();
    m_cascade = Cascade(doc->map(), doc->graph(), doc->impact());
    m_step = 0;
    show();
}

void PresenterMode::setStep(int k)
{
    if (!m_presenting)
        return;
    m_step = std::clamp(k, 0, m_cascade.lastStep());
    show();
}

QString PresenterMode::scenarioTitle() const
{
    const MapDocument *doc = m_window->document();
    const Map &map = doc->map();
    const QSet<QString> failed(doc->failed().begin(), doc->failed().end());
    const QSet<QString> degraded(doc->degraded().begin(), doc->degraded().end());
    for (const Scenario &s : map.scenarios()) {
        if (QSet<QString>(s.fail.begin(), s.fail.end()) == failed
            && QSet<QString>(s.degrade.begin(), s.degrade.end()) == degraded)
            return s.name;
    }
    auto names = [&](const QStringList &ids) {
        QStringList out;
        for (const QString &id : ids) {
            const auto c = map.findComponent(id);
            out.append(c ? map.component(*c).displayName() : id);
        }
        return out.join(QStringLiteral(", "));
    };
    QStringList parts;
    if (!failed.isEmpty())
        parts.append(tr("fail %1").arg(names(doc->failed())));
    if (!degraded.isEmpty())
        parts.append(tr("impair %1").arg(names(doc->degraded())));
    return tr("What-if: %1").arg(parts.join(QStringLiteral("; ")));
}

void PresenterMode::show()
{
    MapDocument *doc = m_window->document();
    const Map &map = doc->map();
    const ImpactResult &result = doc->impact();
    const bool applied = !doc->failed().isEmpty() || !doc->degraded().isEmpty();
    const QString mapName = map.name.isEmpty() ? tr("Untitled map") : map.name;
    const int scenarios = int(map.scenarios().size());
    const QString scenarioKeys = scenarios == 0 ? QString()
        : scenarios == 1                        ? tr(" · 1 the saved scenario")
                         : tr(" · 1 to %1 a saved scenario").arg(std::min(scenarios, 9));
    PresenterCaption::Content content;
    content.keys = tr("→ Space PageDown next · ← PageUp back · Home End first, last%1 · Esc leaves")
                       .arg(scenarioKeys);
    if (!applied) {
        m_window->scene()->setLooksOverride(std::nullopt);
        m_window->view()->setCallouts({});
        content.title = tr("%1 — choose a scenario").arg(mapName);
        content.tally = false;
        if (scenarios == 0) {
            content.note = tr("This map has no saved scenario: press Esc, fail components (F) or "
                              "impair them (D), and present again (F5).");
        } else {
            QStringList choices;
            for (int i = 0; i < std::min(scenarios, 9); ++i)
                choices.append(tr("%1 %2").arg(i + 1).arg(map.scenarios()[i].name));
            content.note = tr("Press a number to present a saved scenario:  %1")
                               .arg(choices.join(QStringLiteral("   ·   ")));
        }
        m_caption->setContent(content);
        m_window->view()->updateTopPanel();
        return;
    }

    const Cascade::Step step = m_cascade.step(m_step);
    const QSet<QString> failed(doc->failed().begin(), doc->failed().end());
    const QSet<QString> impaired(doc->degraded().begin(), doc->degraded().end());
    const int n = map.componentCount();
    MapScene::LooksOverride looks;
    looks.looks.resize(n);
    looks.dimmed.resize(n);
    for (int c = 0; c < n; ++c) {
        const QString &id = map.components()[c].id;
        looks.looks[c] = theme::lookFor(step.states[c], failed.contains(id), impaired.contains(id));
        looks.dimmed[c] = looks.looks[c] == theme::Look::Up;
    }
    const int m = map.dependencyCount();
    looks.emphasis.assign(m, drawing::EdgeEmphasis::Normal);
    looks.carried.assign(m, theme::Look::Up);
    looks.dimPlainEdges = true;
    for (int d = 0; d < m; ++d) {
        const Dependency &dep = map.dependencies()[d];
        const auto from = map.findComponent(dep.from);
        const auto to = map.findComponent(dep.to);
        if (!from || !to || step.states[from->value] == State::Up
            || result.cause(*from).value != to->value)
            continue;
        looks.emphasis[d] = result.round(*from) == step.index ? drawing::EdgeEmphasis::Fresh
                                                              : drawing::EdgeEmphasis::Carries;
        looks.carried[d] = looks.looks[from->value];
    }
    m_window->scene()->setLooksOverride(std::move(looks));

    std::vector<callouts::Callout> labels;
    for (const ComponentIndex c : step.reached) {
        const Component &comp = map.component(c);
        labels.push_back({comp.id, comp.displayName(),
            theme::lookFor(
                step.states[c.value], failed.contains(comp.id), impaired.contains(comp.id))});
    }
    m_window->view()->setCallouts(std::move(labels));

    content.title = tr("%1 — %2").arg(mapName, scenarioTitle());
    content.step = tr("Step %1 of %2").arg(step.index).arg(m_cascade.lastStep());
    content.summary = step.summary;
    content.exposedBusiness = int(step.exposedBusiness.size());
    for (const ComponentIndex c : step.reached) {
        const Component &comp = map.component(c);
        if (comp.isBusiness())
            content.news.push_back(
                {tr("%1 is %2").arg(comp.displayName(), stateWord(step.states[c.value])),
                    theme::lookFor(step.states[c.value], false, false), false});
    }
    for (const ComponentIndex c : step.newlyExposedBusiness)
        content.news.push_back(
            {tr("%1 is exposed").arg(map.component(c).displayName()), theme::Look::AtRisk, true});
    const int reached = int(step.reached.size());
    content.note = step.index == 0
        ? tr("Step 0: what the scenario fails and impairs. → shows what it takes down next.")
        : reached == 1
        ? tr("1 component reached its state in this step; no business service changed.")
        : tr("%1 components reached their state in this step; no business service "
             "changed.")
              .arg(reached);
    if (step.index == m_cascade.lastStep() && step.index > 0 && content.news.empty())
        content.note = tr("The last step: nothing changes after this one.");
    m_caption->setContent(content);
    m_window->view()->updateTopPanel();
}

void PresenterMode::applyScenario(int number)
{
    const Map &map = m_window->document()->map();
    if (number < 1 || number > int(map.scenarios().size()))
        return;
    const Scenario &s = map.scenarios()[number - 1];
    m_window->document()->setWhatIf(s.fail, s.degrade); // reloads through impactChanged
    reload();
}

bool PresenterMode::handleKey(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (mods != Qt::NoModifier && mods != Qt::ShiftModifier)
        return false;
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
    case Qt::Key_Down:
        setStep(m_step + 1);
        return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
        setStep(m_step - 1);
        return true;
    case Qt::Key_Home:
        setStep(0);
        return true;
    case Qt::Key_End:
        setStep(m_cascade.lastStep());
        return true;
    case Qt::Key_Escape:
    case Qt::Key_F5:
        // Not now: the key's own events are still being delivered.
        QTimer::singleShot(0, this, &PresenterMode::leave);
        return true;
    default:
        break;
    }
    if (event->key() >= Qt::Key_1 && event->key() <= Qt::Key_9) {
        applyScenario(event->key() - Qt::Key_0);
        return true;
    }
    return false;
}

bool PresenterMode::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ShortcutOverride:
        // Every key is presenter mode's: none may reach a shortcut of the window.
        event->accept();
        return true;
    case QEvent::KeyPress:
        handleKey(static_cast<QKeyEvent *>(event));
        return true; // the others are swallowed: no letter edits the map while presenting
    case QEvent::KeyRelease:
        return true;
    case QEvent::Resize:
        if (watched == m_window->view()->viewport())
            QTimer::singleShot(0, this, [this] {
                if (m_presenting)
                    m_window->view()->fitToMap();
            });
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace faultline
