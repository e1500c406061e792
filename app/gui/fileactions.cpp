#include "app/gui/fileactions.h"

#include "app/gui/autosave.h"
#include "app/gui/backgroundsave.h"
#include "app/gui/guilog.h"
#include "model/editing/mapdocument.h"
#include "model/editing/mapedits.h"
#include "model/io/interchange.h"
#include "model/io/mapfile.h"
#include "model/map/errors.h"
#include "model/storage/faultlinefile.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QWidget>

namespace faultline {
namespace {

constexpr int maxRecent = 8;
const char *const examplePath = ":/examples/acme-on-aws.json";

QString recentKey()
{
    return QStringLiteral("recentFiles");
}

} // namespace

FileActions::FileActions(MapDocument *document, QWidget *window, bool useSettings)
    : QObject(window), m_doc(document), m_window(window), m_useSettings(useSettings)
{
    m_new = new QAction(tr("&New"), this);
    m_new->setShortcut(QKeySequence::New);
    m_open = new QAction(tr("&Open…"), this);
    m_open->setShortcut(QKeySequence::Open);
    m_example = new QAction(tr("Open the &Example"), this);
    m_save = new QAction(tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs = new QAction(tr("Save &As…"), this);
    // The platform's Save As keys are empty outside GNOME and KDE (a bare X server).
    QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (!saveAsKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)))
        saveAsKeys.append(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveAs->setShortcuts(saveAsKeys);
    m_recent = new QMenu(tr("Open &Recent"), window);
    m_close = new QAction(tr("&Close"), this);
    m_close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_close->setToolTip(tr("Close the map (Ctrl+W)"));
    m_properties = new QAction(tr("Map &Properties…"), this);
    m_properties->setToolTip(tr("The map's name, which the title, exports and reports use"));
    connect(m_close, &QAction::triggered, this, &FileActions::closeMap);
    connect(m_properties, &QAction::triggered, this, &FileActions::askProperties);

    connect(m_new, &QAction::triggered, this, &FileActions::newMap);
    connect(m_open, &QAction::triggered, this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open map"), QString(),
            tr("Faultline maps (*.faultline *.json);;Faultline documents (*.faultline);;"
               "Interchange JSON (*.json);;All files (*)"));
        if (!path.isEmpty())
            open(path);
    });
    connect(m_example, &QAction::triggered, this, [this] {
        if (maybeSave())
            openExample();
    });
    connect(m_save, &QAction::triggered, this, &FileActions::save);
    connect(m_saveAs, &QAction::triggered, this, &FileActions::saveAs);
    connect(m_doc, &MapDocument::fileChanged, this, &FileActions::updateTitle);
    connect(m_doc, &MapDocument::mapChanged, this, &FileActions::updateTitle);
    rebuildRecentMenu();
    updateTitle();
}

bool FileActions::open(const QString &path)
{
    const QFileInfo info(path);
    try {
        if (mapFileKind(path) == MapFileKind::Interchange) {
            // Interchange files are imported: the map is untitled until saved as a document.
            Map map = interchange::readFile(path);
            m_importedFrom = info.fileName();
            m_doc->reset(std::move(map), QString(), false);
        } else {
            faultlinefile::Loaded loaded = faultlinefile::load(path);
            m_importedFrom.clear();
            m_doc->reset(std::move(loaded.map), info.absoluteFilePath(), loaded.readOnly);
        }
    } catch (const Error &e) {
        showError(tr("Cannot open the map"), e.message());
        return false;
    }
    addRecent(info.absoluteFilePath());
    return true;
}

bool FileActions::openExample()
{
    try {
        Map map = interchange::readFile(QString::fromLatin1(examplePath));
        m_importedFrom.clear();
        m_doc->reset(std::move(map), QString(), false);
    } catch (const Error &e) {
        showError(tr("Cannot open the example"), e.message());
        return false;
    }
    return true;
}

bool FileActions::newMap()
{
    if (!maybeSave())
        return false;
    Map map;
    map.name = tr("Untitled map");
    m_importedFrom.clear();
    m_doc->reset(std::move(map), QString(), false);
    return true;
}

