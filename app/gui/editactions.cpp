#include "app/gui/editactions.h"

#include "app/gui/whatifactions.h"
#include "model/editing/editnotices.h"
#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "views/componenttable.h"
#include "views/dependencydialog.h"
#include "views/inspector.h"
#include "views/mapscene.h"
#include "views/mapselection.h"
#include "views/mapview.h"
#include "views/notice.h"
#include "views/search.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

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
    QMenu *edit = m_parts.editMenu;
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
    const QPointF at = scenePos.value_or(view->mapToScene(view->viewport()->rect().center()));
    if (!apply(edit::tryPush(*doc, edit::addComponent(*doc, c, at))))
        return {};
    m_parts.selection->setComponents({c.id});
    m_parts.inspectorDock->show();
    m_parts.inspectorDock->raise();
    if (auto *name = m_inspector->findChild<QLineEdit *>(QStringLiteral("name"))) {
        name->setFocus(Qt::OtherFocusReason);
        name->selectAll();
    }
    m_parts.statusBar->showMessage(tr("Added “%1”: name it in the inspector").arg(c.name), 5000);
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
    m_addDependency->setEnabled(map.componentCount() > 1);
}

} // namespace faultline
