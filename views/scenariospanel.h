#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

namespace faultline {

class MapDocument;

// The map's saved scenarios: pick one to apply it; save the current what-if as a new one;
// rename; delete. Applying is not an edit; the other three are, so the panel only asks (the
// signals) and the window makes them undo commands. The applied scenario is shown in bold.
class ScenariosPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScenariosPanel(MapDocument *document, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // Asks for a name (prefilled with `suggestion`) and emits saveRequested; used by the menu.
    void askToSave();

signals:
    void applyRequested(const QString &name);
    void saveRequested(const QString &name);
    void renameRequested(const QString &name, const QString &newName);
    void removeRequested(const QString &name);

private:
    void rebuild();
    void markApplied();
    void updateButtons();
    QString selectedName() const;
    bool checkName(const QString &name, const QString &except);

    MapDocument *m_doc;
    QListWidget *m_list;
    QPushButton *m_save;
    QPushButton *m_rename;
    QPushButton *m_remove;
};

} // namespace faultline
