#include "app/gui/autosave.h"

#include "app/gui/guilog.h"
#include "model/editing/mapdocument.h"
#include "model/io/fileio.h"
#include "model/map/errors.h"
#include "model/map/map.h"
#include "model/storage/faultlinefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace faultline {

namespace {

constexpr int everyMinute = 60 * 1000;

QString lockOf(const QString &file)
{
    return file + QStringLiteral(".lock");
}

QString sourceFileOf(const QString &file)
{
    return file + QStringLiteral(".source");
}

// The source first: once the recovery file is there (written whole, then renamed), so is what
// it came from. Runs on the GUI thread or a worker; never throws.
bool writeRecovery(const QString &file, const QString &source, const Map &map)
{
    try {
        writeWholeFile(sourceFileOf(file), source.toUtf8());
        writeWholeFile(file, faultlinefile::serialized(map));
    } catch (const Error &e) {
        qCWarning(lcGui).noquote() << "auto-save failed:" << e.message();
        return false;
    } catch (const std::bad_alloc &) {
        qCWarning(lcGui).noquote() << "auto-save failed: out of memory";
        return false;
    }
    return true;
}

} // namespace

AutoSave::AutoSave(MapDocument *document, const QString &folder, QObject *parent)
    : QObject(parent), m_doc(document), m_timer(new QTimer(this))
{
    QDir().mkpath(folder);
    m_file = QDir(folder).filePath(
        QStringLiteral("recovery-%1.faultline").arg(QUuid::createUuid().toString(QUuid::Id128)));
    // Held while this window runs: another Faultline sees the file is not left behind.
    m_lock = std::make_unique<QLockFile>(lockOf(m_file));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock())
        qCWarning(lcGui) << "cannot lock" << lockOf(m_file);
    m_timer->setInterval(everyMinute);
    connect(m_timer, &QTimer::timeout, this, &AutoSave::saveInBackground);
    m_timer->start();
    // Saved, or undone back to the saved state: nothing to recover any more.
    connect(m_doc, &MapDocument::fileChanged, this, [this] {
        if (!m_doc->isModified())
            discard();
    });
}

AutoSave::~AutoSave()
{
    discard(); // waits for a write that runs
    m_lock->unlock();
}

QString AutoSave::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

void AutoSave::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

bool AutoSave::saveNow()
{
    if (!m_doc->isModified()) {
        discard();
        return false;
    }
    waitForWrite(); // an older copy must not land after this one
    const QString source = m_doc->filePath().isEmpty() ? m_doc->map().name : m_doc->filePath();
    return writeRecovery(m_file, source, m_doc->map());
}

void AutoSave::saveInBackground()
{
    if (m_writer)
        return; // still writing the last one: the next tick takes the changes
    if (!m_doc->isModified()) {
        discard();
        return;
    }
    auto snapshot = std::make_shared<const Map>(m_doc->map());
    const QString source = m_doc->filePath().isEmpty() ? m_doc->map().name : m_doc->filePath();
    m_writer = QThread::create([file = m_file, source, snapshot = std::move(snapshot)]() mutable {
        writeRecovery(file, source, *snapshot);
        snapshot.reset(); // freed here, not on the GUI thread
    });
    connect(m_writer, &QThread::finished, this, [this] {
        m_writer->deleteLater();
        m_writer = nullptr;
    });
    m_writer->start();
}

void AutoSave::waitForWrite()
{
    if (!m_writer)
        return;
    m_writer->wait();
    delete m_writer;
    m_writer = nullptr;
}

void AutoSave::discard()
{
    waitForWrite(); // or it would put the file back after it is removed
    QFile::remove(m_file);
    QFile::remove(sourceFileOf(m_file));
}

QStringList AutoSave::leftBehind(const QString &folder)
{
    const QFileInfoList files = QDir(folder).entryInfoList(
        {QStringLiteral("recovery-*.faultline")}, QDir::Files, QDir::Time);
    // The locks of windows that closed without a recovery file to leave (nothing unsaved).
    for (const QFileInfo &lock :
        QDir(folder).entryInfoList({QStringLiteral("recovery-*.faultline.lock")}, QDir::Files)) {
        const QString file = lock.absoluteFilePath().chopped(5);
        QLockFile held(lock.absoluteFilePath());
        held.setStaleLockTime(0);
        if (!QFileInfo::exists(file) && held.tryLock()) {
            held.unlock();
            QFile::remove(lock.absoluteFilePath());
        }
    }
    QStringList out;
    for (const QFileInfo &info : files) {
        QLockFile lock(lockOf(info.absoluteFilePath()));
        lock.setStaleLockTime(0);
        if (!lock.tryLock())
            continue; // its Faultline is running
        lock.unlock();
        out.append(info.absoluteFilePath());
    }
    return out;
}

QString AutoSave::sourceOf(const QString &recoveryFile)
{
    QFile f(sourceFileOf(recoveryFile));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void AutoSave::remove(const QString &recoveryFile)
{
    QFile::remove(recoveryFile);
    QFile::remove(sourceFileOf(recoveryFile));
    QFile::remove(lockOf(recoveryFile));
}

} // namespace faultline
