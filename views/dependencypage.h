#pragma once

#include "model/editing/edits.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace faultline {

class MapDocument;

// The inspector's page for a selected dependency: its ends (as links), its type and label, and
// Delete. Each change is handed to `apply` as one edit (the inspector pushes it and shows a
// refusal).
class DependencyPage : public QWidget
{
    Q_OBJECT

public:
    using Apply = std::function<void(edit::Edit)>;
    DependencyPage(MapDocument *document, Apply apply, QWidget *parent = nullptr);

    // Shows the dependency from -> to, which must exist.
    void showDependency(const QString &from, const QString &to);
    // Commits a label typed and not yet committed.
    void flushPendingEdits();

signals:
    void componentActivated(const QString &id);

private:
    MapDocument *m_doc;
    Apply m_apply;
    QString m_from, m_to;
    bool m_updating = false;
    QLabel *m_fromLabel, *m_toLabel;
    QComboBox *m_type;
    QLineEdit *m_label;
};

} // namespace faultline
