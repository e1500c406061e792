#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>

class QThread;
class QTimer;

namespace faultline {

class MapDocument;

// Never lose work: while the map has unsaved changes, it is written every minute to a recovery
// file of this window's own in `folder` (a .faultline document, with the path of the map it came
// from beside it in FILE.source). The file goes once the changes are saved (or undone) and when
// the window closes normally. A Faultline that crashed leaves its file behind, unlocked: the next
// start finds it (leftBehind()) and offers to restore it.
class AutoSave : public QObject
{
    Q_OBJECT

public:
    AutoSave(MapDocument *document, const QString &folder, QObject *parent = nullptr);
    ~AutoSave() override; // removes this window's recovery file: a normal close

    // Where recovery files go by default: the user's application data folder.
    static QString defaultFolder();
    void setInterval(int ms);
    QString recoveryFile() const { return m_file; }
    // Writes the recovery file now if there are unsaved changes (removes it otherwise); true
    // when written.
    bool saveNow();
    // What the timer does: the same, on a worker thread with a copy of the map, so that the
    // window does not stop every minute (a large map takes seconds to write). A tick while the
    // previous write runs is skipped.
    void saveInBackground();
    // Blocks until a write started by saveInBackground() has ended. For discard() and tests.
    void waitForWrite();

    // Recovery files in `folder` that no running Faultline holds, newest first.
    static QStringList leftBehind(const QString &folder);
    // The map a recovery file was saved from (its path, or its name when untitled).
    static QString sourceOf(const QString &recoveryFile);
    // Removes a recovery file and what goes with it.
    static void remove(const QString &recoveryFile);

private:
    void discard();

    MapDocument *m_doc;
    QString m_file;
    std::unique_ptr<QLockFile> m_lock;
    QTimer *m_timer;
    QThread *m_writer = nullptr; // the running background write, if any
};

} // namespace faultline
