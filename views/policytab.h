#pragma once

#include "model/recovery/policycheck.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace faultline {

class MapDocument;
class MapSelection;

// The Analysis panel's Policies tab: the map's stored policy (DESIGN.md, "Policies") checked
// as `faultline check` does, one row per rule (holds, or how many violations) with its
// violations below it. Clicking a violation selects its service; double-clicking applies the
// failure that breaks it as the what-if, so the room sees why.
class PolicyTab : public QWidget
{
    Q_OBJECT

public:
    PolicyTab(MapDocument *document, MapSelection *selection, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QString summaryText() const;
    void showResults(const Map &map, const std::vector<RuleResult> &results);
    // Says the map has no policy (or that it was edited since the last check) and clears the
    // results.
    void showMessage(const QString &text);

signals:
    void runRequested();
    void editRequested();

private:
    MapDocument *m_doc;
    MapSelection *m_selection;
    QLabel *m_summary;
    QTreeWidget *m_list;
};

} // namespace faultline