bool FileActions::openRecovered(const QString &recoveryFile, const QString &source)
{
    try {
        faultlinefile::Loaded loaded = faultlinefile::load(recoveryFile);
        m_importedFrom =
            tr("%1 (recovered)")
                .arg(source.isEmpty() ? tr("Untitled map") : QFileInfo(source).fileName());
        m_doc->reset(std::move(loaded.map), QString(), false);
        // Saved nowhere but in the recovery file: closing must ask, and auto-save keep it.
        m_doc->markUnsaved();
    } catch (const Error &e) {
        showError(tr("Cannot restore the map"), e.message());
        return false;
    }
    m_recovered = recoveryFile;
    return true;
}

bool FileActions::closeMap()
{
    return newMap();
}

bool FileActions::askProperties()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Map properties"),
        tr("Name of the map:"), QLineEdit::Normal, m_doc->map().name, &ok);
    if (!ok)
        return false;
    if (const auto why = edit::tryPush(*m_doc, edit::renameMap(*m_doc, name))) {
        showError(tr("Map properties"), *why);
        return false;
    }
    return true;
}

bool FileActions::save()
{
    if (m_doc->filePath().isEmpty() || m_doc->isReadOnly())
        return saveAs();
    return saveTo(m_doc->filePath());
}

bool FileActions::saveAs()
{
    QString suggestion = m_doc->filePath();
    if (suggestion.isEmpty()) {
        const QString base = m_importedFrom.isEmpty()
            ? m_doc->map().name
            : QFileInfo(m_importedFrom).completeBaseName();
        suggestion = (base.isEmpty() ? tr("map") : base) + QStringLiteral(".faultline");
    }
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save map as"), suggestion, tr("Faultline documents (*.faultline)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".faultline");
    return saveTo(path);
}

bool FileActions::saveTo(const QString &path)
{
    // Off the GUI thread: the window keeps painting while a large map is written.
    const int undoIndex = m_doc->undoStack()->index();
    if (const auto error =
            saveInBackground(qobject_cast<QMainWindow *>(m_window), m_doc->map(), path)) {
        showError(tr("Cannot save the map"), *error);
        return false;
    }
    m_importedFrom.clear();
    if (!m_recovered.isEmpty()) {
        AutoSave::remove(m_recovered); // what it held is safe now
        m_recovered.clear();
    }
    // A layout that finished during the save changed the map after the copy was taken: the
    // file is this map's, but not all of it is in the file.
    m_doc->markSaved(QFileInfo(path).absoluteFilePath(), m_doc->undoStack()->index() == undoIndex);
    addRecent(QFileInfo(path).absoluteFilePath());
    return true;
}

bool FileActions::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = QMessageBox::warning(m_window, tr("Unsaved changes"),
        tr("“%1” has changes that are not saved. Save them?").arg(displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

QString FileActions::displayName() const
{
    if (!m_doc->filePath().isEmpty())
        return QFileInfo(m_doc->filePath()).fileName();
    if (!m_importedFrom.isEmpty())
        return m_importedFrom;
    return m_doc->map().name.isEmpty() ? tr("Untitled map") : m_doc->map().name;
}

void FileActions::updateTitle()
{
    QString title = displayName() + QStringLiteral("[*]");
    if (m_doc->isReadOnly())
        title += tr(" (read-only)");
    else if (m_doc->filePath().isEmpty())
        title += tr(" (not saved)");
    m_window->setWindowTitle(title + QStringLiteral(" — Faultline"));
    m_window->setWindowModified(m_doc->isModified());
    m_save->setEnabled(!m_doc->isReadOnly());
}

QStringList FileActions::recentFiles() const
{
    if (!m_useSettings)
        return {};
    return QSettings().value(recentKey()).toStringList();
}

void FileActions::addRecent(const QString &path)
{
    if (!m_useSettings)
        return;
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecent)
        files.removeLast();
    QSettings().setValue(recentKey(), files);
    rebuildRecentMenu();
}

void FileActions::rebuildRecentMenu()
{
    m_recent->clear();
    const QStringList files = recentFiles();
    for (const QString &path : files) {
        QAction *a = m_recent->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                open(path);
        });
    }
    if (files.isEmpty())
        m_recent->addAction(tr("No recent maps"))->setEnabled(false);
    m_recent->addSeparator();
    QAction *clear = m_recent->addAction(tr("Clear the List"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        QSettings().remove(recentKey());
        rebuildRecentMenu();
    });
}

void FileActions::showError(const QString &title, const QString &message)
{
    if (!m_interactive) {
        QTextStream(stderr) << message << "\n";
        return;
    }
    qCWarning(lcGui).noquote() << title << "-" << message;
    QMessageBox::critical(m_window, title, message);
}

} // namespace faultline
