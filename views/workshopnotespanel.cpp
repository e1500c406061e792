#include "views/workshopnotespanel.h"

#include "model/editing/mapdocument.h"
#include "model/editing/workshopedits.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace faultline {

namespace {

enum Column { What, Owner, Due, Status, Columns };

const ActionStatus statuses[] = {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done};

QComboBox *statusCombo(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    for (ActionStatus s : statuses)
        box->addItem(displayName(s), int(s));
    return box;
}

// The status column is edited with a drop-down of the three statuses.
class StatusDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        return statusCombo(parent);
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *box = static_cast<QComboBox *>(editor);
        box->setCurrentIndex(box->findText(index.data().toString()));
    }
    void setModelData(
        QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText());
    }
};

std::optional<ActionStatus> statusNamed(const QString &text)
{
    for (ActionStatus s : statuses) {
        if (displayName(s) == text)
            return s;
    }
    return std::nullopt;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    return label;
}

} // namespace

WorkshopNotesPanel::WorkshopNotesPanel(MapDocument *document, QWidget *parent)
    : QWidget(parent), m_doc(document), m_scenarios(new QComboBox(this)),
      m_empty(new QLabel(tr("Save a scenario (What If › Save as Scenario…) to take notes on "
                            "it: its notes, decisions and action items are kept with it."),
          this)),
      m_body(new QWidget(this)), m_notes(new QPlainTextEdit(m_body)),
      m_decisions(new QListWidget(m_body)), m_newDecision(new QLineEdit(m_body)),
      m_actions(new QTableWidget(0, Columns, m_body)), m_what(new QLineEdit(m_body)),
      m_owner(new QLineEdit(m_body)), m_due(new QLineEdit(m_body)), m_status(statusCombo(m_body)),
      m_add(new QPushButton(tr("&Add"), m_body)), m_message(new QLabel(this))
{
    m_scenarios->setObjectName(QStringLiteral("workshopScenarioBox"));
    m_scenarios->setToolTip(tr("The saved scenario these notes are about"));
    m_empty->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("workshopNotes"));
    m_notes->setPlaceholderText(tr("What the room said (kept when you leave the field, or "
                                   "Ctrl+Enter)"));
    m_notes->setTabChangesFocus(true);
    m_decisions->setObjectName(QStringLiteral("workshopDecisions"));
    m_decisions->setToolTip(tr("F2 edits a decision, Del removes it"));
    m_newDecision->setObjectName(QStringLiteral("workshopNewDecision"));
    m_newDecision->setPlaceholderText(tr("Type a decision and press Enter"));
    m_actions->setObjectName(QStringLiteral("workshopActions"));
    m_actions->setToolTip(tr("F2 edits a cell, Del removes the action item"));
    m_actions->setHorizontalHeaderLabels({tr("What"), tr("Owner"), tr("Due"), tr("Status")});
    m_actions->verticalHeader()->hide();
    m_actions->horizontalHeader()->setSectionResizeMode(What, QHeaderView::Stretch);
    m_actions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_actions->setSelectionMode(QAbstractItemView::SingleSelection);
    // F2 or a double-click edits a cell: typing on the table must not overwrite one.
    m_actions->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_actions->setItemDelegateForColumn(Status, new StatusDelegate(m_actions));
    m_actions->setTabKeyNavigation(false);
    m_what->setObjectName(QStringLiteral("workshopWhat"));
    m_what->setPlaceholderText(tr("What is to be done"));
    m_owner->setObjectName(QStringLiteral("workshopOwner"));
    m_owner->setPlaceholderText(tr("Owner"));
    m_due->setObjectName(QStringLiteral("workshopDue"));
    m_due->setPlaceholderText(tr("Due (YYYY-MM-DD)"));
    m_status->setObjectName(QStringLiteral("workshopStatus"));
    m_add->setObjectName(QStringLiteral("workshopAddAction"));
    m_message->setObjectName(QStringLiteral("workshopMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #9B1C1C;"));

    auto *form = new QHBoxLayout;
    form->addWidget(m_what, 4);
    form->addWidget(m_owner, 2);
    form->addWidget(m_due, 2);
    form->addWidget(m_status, 1);
    form->addWidget(m_add);
    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(heading(tr("Notes"), m_body));
    body->addWidget(m_notes, 3);
    body->addWidget(heading(tr("Decisions"), m_body));
    body->addWidget(m_decisions, 2);
    body->addWidget(m_newDecision);
    body->addWidget(heading(tr("Action items"), m_body));
    body->addWidget(m_actions, 3);
    body->addLayout(form);
    auto *top = new QFormLayout;
    top->addRow(tr("&Scenario:"), m_scenarios);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_empty);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_message);

    // Tab goes through the panel as a facilitator writes: notes, a new decision, the
    // decisions, a new action item, the action items.
    setTabOrder(m_scenarios, m_notes);
    setTabOrder(m_notes, m_newDecision);
    setTabOrder(m_newDecision, m_decisions);
    setTabOrder(m_decisions, m_what);
    setTabOrder(m_what, m_owner);
    setTabOrder(m_owner, m_due);
    setTabOrder(m_due, m_status);
    setTabOrder(m_status, m_add);
    setTabOrder(m_add, m_actions);

    for (QWidget *w : {static_cast<QWidget *>(m_notes), static_cast<QWidget *>(m_decisions),
             static_cast<QWidget *>(m_actions)})
        w->installEventFilter(this);

    connect(m_scenarios, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        if (!m_refreshing)
            showScenario(name);
    });
    connect(m_newDecision, &QLineEdit::returnPressed, this, &WorkshopNotesPanel::addDecision);
    for (QLineEdit *field : {m_what, m_owner, m_due})
        connect(field, &QLineEdit::returnPressed, this, &WorkshopNotesPanel::addAction);
    connect(m_add, &QPushButton::clicked, this, &WorkshopNotesPanel::addAction);
    connect(m_decisions, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_refreshing)
            decisionEdited(m_decisions->row(item));
    });
    connect(m_actions, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_refreshing)
            actionEdited(item->row(), item->column());
    });
    connect(m_doc, &MapDocument::mapChanged, this, &WorkshopNotesPanel::rebuildScenarios);
    connect(m_doc, &MapDocument::documentReset, this, [this] {
        m_notes->document()->setModified(false); // typing for another map is not kept
        m_scenario.clear();
        rebuildScenarios();
    });
    rebuildScenarios();
}

