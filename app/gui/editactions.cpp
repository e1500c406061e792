#include "app/gui/editactions.h"

#include "app/gui/mainwindow.h"
#include "app/gui/whatifactions.h"
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "views/canvasitems.h"
#include "views/componenttable.h"
#include "views/dependencydialog.h"
#include "views/inspector.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/search.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPen>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTextDocument>
#include <QToolBar>

namespace faultline {
namespace {

QStringList existing(const Map &map, const QStringList &ids)
{
    QStringList out;
    for (const QString &id : ids) {
        if (map.findComponent(id))
            out.append(id);
    }
    return out;
}

enum class UndoKey { None, Undo, Redo };

// Ctrl+Z (and the platform's undo keys); redoKeys().
UndoKey undoKeyOf(const QKeyEvent *e)
{
    if (e->matches(QKeySequence::Undo))
        return UndoKey::Undo;
    const QKeyCombination k(e->modifiers() & ~Qt::KeypadModifier, Qt::Key(e->key()));
    if (redoKeys().contains(QKeySequence(k)))
        return UndoKey::Redo;
    return UndoKey::None;
}

// The text a focused widget edits, and whether the user typed in it since it last showed the
// document (the inspector commits a field and puts the model's text back, which clears the
// modified flag): only that typing is the field's own to undo.
struct TextField
{
    QLineEdit *line = nullptr;
    QPlainTextEdit *plain = nullptr;

    static TextField of(QWidget *w)
    {
        if (auto *line = qobject_cast<QLineEdit *>(w))
            return {line, nullptr};
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            return {spin->findChild<QLineEdit *>(), nullptr};
        if (auto *combo = qobject_cast<QComboBox *>(w))
            return {combo->lineEdit(), nullptr};
        if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            return {nullptr, plain};
        return {};
    }
    // Undo: while typing is left to undo (a line edit is "modified" until its undo reaches the
    // text it was given). Redo: while the field holds typing, or typing it undid (typing is
    // newer than anything the document could redo, and a document redo would replace it).
    bool ownsKey(UndoKey key) const
    {
        if (line) {
            if (line->isReadOnly())
                return false;
            return key == UndoKey::Undo ? line->isModified() && line->isUndoAvailable()
                                        : line->isModified() || line->isRedoAvailable();
        }
        if (plain) {
            const QTextDocument *d = plain->document();
            if (plain->isReadOnly())
                return false;
            return key == UndoKey::Undo ? d->isModified() && d->isUndoAvailable()
                                        : d->isModified() || d->isRedoAvailable();
        }
        return false;
    }
    // The document's undo goes past the field's undone typing: that typing can no longer be
    // redone (one history, as the user sees it).
    void forgetRedo() const
    {
        if (line && line->isRedoAvailable() && !line->isModified()) {
            const int cursor = line->cursorPosition();
            line->setText(line->text()); // clears its history
            line->setCursorPosition(cursor);
        } else if (plain && !plain->document()->isModified()) {
            plain->document()->clearUndoRedoStacks(QTextDocument::RedoStack);
        }
    }
    void apply(UndoKey key) const
    {
        if (line)
            key == UndoKey::Undo ? line->undo() : line->redo();
        else if (plain)
            key == UndoKey::Undo ? plain->undo() : plain->redo();
    }
};

} // namespace

QList<QKeySequence> redoKeys()
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &k :
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!keys.contains(k))
            keys.append(k);
    }
    return keys;
}

