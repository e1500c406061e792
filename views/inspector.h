#pragma once

#include "model/editing/edits.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QThread;
class QVBoxLayout;

namespace faultline {

class MapDocument;
class MapSelection;
struct AvailabilityReport;

// Shows the selected component (every property, its dependencies, its impact and why) or the
// selected dependency, and edits them. Each field commits when editing finishes (Enter, focus
// leaving, a choice in a list), as one undo command; a refused edit shows the reason above the
// fields and puts the field back. Reads the document on mapChanged() and impactChanged().
//
// A business service also shows its exact availability, its downtime a year and the components
// that contribute most to it (model/analysis/availability.h). That runs on a worker thread on a
// copy of the map, again after every edit; a result that takes longer than a few tens of
// milliseconds shows when it arrives, and one for an older map or another component is dropped.
class Inspector : public QWidget
{
    Q_OBJECT

public:
    explicit Inspector(MapDocument *doc, QWidget *parent = nullptr);
    ~Inspector() override;

    // How many contributors the availability section lists.
    static constexpr int contributorLimit = 5;

    // Optional: follow a selection shared with the canvas and the panels.
    void setSelectionModel(MapSelection *selection);

    QString componentId() const { return m_componentId; }
    QString dependencyFrom() const { return m_from; }
    QString dependencyTo() const { return m_to; }
    // The refusal shown, empty when none.
    QString message() const;
    // The availability section: shown (for a business service), its text (availability,
    // downtime, or why there is none), the contributors' ids (largest first), and whether a
    // computation is still running.
    bool isAvailabilityShown() const;
    QString availabilityText() const;
    QStringList contributorIds() const;
    bool isAvailabilityPending() const { return m_availabilityJob != nullptr; }
    // How long the GUI thread waits for an availability before it lets the result arrive
    // later (40 ms; tests set 0 to take the asynchronous path).
    void setAvailabilityWait(int ms) { m_availabilityWaitMs = ms; }

public slots:
    void setSelection(const QString &componentId);
    void setDependencySelection(const QString &from, const QString &to);
    void clearSelection();

signals:
    // A link to another component (a dependency, a cause, a contributor) was clicked.
    void componentActivated(const QString &id);
    // The availability section shows a new result.
    void availabilityUpdated();

private:
    struct AvailabilityJob;

    void buildComponentPage();
    void buildAvailabilitySection();
    void buildDependencyPage();
    QLineEdit *addLineField(
        const QString &name, const QString &label, std::function<void(const QString &)> commit);
    QLabel *addSection(QVBoxLayout *layout, const QString &title);

    void refresh();
    void refreshComponent();
    void refreshDependencies();
    void refreshImpact();
    void refreshDependency();
    void rebuildParents();
    void refreshAvailability();
    void startAvailability();
    void finishAvailability(const std::shared_ptr<AvailabilityJob> &job);
    void showAvailability(const AvailabilityReport &report);
    void stopAvailability();

    // Commits an edit of the selected component's properties made by `change`.
    void commitComponent(const std::function<void(Component &)> &change);
    void apply(edit::Edit edit, const QString &newId = {});
    void flushPendingEdits();
    void showMessage(const QString &message);
    void hideMessage();
    void notANumber(const QString &text);
    bool eventFilter(QObject *watched, QEvent *event) override;

    MapDocument *m_doc;
    QPointer<MapSelection> m_selection;
    QString m_componentId, m_from, m_to;
    bool m_updating = false;
    bool m_committing = false;

    QLabel *m_title, *m_subtitle, *m_message, *m_empty;
    QWidget *m_componentPage, *m_dependencyPage;

    // Component page.
    QHash<QLineEdit *, std::function<void(const QString &)>> m_commits;
    QLineEdit *m_id, *m_name, *m_owner, *m_tier, *m_availability, *m_rto, *m_cost, *m_tags;
    QComboBox *m_kind, *m_parent;
    QCheckBox *m_business;
    QPlainTextEdit *m_description;
    QSpinBox *m_require;
    QLabel *m_requireText, *m_state, *m_dependents;
    QVBoxLayout *m_componentLayout;
    QWidget *m_causes = nullptr, *m_dependencies = nullptr;
    QPushButton *m_addDependency, *m_delete;
    QWidget *m_availabilitySection;
    QLabel *m_availabilityValue, *m_downtime, *m_availabilityNote, *m_contributorsTitle;
    QVBoxLayout *m_availabilityLayout;
    QWidget *m_contributors = nullptr;
    QStringList m_contributorIds;

    // The availability computation: the map's revision (counts mapChanged) and the component
    // the section shows or computes; the running job, if any.
    int m_availabilityWaitMs = 40;
    quint64 m_revision = 0;
    quint64 m_availabilityRevision = 0;
    QString m_availabilityId;
    QString m_availabilityShownFor; // the component whose figures the section shows
    std::shared_ptr<AvailabilityJob> m_availabilityJob;
    std::vector<QThread *> m_threads;

    // Dependency page.
    QLabel *m_depFrom, *m_depTo;
    QComboBox *m_depType;
    QLineEdit *m_depLabel;
};

} // namespace faultline