void WorkshopNotesPanel::showScenario(const QString &name)
{
    if (name == m_scenario && m_scenarios->currentText() == name)
        return;
    commitNotes();
    m_scenario = m_doc->map().findScenario(name) ? name : QString();
    m_notes->document()->setModified(false);
    say({});
    rebuildScenarios();
}

void WorkshopNotesPanel::commitNotes()
{
    if (m_scenario.isEmpty() || !m_notes->document()->isModified())
        return;
    const QString text = m_notes->toPlainText();
    m_notes->document()->setModified(false);
    push(edit::setScenarioNotes(*m_doc, m_scenario, text));
}

// The scenario list follows the map; the shown scenario stays shown while it exists (the
// first one is shown otherwise).
void WorkshopNotesPanel::rebuildScenarios()
{
    const Map &map = m_doc->map();
    if (m_scenario.isEmpty() || !map.findScenario(m_scenario))
        m_scenario = map.scenarios().empty() ? QString() : map.scenarios().front().name;
    m_refreshing = true;
    m_scenarios->clear();
    for (const Scenario &s : map.scenarios())
        m_scenarios->addItem(s.name);
    m_scenarios->setCurrentText(m_scenario);
    m_refreshing = false;
    m_scenarios->setEnabled(!map.scenarios().empty());
    m_empty->setVisible(map.scenarios().empty());
    m_body->setVisible(!map.scenarios().empty());
    refresh();
}

