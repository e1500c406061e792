#pragma once

#include "model/editing/edits.h"

#include <QHash>
#include <QPointF>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace faultline {

class AvailabilitySection;
class MapDocument;

// The inspector's page for a selected component: its impact and why, its availability
// (AvailabilitySection, for a business service), every property, its redundancy, what it
// depends on and what needs it. Each field commits when editing finishes (Enter, focus
// leaving, a choice in a list), as one edit handed to `apply` (the inspector pushes it, shows
// a refusal and shows the page again).
//
// With several components it shows their properties only: each field holds the value they
// share, or is empty with "— several —" where they differ, and a change applies to all of them
// as one edit (edit::editComponents). The id, the parent and what is one component's own (its
// impact, redundancy, dependencies) are not shown or not editable then.
class ComponentPage : public QWidget
{
    Q_OBJECT

public:
    // `newId`: the id the component has after the edit (an id change), empty when the same.
    using Apply = std::function<void(edit::Edit, const QString &newId)>;
    using ShowMessage = std::function<void(const QString &)>;
    ComponentPage(
        MapDocument *document, Apply apply, ShowMessage showMessage, QWidget *parent = nullptr);

    // Where the component goes on the canvas when it moves to `parent` (see Inspector).
    using Placer = std::function<QHash<QString, QPointF>(const QString &id, const QString &parent)>;
    void setPlacer(Placer placer) { m_placer = std::move(placer); }
    // Shows the component `id`, which must exist.
    void showComponent(const QString &id) { showComponents({id}); }
    // Shows the components `ids` (at least one, all existing): one, or several at once.
    void showComponents(const QStringList &ids);
    bool isShowingSeveral() const { return m_ids.size() > 1; }
    // The what-if changed: the impact section only.
    void refreshImpact();
    // Commits what the user typed in a field and did not commit yet.
    void flushPendingEdits();
    AvailabilitySection *availability() const { return m_availability; }

signals:
    // A link to another component (a dependency, a cause, a contributor) was clicked.
    void componentActivated(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *addLineField(
        const QString &name, const QString &label, std::function<void(const QString &)> commit);
    // A field of minutes (RTO, RPO, their targets): empty for none, else a number.
    QLineEdit *addMinutesField(const QString &name, const QString &label,
        const QString &placeholder, std::optional<double> Component::*field);
    void buildProperties();
    void buildRedundancyAndLinks();
    void refreshFields();
    void refreshSeveral();
    // The fields' own placeholders, for when they stop showing "— several —".
    void rememberPlaceholders();
    void refreshDependencies();
    void rebuildParents();
    void commitComponent(const std::function<void(Component &)> &change);
    void notANumber(const QString &text);

    MapDocument *m_doc;
    Apply m_apply;
    ShowMessage m_showMessage;
    Placer m_placer;
    QString m_id;
    QStringList m_ids; // what is shown: m_id alone, or several
    QString
        m_shownKind; // the kind field's text when shown, so leaving it unchanged commits nothing
    bool m_updating = false;
    QHash<QLineEdit *, QString> m_placeholders;
    QList<QWidget *> m_singleOnly; // hidden while several components are shown

    QVBoxLayout *m_layout;
    QHash<QLineEdit *, std::function<void(const QString &)>> m_commits;
    QLineEdit *m_idField, *m_name, *m_owner, *m_tier, *m_availabilityField, *m_rto, *m_rpo,
        *m_targetRto, *m_targetRpo, *m_cost, *m_tags;
    QComboBox *m_kind, *m_parent;
    QCheckBox *m_business;
    QPlainTextEdit *m_description;
    QSpinBox *m_require;
    QLabel *m_requireText, *m_state, *m_dependents;
    QWidget *m_causes = nullptr, *m_dependencies = nullptr;
    QPushButton *m_addDependency, *m_delete;
    AvailabilitySection *m_availability;
};

} // namespace faultline
