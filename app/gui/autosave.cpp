#include "app/gui/autosave.h"

#include "app/gui/guilog.h"
#include "model/editing/mapdocument.h"
#include "model/io/fileio.h"
#include "model/map/errors.h"
#include "model/storage/faultlinefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
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

} // namespace

AutoSave::AutoSave(MapDocument *document, const QString &folder, QObject *parent)
    : QObject(parent), m_doc(document), m_timer(new QTimer(this))
{
    QDir().mkpath(folder);
    m_file = QDir(folder).filePath(QStringLiteral("recovery-%1.faultline")
                                       .arg(QUuid::createUuid().toString(QUuid::Id128)));
    // Held while this window runs: another Faultline sees the file is not left behind.
    m_lock = std::make_unique<QLockFile>(lockOf(m_file));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock())
        qCWarning(lcGui) << "cannot lock" << lockOf(m_file);
    m_timer->setInterval(everyMinute);
    connect(m_timer, &QTimer::timeout, this, &AutoSave::saveNow);
    m_timer->start();
    // Saved, or undone back to the saved state: nothing to recover any more.
    connect(m_doc, &MapDocument::fileChanged, this, [this] {
        if (!m_doc->isModified())
            discard();
    });
}

AutoSave::~AutoSave()
{
    discard();
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
    try {
        writeWholeFile(m_file, faultlinefile::serialized(m_doc->map()));
        const QString source = m_doc->filePath().isEmpty() ? m_doc->map().name : m_doc->filePath();
        writeWholeFile(sourceFileOf(m_file), source.toUtf8());
    } catch (const Error &e) {
        qCWarning(lcGui).noquote() << "auto-save failed:" << e.message();
        return false;
    }
    return true;
}

void AutoSave::discard()
{
    QFile::remove(m_file);
    QFile::remove(sourceFileOf(m_file));
}

QStringList AutoSave::leftBehind(const QString &folder)
{
    const QFileInfoList files = QDir(folder).entryInfoList(
        {QStringLiteral("recovery-*.faultline")}, QDir::Files, QDir::Time);
    // The locks of windows that closed without a recovery file to leave (nothing unsaved).
    for (const QFileInfo &lock : QDir(folder).entryInfoList(
             {QStringLiteral("recovery-*.faultline.lock")}, QDir::Files)) {
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