EditActions::EditActions(MainWindow *window)
    : QObject(window), m_window(window), m_inspector(new Inspector(window->document(), window)),
      m_table(new ComponentTable(window->document(), window)),
      m_search(new ComponentSearch(window->document(), window))
{
    MapDocument *doc = window->document();
    MapSelection *selection = window->selection();

    // The docks.
    m_inspector->setSelectionModel(selection);
    window->inspectorDock()->setWidget(m_inspector);
    window->inspectorDock()->toggleViewAction()->setShortcut(Qt::CTRL | Qt::Key_I);
    connect(m_inspector, &Inspector::componentActivated, window->view(), &MapView::centreOn);
    m_table->setSelectionModel(selection);
    window->tableDock()->setWidget(m_table);
    window->tableDock()->toggleViewAction()->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    connect(m_table, &ComponentTable::componentActivated, window->view(), &MapView::centreOn);

    // The search box, at the right of the toolbar.
    QToolBar *bar = window->addToolBar(tr("Search"));
    bar->setObjectName(QStringLiteral("searchToolBar"));
    bar->setMovable(false);
    m_search->setObjectName(QStringLiteral("componentSearch"));
    m_search->setPlaceholderText(tr("Find a component (Ctrl+F)"));
    m_search->setMinimumWidth(260);
    m_search->setMaximumWidth(360);
    bar->addWidget(m_search);
    connect(m_search, &ComponentSearch::componentChosen, this, [this](const QString &id) {
        m_window->selection()->setComponents({id});
        m_window->view()->centreOn(id);
        m_window->view()->setFocus(Qt::OtherFocusReason);
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
        window->addAction(a);
    }
    connect(m_newComponent, &QAction::triggered, this, [this] { newComponent(m_menuPoint); });
    connect(m_delete, &QAction::triggered, this, &EditActions::deleteSelected);
    connect(m_addDependency, &QAction::triggered, this, &EditActions::openDependencyDialog);
    connect(m_fromHere, &QAction::triggered, this, [this] {
        const QStringList ids =
            existing(m_window->document()->map(), m_window->selection()->components());
        if (!ids.isEmpty())
            startConnect(ids.front());
    });
    connect(m_find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    QMenu *edit = window->editMenu();
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
    connect(
        window->whatIf()->clearAction(), &QAction::triggered, this, &EditActions::cancelConnect);
    // The undo keys wherever focus is in the window, and the scene's mouse events.
    qApp->installEventFilter(this);
    updateActions();
}

EditActions::~EditActions() = default;

DependencyDialog *EditActions::dependencyDialog() const
{
    return m_dialog.data();
}

QString EditActions::newComponent(std::optional<QPointF> scenePos)
{
    MapDocument *doc = m_window->document();
    MapView *view = m_window->view();
    Component c;
    c.id = edit::uniqueComponentId(doc->map(), QStringLiteral("component"));
    c.name = tr("New component");
    c.kind = QStringLiteral("service");
    const QPointF at = scenePos.value_or(view->mapToScene(view->viewport()->rect().center()));
    if (!apply(edit::tryPush(*doc, edit::addComponent(*doc, c, at))))
        return {};
    m_window->selection()->setComponents({c.id});
    m_window->inspectorDock()->show();
    m_window->inspectorDock()->raise();
    if (auto *name = m_inspector->findChild<QLineEdit *>(QStringLiteral("name"))) {
        name->setFocus(Qt::OtherFocusReason);
        name->selectAll();
    }
    m_window->statusBar()->showMessage(
        tr("Added “%1”: name it in the inspector").arg(c.name), 5000);
    return c.id;
}

void EditActions::deleteSelected()
{
    MapDocument *doc = m_window->document();
    MapSelection *selection = m_window->selection();
    const QStringList ids = existing(doc->map(), selection->components());
    std::optional<QString> refusal;
    if (!ids.isEmpty())
        refusal = edit::tryPush(*doc, edit::deleteComponents(*doc, ids));
    else if (!selection->dependencyFrom().isEmpty())
        refusal = edit::tryPush(*doc,
            edit::deleteDependency(*doc, selection->dependencyFrom(), selection->dependencyTo()));
    else
        return;
    if (apply(refusal))
        selection->clear();
}

void EditActions::openDependencyDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const QStringList ids =
        existing(m_window->document()->map(), m_window->selection()->components());
    m_dialog = new DependencyDialog(m_window->document(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!ids.isEmpty())
        m_dialog->setFrom(ids.value(0));
    if (ids.size() > 1)
        m_dialog->setTo(ids.value(1));
    m_dialog->open();
}

bool EditActions::addDependency(const QString &from, const QString &to)
{
    MapDocument *doc = m_window->document();
    Dependency d;
    d.from = from;
    d.to = to;
    if (!apply(edit::tryPush(*doc, edit::addDependency(*doc, d))))
        return false;
    m_window->selection()->setDependency(from, to);
    return true;
}

void EditActions::startConnect(const QString &from)
{
    cancelConnect();
    m_connectFrom = from;
    m_dragging = false;
    m_window->view()->viewport()->setCursor(Qt::CrossCursor);
    const auto c = m_window->document()->map().findComponent(from);
    m_window->statusBar()->showMessage(
        tr("Click the component “%1” depends on (Esc cancels)")
            .arg(c ? m_window->document()->map().component(*c).displayName() : from));
}

void EditActions::cancelConnect()
{
    if (m_connectFrom.isEmpty() && !m_rubber)
        return;
    m_connectFrom.clear();
    m_dragging = false;
    delete m_rubber;
    m_rubber = nullptr;
    m_window->view()->viewport()->unsetCursor();
    m_window->statusBar()->clearMessage();
}

void EditActions::popupMenu(const QPoint &screenPos)
{
    MapView *view = m_window->view();
    m_menuPoint = view->mapToScene(view->viewport()->mapFromGlobal(screenPos));
    QMenu extra;
    extra.addAction(m_newComponent);
    if (m_delete->isEnabled())
        extra.addAction(m_delete);
    if (m_fromHere->isEnabled())
        extra.addAction(m_fromHere);
    extra.addAction(m_addDependency);
    m_window->whatIf()->popupMenu(screenPos, &extra);
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
    m_window->statusBar()->showMessage(message, 10000);
    if (!m_refusalBox) {
        m_refusalBox = new QMessageBox(
            QMessageBox::Warning, tr("Edit refused"), QString(), QMessageBox::Ok, m_window);
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
    const Map &map = m_window->document()->map();
    const QStringList ids = existing(map, m_window->selection()->components());
    const bool dependency = !m_window->selection()->dependencyFrom().isEmpty();
    m_delete->setEnabled(!ids.isEmpty() || dependency);
    m_delete->setText(ids.size() > 1
            ? tr("&Delete %n Components", nullptr, int(ids.size()))
            : (ids.isEmpty() && dependency ? tr("&Delete Dependency") : tr("&Delete")));
    m_fromHere->setEnabled(ids.size() == 1);
    m_addDependency->setEnabled(map.componentCount() > 1);
}

QString EditActions::componentAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : m_window->scene()->items(scenePos)) {
        if (auto *n = qgraphicsitem_cast<NodeItem *>(item))
            return n->id();
        if (auto *c = qgraphicsitem_cast<ClusterItem *>(item))
            return c->id();
    }
    return {};
}

bool EditActions::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        return undoKey(watched, static_cast<QKeyEvent *>(event));
    if (watched == m_window->scene()) {
        switch (event->type()) {
        case QEvent::GraphicsSceneMousePress:
        case QEvent::GraphicsSceneMouseMove:
        case QEvent::GraphicsSceneMouseRelease:
            return sceneMouse(event);
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

// The undo keys in a text field of the window (the inspector's, the search box, the table's
// editors, a floating dock's): while the field holds typing of its own, they undo and redo that
// typing, as in any text field; otherwise they undo and redo the document (Edit › Undo and
// Redo), instead of a field's history of text that is already committed. So Ctrl+Z after typing
// takes the typing back, and the next Ctrl+Z the last edit, as in one history. Dialogs keep
// their own keys.
bool EditActions::undoKey(QObject *watched, QKeyEvent *event)
{
    auto *w = qobject_cast<QWidget *>(watched);
    if (!w || w != QApplication::focusWidget())
        return false;
    QWidget *top = w->window();
    if (top != m_window && !(qobject_cast<QDockWidget *>(top) && top->parentWidget() == m_window))
        return false;
    const UndoKey key = undoKeyOf(event);
    const TextField field = TextField::of(w);
    if (key == UndoKey::None || (!field.line && !field.plain))
        return false;
    const bool own = field.ownsKey(key);
    if (event->type() == QEvent::ShortcutOverride) {
        // Accepted: the key comes to the field as a key press (below). Not accepted: the
        // window's Undo or Redo shortcut takes it.
        event->setAccepted(own);
        if (!own)
            field.forgetRedo();
        return true;
    }
    if (own)
        field.apply(key);
    // Otherwise the document had nothing to undo or redo (its action is disabled): the field's
    // committed history is not undone instead.
    return true;
}

bool EditActions::sceneMouse(QEvent *event)
{
    auto *e = static_cast<QGraphicsSceneMouseEvent *>(event);
    MapScene *scene = m_window->scene();
    switch (event->type()) {
    case QEvent::GraphicsSceneMousePress: {
        if (!m_connectFrom.isEmpty() && !m_dragging) {
            // The click after "Add Dependency from Here…".
            if (e->button() != Qt::LeftButton) {
                cancelConnect();
                return false;
            }
            const QString from = m_connectFrom;
            const QString to = componentAt(e->scenePos());
            cancelConnect();
            if (!to.isEmpty())
                addDependency(from, to);
            e->accept();
            return true;
        }
        if (e->button() != Qt::LeftButton || !(e->modifiers() & Qt::ShiftModifier))
            return false;
        const QString from = componentAt(e->scenePos());
        if (from.isEmpty())
            return false;
        // Shift+drag: a line follows the mouse to the component `from` will depend on.
        m_connectFrom = from;
        m_dragging = true;
        QPointF start = e->scenePos();
        if (const NodeItem *n = scene->nodeItem(from))
            start = n->pos();
        m_rubber = new QGraphicsLineItem(QLineF(start, e->scenePos()));
        m_rubber->setPen(QPen(QColor(0x1f, 0x6f, 0xd1), 2.5, Qt::DashLine, Qt::RoundCap));
        m_rubber->setZValue(1e6);
        scene->addItem(m_rubber);
        m_window->view()->viewport()->setCursor(Qt::CrossCursor);
        e->accept();
        return true;
    }
    case QEvent::GraphicsSceneMouseMove: {
        if (!m_dragging || !m_rubber)
            return false;
        m_rubber->setLine(QLineF(m_rubber->line().p1(), e->scenePos()));
        const QString to = componentAt(e->scenePos());
        const auto why = to.isEmpty() || to == m_connectFrom
            ? std::nullopt
            : edit::checkNewDependency(m_window->document()->map(), m_connectFrom, to);
        QPen pen = m_rubber->pen();
        pen.setColor(why ? QColor(0xc6, 0x28, 0x28) : QColor(0x1f, 0x6f, 0xd1));
        m_rubber->setPen(pen);
        if (why)
            m_window->statusBar()->showMessage(*why);
        else
            m_window->statusBar()->clearMessage();
        e->accept();
        return true;
    }
    case QEvent::GraphicsSceneMouseRelease: {
        if (!m_dragging)
            return false;
        const QString from = m_connectFrom;
        const QString to = componentAt(e->scenePos());
        cancelConnect();
        // Released where it started: a Shift+click, not a connection.
        if (!to.isEmpty() && to != from)
            addDependency(from, to);
        e->accept();
        return true;
    }
    default:
        return false;
    }
}

} // namespace faultline
