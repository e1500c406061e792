#pragma once

#include "model/editing/edits.h"

#include <QHash>
#include <QPointF>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;

namespace faultline {

class ComponentPage;
class DependencyPage;
class MapDocument;
class MapSelection;

// Shows the selected component (ComponentPage: every property, its dependencies, its impact
// and why, and for a business service its availability), the properties of several selected
// components (a change applies to all of them, one undo step), or the selected dependency
// (DependencyPage), and edits them. The pages hand each edit here: it is pushed as one undo
// command; a refused edit shows the reason above the fields and the page is shown again (the
// field goes back). Reads the document on mapChanged() and impactChanged().
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
    // Optional: where a component goes on the canvas when "Inside" moves it to another parent,
    // with what moves out of its way (empty: nothing moves).
    using Placer = std::function<QHash<QString, QPointF>(const QString &id, const QString &parent)>;
    void setPlacer(Placer placer);

    // The component shown (the first of several).
    QString componentId() const { return m_componentIds.value(0); }
    const QStringList &componentIds() const { return m_componentIds; }
    QString dependencyFrom() const { return m_from; }
    QString dependencyTo() const { return m_to; }
    // The refusal shown, empty when none.
    QString message() const;
    // The availability section (views/availabilitysection.h): shown (for a business service),
    // its text (availability, downtime, or why there is none), the contributors' ids (largest
    // first), and whether a computation is still running.
    bool isAvailabilityShown() const;
    QString availabilityText() const;
    QStringList contributorIds() const;
    bool isAvailabilityPending() const;
    // How long the GUI thread waits for an availability before it lets the result arrive
    // later (40 ms; tests set 0 to take the asynchronous path).
    void setAvailabilityWait(int ms);

public slots:
    void setSelection(const QString &componentId);
    void setComponentsSelection(const QStringList &componentIds);
    void setDependencySelection(const QString &from, const QString &to);
    void clearSelection();

signals:
    // A link to another component (a dependency, a cause, a contributor) was clicked.
    void componentActivated(const QString &id);
    // The availability section shows a new result.
    void availabilityUpdated();

private:
    void refresh();
    void apply(edit::Edit edit, const QString &newId = {});
    void flushPendingEdits();
    void showMessage(const QString &message);
    void hideMessage();

    MapDocument *m_doc;
    QPointer<MapSelection> m_selection;
    QStringList m_componentIds;
    QString m_from, m_to;
    bool m_committing = false;

    QLabel *m_title, *m_subtitle, *m_message, *m_empty;
    ComponentPage *m_componentPage;
    DependencyPage *m_dependencyPage;
};

} // namespace faultline
