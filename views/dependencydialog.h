#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace faultline {

class MapDocument;

// Adds a dependency by name: `from` needs `to`, hard or soft, with an optional label. Both ends
// complete on any part of a name or id. OK pushes one AddDependency command and closes; a
// refused edit ("A component cannot depend on itself.") is shown in the dialog, which stays open.
class DependencyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DependencyDialog(MapDocument *doc, QWidget *parent = nullptr);

    void setFrom(const QString &id);
    void setTo(const QString &id);
    // The refusal shown, empty when none.
    QString message() const;

    void accept() override;

private:
    QComboBox *componentChooser(const QString &name);
    // The id the chooser's text names: a listed entry, an id, or a unique display name.
    QString resolve(const QComboBox *chooser) const;
    void showMessage(const QString &message);

    MapDocument *m_doc;
    QComboBox *m_from, *m_to, *m_type;
    QLineEdit *m_label;
    QLabel *m_message;
};

} // namespace faultline
