#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace faultline {

class MapDocument;

// The File menu's work for one window: new, open (.faultline documents and interchange .json),
// the bundled example, save / save as (.faultline), recent files, the prompt before losing
// unsaved changes, and the window title with its modified mark. Errors are shown with the
// model's message; nothing here throws.
class FileActions : public QObject
{
    Q_OBJECT

public:
    FileActions(MapDocument *document, QWidget *window, bool useSettings);

    // Not interactive (screenshots): errors go to stderr instead of a dialog.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *openExampleAction() const { return m_example; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *closeAction() const { return m_close; }
    QAction *propertiesAction() const { return m_properties; }
    QMenu *recentMenu() const { return m_recent; }

    // Each returns false (after telling the user) when it did not happen.
    bool open(const QString &path);
    bool openExample();
    bool newMap();
    // File › Close: the map goes (after asking about unsaved changes); an empty one remains.
    bool closeMap();
    // File › Properties…: asks for the map's name, renamed as one undo step.
    bool askProperties();
    // Opens a recovery file left by a Faultline that did not close (app/gui/autosave.h), as an
    // untitled map named after `source`; the file stays until the map is saved.
    bool openRecovered(const QString &recoveryFile, const QString &source);
    bool save();
    bool saveAs();
    bool saveTo(const QString &path);
    // Asks before unsaved changes are lost: true when the caller may go on.
    bool maybeSave();

    // The name shown in the title: the file's, or the map's for an untitled one.
    QString displayName() const;
    QStringList recentFiles() const;

private:
    void updateTitle();
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void showError(const QString &title, const QString &message);

    MapDocument *m_doc;
    QWidget *m_window;
    bool m_useSettings;
    bool m_interactive = true;
    QString m_importedFrom; // the .json an untitled map came from
    QString m_recovered; // the recovery file an untitled map came from, removed once saved
    QAction *m_new, *m_open, *m_example, *m_save, *m_saveAs, *m_close, *m_properties;
    QMenu *m_recent;
};

} // namespace faultline
