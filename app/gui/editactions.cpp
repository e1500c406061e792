#include "app/gui/editactions.h"

#include "app/gui/whatifactions.h"
#include "model/editing/clipboardedits.h"
#include "model/editing/editnotices.h"
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "model/io/interchange.h"
#include "model/map/errors.h"
#include "views/componenttable.h"
#include "views/dependencydialog.h"
#include "views/inspector.h"
#include "views/mapdrawing.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/notice.h"
#include "views/placement.h"
#include "views/search.h"

#include <QAction>
#include <QClipboard>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QToolBar>

#include <tuple>

namespace faultline {

EditActions::EditActions(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_inspector(new Inspector(parts.document, parts.window)),
      m_table(new ComponentTable(parts.document, parts.window)),
      m_search(new ComponentSearch(parts.document, parts.window))
{
    MapDocument *doc = parts.document;
    MapSelection *selection = parts.selection;

    // The docks.
    m_inspector->setSelectionModel(selection);
    // A component moved into another parent goes inside that parent's box on the canvas.
    m_inspector->setPlacer(
        [this](const QString &id, const QString &parent) { return placeInto(id, parent); });
    m_parts.inspectorDock->setWidget(m_inspector);
    m_parts.inspectorDock->toggleViewAction()->setShortcut(Qt::CTRL | Qt::Key_I);
    connect(m_inspector, &Inspector::componentActivated, m_parts.view, &MapView::centreOn);
    m_table->setSelectionModel(selection);
    m_parts.tableDock->setWidget(m_table);
    m_parts.tableDock->toggleViewAction()->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    connect(m_table, &ComponentTable::componentActivated, m_parts.view, &MapView::centreOn);

    // The search box, at the right of the toolbar.
    QToolBar *bar = parts.searchBar;
    m_search->setObjectName(QStringLiteral("componentSearch"));
    m_search->setPlaceholderText(tr("Find a component (Ctrl+F)"));
    m_search->setMinimumWidth(260);
    m_search->setMaximumWidth(360);
    bar->addWidget(m_search);
    connect(m_search, &ComponentSearch::componentChosen, this, [this](const QString &id) {
        m_parts.selection->setComponents({id});
        m_parts.view->centreOn(id);
        m_parts.view->setFocus(Qt::OtherFocusReason);
    });

    // The actions.
    m_newComponent = new QAction(tr("&New Component"), this);
    m_newComponent->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), QKeySequence(Qt::Key_Insert)});
    m_newComponent->setToolTip(tr("Add a component (Ctrl+Shift+N or Insert)"));
    m_delete = new QAction(tr("&Delete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setToolTip(tr("Delete the selected components or dependency (Del)"));
    m_addDependency = new QAction(tr("Add &Dependency…"), this);
    m_addDependency->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    m_addDependency->setToolTip(tr("Make one component depend on another (Ctrl+Shift+D); on the "
                                   "canvas, Shift+drag from one component to the other"));
    m_fromHere = new QAction(tr("Add Dependency from &Here…"), this);
    m_fromHere->setToolTip(tr("Then click the component this one depends on"));
    m_find = new QAction(tr("&Find Component"), this);
    m_find->setShortcut(QKeySequence::Find);
    for (QAction *a : {m_newComponent, m_delete, m_addDependency, m_fromHere, m_find}) {
        a->setShortcutContext(Qt::WindowShortcut);
        m_parts.window->addAction(a);
    }
    connect(m_newComponent, &QAction::triggered, this, [this] { newComponent(m_menuPoint); });
    connect(m_delete, &QAction::triggered, this, &EditActions::deleteSelected);
    connect(m_addDependency, &QAction::triggered, this, &EditActions::openDependencyDialog);
    connect(m_fromHere, &QAction::triggered, this, [this] {
        const QStringList ids =
            m_parts.document->map().existingComponents(m_parts.selection->components());
        if (!ids.isEmpty())
            startConnect(ids.front());
    });
    connect(m_find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    createClipboardActions();
    createArrowActions();
    QMenu *edit = m_parts.editMenu;
    edit->addAction(m_cut);
    edit->addAction(m_copy);
    edit->addAction(m_paste);
    edit->addAction(m_duplicate);
    edit->addSeparator();
    edit->addAction(m_newComponent);
    edit->addAction(m_delete);
    edit->addSeparator();
    edit->addAction(m_addDependency);
    edit->addAction(m_fromHere);
    edit->addSeparator();
    edit->addAction(m_find);

    connect(selection, &MapSelection::changed, this, &EditActions::updateActions);
    connect(doc, &MapDocument::mapChanged, this, &EditActions::updateActions);
    connect(doc, &MapDocument::documentReset, this, &EditActions::cancelConnect);
    connect(m_parts.whatIf->clearAction(), &QAction::triggered, this, &EditActions::cancelConnect);
    // The canvas's connect gesture.
    connect(m_parts.scene, &MapScene::dependencyRequested, this, &EditActions::addDependency);
    connect(m_parts.scene, &MapScene::connectHint, this, [this](const QString &message) {
        if (message.isEmpty())
            m_parts.statusBar->clearMessage();
        else
            m_parts.statusBar->showMessage(message);
    });
    updateActions();
}

EditActions::~EditActions() = default;

QHash<QString, QPointF> EditActions::placeInto(const QString &id, const QString &parent) const
{
    const Map &map = m_parts.document->map();
    const auto i = map.findComponent(id);
    const auto p = map.findComponent(parent);
    if (!i || (!parent.isEmpty() && !p))
        return {};
    const placement::Canvas canvas = placement::canvasOf(*m_parts.document, *m_parts.scene);
    const placement::Box &box = canvas.boxes[i->value];
    if (!box.children.empty() || box.rect.isNull())
        return {}; // a cluster's place is its contents'
    placement::Spot spot =
        placement::placeIn(canvas, p ? p->value : -1, box.rect.size(), box.rect.center(), i->value);
    spot.pushed.insert(id, spot.at);
    return spot.pushed;
}

void EditActions::nodesDropped(
    const QHash<QString, QPointF> &before, const QHash<QString, QPointF> &after)
{
    MapDocument *doc = m_parts.document;
    const Map &map = doc->map();
    const auto i = after.size() == 1 ? map.findComponent(after.begin().key()) : std::nullopt;
    if (!i) {
        apply(edit::tryPush(*doc, edit::moveComponents(*doc, before, after, edit::newGesture())));
        return;
    }
    // One component: where it was before the drag decides what its parent's box is.
    const QString id = after.begin().key();
    const QPointF drop = after.begin().value();
    placement::Canvas canvas = placement::canvasOf(*doc, *m_parts.scene);
    placement::Box &box = canvas.boxes[i->value];
    const QSizeF size = box.rect.size();
    const auto around = [&](QPointF c) {
        return QRectF(c - QPointF(size.width(), size.height()) / 2, size);
    };
    box.rect = around(before.value(id, drop));
    placement::regrow(canvas, box.parent);
    box.rect = QRectF();
    // Dropped on another cluster's box: offer to move it in there.
    const int target = placement::clusterAt(canvas, drop);
    const auto isAncestor = [&](int a) {
        for (int p = canvas.boxes[i->value].parent; p >= 0; p = canvas.boxes[p].parent) {
            if (p == a)
                return true;
        }
        return false;
    };
    if (target >= 0 && target != i->value && !isAncestor(target)) {
        const Component &c = map.component(*i);
        const Component &into = map.components()[target];
        QMessageBox ask(QMessageBox::Question, tr("Move into another parent"),
            tr("Move “%1” into “%2”?").arg(c.displayName(), into.displayName()),
            QMessageBox::Yes | QMessageBox::No, m_parts.window);
        ask.setObjectName(QStringLiteral("moveIntoBox"));
        ask.setInformativeText(
            tr("It is inside “%1” now; No puts it back.")
                .arg(c.parent.isEmpty()
                        ? tr("the map")
                        : map.component(*map.findComponent(c.parent)).displayName()));
        ask.setDefaultButton(QMessageBox::Yes);
        if (ask.exec() == QMessageBox::Yes) {
            placement::Spot spot = placement::place(canvas, target, size, drop, i->value);
            spot.pushed.insert(id, spot.at);
            apply(edit::tryPush(*doc, edit::setParent(*doc, id, into.id, spot.pushed)));
        }
        doc->setPositions({{id, doc->map().positions().value(id, before.value(id))}});
        return;
    }
    // Otherwise it stays in its own parent, in free space near the drop; where there is none (its
    // parent hemmed in), back where it was: boxes never overlap.
    const QPointF at =
        placement::findSpot(canvas, canvas.boxes[i->value].parent, size, drop, i->value)
            .value_or(before.value(id, drop));
    apply(edit::tryPush(*doc, edit::moveComponents(*doc, before, {{id, at}}, edit::newGesture())));
    if (at != drop)
        doc->setPositions({{id, doc->map().positions().value(id, at)}});
}

// On the canvas: the arrow keys select the nearest component that way (with nothing selected
// they scroll, as Ctrl+arrows always do: views/mapview.h), Shift+arrows nudge the selected
// components by 10 (one undo step each).
void EditActions::createArrowActions()
{
    const std::tuple<Qt::Key, QPointF, QString> ways[] = {
        {Qt::Key_Left, QPointF(-1, 0), tr("Left")}, {Qt::Key_Right, QPointF(1, 0), tr("Right")},
        {Qt::Key_Up, QPointF(0, -1), tr("Up")}, {Qt::Key_Down, QPointF(0, 1), tr("Down")}};
    for (const auto &[key, way, name] : ways) {
        auto *step = new QAction(tr("Select the Component %1").arg(name), this);
        step->setShortcut(key);
        auto *nudge = new QAction(tr("Nudge the Selection %1").arg(name), this);
        nudge->setShortcut(Qt::SHIFT | key);
        for (QAction *a : {step, nudge}) {
            a->setShortcutContext(Qt::WidgetShortcut);
            m_parts.view->addAction(a);
        }
        const QPointF direction = way;
        connect(step, &QAction::triggered, this, [this, direction] { selectToward(direction); });
        connect(nudge, &QAction::triggered, this, [this, direction] {
            const Map &map = m_parts.document->map();
            QHash<QString, QPointF> before, after;
            for (const QString &id : map.existingComponents(m_parts.selection->components())) {
                if (!map.positions().contains(id))
                    continue;
                before.insert(id, map.positions().value(id));
                after.insert(id, map.positions().value(id) + direction * 10);
            }
            if (!after.isEmpty())
                apply(edit::tryPush(*m_parts.document,
                    edit::moveComponents(*m_parts.document, before, after, edit::newGesture())));
        });
    }
}

void EditActions::selectToward(QPointF direction)
{
    const placement::Canvas canvas = placement::canvasOf(*m_parts.document, *m_parts.scene);
    const auto from = m_parts.document->map().findComponent(m_parts.selection->current());
    if (!from) {
        // Nothing selected: the arrows scroll, as in any view.
        m_parts.view->scrollToward(direction);
        return;
    }
    if (canvas.boxes[from->value].rect.isNull())
        return;
    const QPointF origin = canvas.boxes[from->value].rect.center();
    int best = -1;
    double bestDistance = 0;
    for (int i = 0; i < int(canvas.boxes.size()); ++i) {
        const QRectF &r = canvas.boxes[i].rect;
        if (i == from->value || r.isNull())
            continue;
        const QPointF d = r.center() - origin;
        const double along = d.x() * direction.x() + d.y() * direction.y();
        const double across = std::abs(d.x() * direction.y() - d.y() * direction.x());
        if (along <= 0 || across > along)
            continue; // not within 45° of the way asked
        const double distance = along + 2 * across;
        if (best < 0 || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    if (best < 0)
        return;
    m_parts.selection->setComponents({canvas.boxes[best].id});
    m_parts.view->ensureVisible(canvas.boxes[best].rect, 40, 40);
}

DependencyDialog *EditActions::dependencyDialog() const
{
    return m_dialog.data();
}

QString EditActions::newComponent(std::optional<QPointF> scenePos)
{
    MapDocument *doc = m_parts.document;
    MapView *view = m_parts.view;
    Component c;
    c.id = edit::uniqueComponentId(doc->map(), QStringLiteral("component"));
    c.name = tr("New component");
    c.kind = QStringLiteral("service");
    // Never on top of another box: at the mouse for the context menu's insert (inside the
    // cluster under it), otherwise in free space near the middle of the view, at the top level.
    const placement::Canvas canvas = placement::canvasOf(*doc, *m_parts.scene);
    const QSizeF size = drawing::nodeSize(drawing::labelLines(c.name));
    placement::Spot spot;
    if (scenePos) {
        const int parent = placement::clusterAt(canvas, *scenePos);
        if (parent >= 0)
            c.parent = doc->map().components()[parent].id;
        spot = placement::place(canvas, parent, size, *scenePos);
    } else {
        spot.at = placement::freeSpot(
            canvas, -1, size, view->mapToScene(view->viewport()->rect().center()));
    }
    if (!apply(edit::tryPush(*doc, edit::addComponent(*doc, c, spot.at, spot.pushed))))
        return {};
    m_parts.selection->setComponents({c.id});
    m_parts.inspectorDock->show();
    m_parts.inspectorDock->raise();
    if (auto *name = m_inspector->findChild<QLineEdit *>(QStringLiteral("name"))) {
        name->setFocus(Qt::OtherFocusReason);
        name->selectAll();
    }
    const QString hint = tr("Added “%1”: name it in the inspector").arg(c.name);
    m_parts.statusBar->showMessage(hint, 5000);
    // The hint is stale once the component is named, or anything else is edited or selected.
    auto *once = new QObject(this);
    const auto clearHint = [this, hint, once] {
        if (m_parts.statusBar->currentMessage() == hint)
            m_parts.statusBar->clearMessage();
        once->deleteLater();
    };
    connect(doc, &MapDocument::mapChanged, once, clearHint);
    connect(m_parts.selection, &MapSelection::changed, once, clearHint);
    return c.id;
}

void EditActions::deleteSelected()
{
    MapDocument *doc = m_parts.document;
    MapSelection *selection = m_parts.selection;
    const QStringList ids = doc->map().existingComponents(selection->components());
    std::optional<QString> refusal;
    const QString notice = edit::deleteNotice(doc->map(), ids);
    if (!ids.isEmpty())
        refusal = edit::tryPush(*doc, edit::deleteComponents(*doc, ids));
    else if (!selection->dependencyFrom().isEmpty())
        refusal = edit::tryPush(*doc,
            edit::deleteDependency(*doc, selection->dependencyFrom(), selection->dependencyTo()));
    else
        return;
    if (apply(refusal)) {
        selection->clear();
        if (!ids.isEmpty() && !notice.isEmpty())
            showNotice(m_parts.window, notice);
    }
}

void EditActions::openDependencyDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const QStringList ids =
        m_parts.document->map().existingComponents(m_parts.selection->components());
    m_dialog = new DependencyDialog(m_parts.document, m_parts.window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!ids.isEmpty())
        m_dialog->setFrom(ids.value(0));
    if (ids.size() > 1)
        m_dialog->setTo(ids.value(1));
    m_dialog->open();
}

bool EditActions::addDependency(const QString &from, const QString &to)
{
    MapDocument *doc = m_parts.document;
    Dependency d;
    d.from = from;
    d.to = to;
    const QString notice = edit::cycleNotice(doc->map(), from, to);
    if (!apply(edit::tryPush(*doc, edit::addDependency(*doc, d))))
        return false;
    m_parts.selection->setDependency(from, to);
    if (!notice.isEmpty())
        showNotice(m_parts.window, notice);
    return true;
}

QString EditActions::connectingFrom() const
{
    return m_parts.scene->connectingFrom();
}

void EditActions::startConnect(const QString &from)
{
    m_parts.scene->startConnect(from);
    const auto c = m_parts.document->map().findComponent(from);
    m_parts.statusBar->showMessage(
        tr("Click the component “%1” depends on (Esc cancels)")
            .arg(c ? m_parts.document->map().component(*c).displayName() : from));
}

void EditActions::cancelConnect()
{
    m_parts.scene->cancelConnect(); // its connectHint() clears the status bar
}

void EditActions::popupMenu(const QPoint &screenPos)
{
    MapView *view = m_parts.view;
    m_menuPoint = view->mapToScene(view->viewport()->mapFromGlobal(screenPos));
    QMenu extra;
    extra.addAction(m_newComponent);
    if (m_delete->isEnabled())
        extra.addAction(m_delete);
    if (m_fromHere->isEnabled())
        extra.addAction(m_fromHere);
    extra.addAction(m_addDependency);
    bool separated = false;
    for (QAction *a : m_menuExtras) {
        if (!a->isEnabled())
            continue;
        if (!std::exchange(separated, true))
            extra.addSeparator();
        extra.addAction(a);
    }
    m_parts.whatIf->popupMenu(screenPos, &extra);
    m_menuPoint.reset();
}

bool EditActions::apply(const std::optional<QString> &refusal)
{
    if (refusal) {
        refuse(*refusal);
        return false;
    }
    m_lastRefusal.clear();
    return true;
}

void EditActions::refuse(const QString &message)
{
    m_lastRefusal = message;
    m_parts.statusBar->showMessage(message, 10000);
    if (!m_refusalBox) {
        m_refusalBox = new QMessageBox(
            QMessageBox::Warning, tr("Edit refused"), QString(), QMessageBox::Ok, m_parts.window);
        m_refusalBox->setObjectName(QStringLiteral("refusalBox"));
        m_refusalBox->setWindowModality(Qt::NonModal);
        m_refusalBox->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_refusalBox->setText(message);
    m_refusalBox->show();
    m_refusalBox->raise();
}

void EditActions::updateActions()
{
    const Map &map = m_parts.document->map();
    const QStringList ids = map.existingComponents(m_parts.selection->components());
    const bool dependency = !m_parts.selection->dependencyFrom().isEmpty();
    m_delete->setEnabled(!ids.isEmpty() || dependency);
    m_delete->setText(ids.size() > 1
            ? tr("&Delete %n Components", nullptr, int(ids.size()))
            : (ids.isEmpty() && dependency ? tr("&Delete Dependency") : tr("&Delete")));
    m_fromHere->setEnabled(ids.size() == 1);
    for (QAction *a : {m_cut, m_copy, m_duplicate}) {
        if (a)
            a->setEnabled(!ids.isEmpty());
    }
    m_addDependency->setEnabled(map.componentCount() > 1);
}

} // namespace faultline