// Shows the scenario's notes, decisions and action items as the map has them; notes being
// typed stay in the field.
void WorkshopNotesPanel::refresh()
{
    const auto index = m_doc->map().findScenario(m_scenario);
    const Scenario empty;
    const Scenario &s = index ? m_doc->map().scenario(*index) : empty;
    m_refreshing = true;
    if (!m_notes->document()->isModified() && m_notes->toPlainText() != s.notes) {
        m_notes->setPlainText(s.notes);
        m_notes->document()->setModified(false);
    }
    const int decisionRow = m_decisions->currentRow();
    m_decisions->clear();
    for (const QString &d : s.decisions) {
        auto *item = new QListWidgetItem(d, m_decisions);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_decisions->setCurrentRow(std::min(decisionRow, m_decisions->count() - 1));
    const int actionRow = m_actions->currentRow();
    const int actionColumn = std::max(0, m_actions->currentColumn());
    m_actions->setRowCount(int(s.actions.size()));
    for (int r = 0; r < int(s.actions.size()); ++r) {
        const ActionItem &a = s.actions[r];
        const QString cells[] = {a.what, a.owner, toString(a.due), displayName(a.status)};
        for (int c = 0; c < Columns; ++c)
            m_actions->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    if (actionRow >= 0 && m_actions->rowCount() > 0)
        m_actions->setCurrentCell(std::min(actionRow, m_actions->rowCount() - 1), actionColumn);
    m_refreshing = false;
}

bool WorkshopNotesPanel::push(edit::Edit &&e)
{
    const auto refusal = edit::tryPush(*m_doc, std::move(e));
    say(refusal.value_or(QString()));
    return !refusal;
}

void WorkshopNotesPanel::say(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void WorkshopNotesPanel::addDecision()
{
    if (m_scenario.isEmpty())
        return;
    // setText, not clear(): the field's history goes too, so that Ctrl+Z next undoes the edit.
    if (push(edit::addDecision(*m_doc, m_scenario, m_newDecision->text())))
        m_newDecision->setText({});
}

void WorkshopNotesPanel::addAction()
{
    if (m_scenario.isEmpty())
        return;
    ActionItem item;
    item.what = m_what->text().trimmed();
    item.owner = m_owner->text().trimmed();
    const QString due = m_due->text().trimmed();
    if (!due.isEmpty()) {
        const auto date = dueDateFrom(due);
        if (!date) {
            say(tr("“%1” is not a date: write it as YYYY-MM-DD, e.g. %2.")
                    .arg(due, QDate::currentDate().addDays(14).toString(Qt::ISODate)));
            m_due->setFocus();
            return;
        }
        item.due = *date;
    }
    item.status = ActionStatus(m_status->currentData().toInt());
    if (push(edit::addAction(*m_doc, m_scenario, item))) {
        for (QLineEdit *field : {m_what, m_owner, m_due})
            field->setText({}); // with its history: Ctrl+Z next undoes the edit

        m_status->setCurrentIndex(0);
        m_what->setFocus();
    }
}

void WorkshopNotesPanel::decisionEdited(int row)
{
    const QString text = m_decisions->item(row)->text();
    if (!push(edit::editDecision(*m_doc, m_scenario, row, text)))
        refresh(); // put back what the map has
}

void WorkshopNotesPanel::actionEdited(int row, int column)
{
    const auto index = m_doc->map().findScenario(m_scenario);
    if (!index || row < 0 || row >= int(m_doc->map().scenario(*index).actions.size()))
        return;
    ActionItem item = m_doc->map().scenario(*index).actions[row];
    const QString text = m_actions->item(row, column)->text().trimmed();
    switch (column) {
    case What:
        item.what = text;
        break;
    case Owner:
        item.owner = text;
        break;
    case Due:
        if (text.isEmpty()) {
            item.due = QDate();
        } else if (const auto date = dueDateFrom(text)) {
            item.due = *date;
        } else {
            say(tr("“%1” is not a date: write it as YYYY-MM-DD.").arg(text));
            refresh();
            return;
        }
        break;
    default:
        if (const auto status = statusNamed(text))
            item.status = *status;
        break;
    }
    if (!push(edit::editAction(*m_doc, m_scenario, row, item)))
        refresh();
}

void WorkshopNotesPanel::removeSelected(QObject *from)
{
    if (from == m_decisions && m_decisions->currentRow() >= 0)
        push(edit::removeDecision(*m_doc, m_scenario, m_decisions->currentRow()));
    else if (from == m_actions && m_actions->currentRow() >= 0)
        push(edit::removeAction(*m_doc, m_scenario, m_actions->currentRow()));
}

// The lists take Del for themselves (the window's Del deletes components); the notes are
// committed when the field is left or on Ctrl+Enter.
bool WorkshopNotesPanel::eventFilter(QObject *watched, QEvent *event)
{
    const bool list = watched == m_decisions || watched == m_actions;
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        // While a cell is edited its editor has the keys, not the table.
        if (list && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)
            && key->modifiers() == Qt::NoModifier) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            removeSelected(watched);
            return true;
        }
        if (watched == m_notes && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & Qt::ControlModifier)) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            commitNotes();
            return true;
        }
    }
    if (watched == m_notes && event->type() == QEvent::FocusOut)
        commitNotes();
    return QWidget::eventFilter(watched, event);
}

} // namespace faultline
