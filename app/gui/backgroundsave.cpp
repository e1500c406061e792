#include "app/gui/backgroundsave.h"

#include "model/map/errors.h"
#include "model/map/map.h"
#include "model/storage/faultlinefile.h"

#include <QApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QProgressBar>
#include <QScopeGuard>
#include <QStatusBar>
#include <QThread>

#include <memory>

namespace faultline {
namespace {

int savesRunning = 0;

} // namespace

bool isSaving()
{
    return savesRunning > 0;
}

std::optional<QString> saveInBackground(QMainWindow *window, const Map &map, const QString &path)
{
    // The worker owns its copy, and frees it too: freeing 100,000 components takes as long as
    // copying them (80 ms), which the GUI thread pays once already.
    auto snapshot = std::make_shared<const Map>(map);
    const qsizetype components = snapshot->componentCount();
    auto error = std::make_shared<std::optional<QString>>();
    QThread *worker = QThread::create([snapshot = std::move(snapshot), path, error]() mutable {
        const auto release = qScopeGuard([&snapshot] { snapshot.reset(); });
        try {
            faultlinefile::save(*snapshot, path);
        } catch (const Error &e) {
            *error = e.message();
        } catch (const std::bad_alloc &) {
            *error = QStringLiteral("%1: cannot save: out of memory; the file was left as it was")
                         .arg(path);
        } catch (const std::exception &e) {
            *error =
                QStringLiteral("%1: cannot save: %2").arg(path, QString::fromLocal8Bit(e.what()));
        }
    });

    // No dialog: a modal one blocks the window, which repaints it whole (at 100,000
    // components a frame alone is over 100 ms). The status bar says what is happening; a save
    // cannot be cancelled half way (SQLite would roll back, but the user would not know what
    // is on disk), so there is no Cancel.
    QStatusBar *status = window ? window->statusBar() : nullptr;
    QProgressBar *busy = nullptr;
    if (status) {
        busy = new QProgressBar(status);
        busy->setRange(0, 0);
        busy->setMaximumWidth(160);
        status->addPermanentWidget(busy);
        status->showMessage(
            QObject::tr("Saving “%1” (%2 components)…")
                .arg(QFileInfo(path).fileName(), QLocale().toString(qlonglong(components))));
    }
    QApplication::setOverrideCursor(Qt::BusyCursor);
    ++savesRunning;
    const auto done = qScopeGuard([status, busy] {
        --savesRunning;
        QApplication::restoreOverrideCursor();
        if (status) {
            status->removeWidget(busy);
            delete busy;
            status->clearMessage();
        }
    });

    QEventLoop loop;
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    if (!worker->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    delete worker;
    return *error;
}

} // namespace faultline
