#pragma once

#include "model/map/workshopnotes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace faultline {

class MapDocument;
namespace edit {
struct Edit;
}

// The Workshop Notes panel: what the room writes down about one saved scenario while it is
// discussed (model/map/workshopnotes.h). The facilitator picks the scenario (or applies it in
// the Scenarios panel: showScenario()), types notes, adds decisions (type, Enter) and action
// items (what, owner, due date, status; Enter adds), edits them in place (F2) and removes them
// (Del). Every change is one undoable edit (model/editing/workshopedits.h); the notes are
// committed when the field loses focus or on Ctrl+Enter, so typing is one step, and Ctrl+Z in
// the field undoes the typing not yet committed first. A refused edit (a date that is not
// one) is said under the fields, and nothing changes. Keys typed in the panel are its own:
// letters go into the fields, and Del in its lists removes an entry, never a component.
class WorkshopNotesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WorkshopNotesPanel(MapDocument *document, QWidget *parent = nullptr);

    // Shows the notes of the saved scenario `name` (after committing the notes typed for the
    // one shown before).
    void showScenario(const QString &name);
    QString scenario() const { return m_scenario; }
    // Commits notes typed but not yet committed; nothing when there are none.
    void commitNotes();

    QComboBox *scenarioBox() const { return m_scenarios; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QListWidget *decisionList() const { return m_decisions; }
    QLineEdit *decisionField() const { return m_newDecision; }
    QTableWidget *actionTable() const { return m_actions; }
    QLineEdit *whatField() const { return m_what; }
    QLineEdit *ownerField() const { return m_owner; }
    QLineEdit *dueField() const { return m_due; }
    QComboBox *statusBox() const { return m_status; }
    QLabel *messageLabel() const { return m_message; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuildScenarios();
    void refresh();
    void addDecision();
    void addAction();
    void decisionEdited(int row);
    void actionEdited(int row, int column);
    void removeSelected(QObject *from);
    // Pushes the edit; a refusal is said under the fields. True unless refused.
    bool push(edit::Edit &&edit);
    void say(const QString &message);

    MapDocument *m_doc;
    QString m_scenario;
    bool m_refreshing = false;
    QComboBox *m_scenarios;
    QLabel *m_empty;
    QWidget *m_body;
    QPlainTextEdit *m_notes;
    QListWidget *m_decisions;
    QLineEdit *m_newDecision;
    QTableWidget *m_actions;
    QLineEdit *m_what;
    QLineEdit *m_owner;
    QLineEdit *m_due;
    QComboBox *m_status;
    QPushButton *m_add;
    QLabel *m_message;
};

} // namespace faultline
