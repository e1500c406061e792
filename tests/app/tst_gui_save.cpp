// Saving from the window runs off the GUI thread (app/gui/backgroundsave.h), and so does the
// auto-save: the window goes on processing events while a large map is written, what is written is
// the map as it was when the save began, and a save that fails leaves the document modified and the
// file as it was.
#include "app/gui/autosave.h"
#include "app/gui/fileactions.h"
#include "app/gui/mainwindow.h"
#include "model/editing/mapdocument.h"
#include "model/storage/faultlinefile.h"
#include "tests/bench/mapgenerator.h"
#include "views/icons.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace faultline;

namespace {

// A generated map with a position for every component, so that the window opens it without a
// layout (which would keep the processor busy while the save is measured).
Map placedMap(int components)
{
    bench::MapShape shape;
    shape.components = components;
    shape.dependencies = components * 2;
    shape.providers = 2;
    shape.regionsPerProvider = 3;
    shape.zonesPerRegion = 3;
    Map map = bench::generateMap(shape);
    QHash<QString, QPointF> positions;
    int i = 0;
    for (const Component &c : map.components()) {
        positions.insert(c.id, QPointF((i % 100) * 160.0, (i / 100) * 80.0));
        ++i;
    }
    map.setPositions(std::move(positions));
    return map;
}

} // namespace

class TestGuiSave : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { icons::initResources(); }

    // The event loop runs while the worker writes: a timer of the GUI thread keeps firing.
    // (When the save ran on the GUI thread, not one tick came before saveTo() returned.)
    void aLargeSaveKeepsTheWindowResponsive()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.faultline"));
        MainWindow w(false);
        w.files()->setInteractive(false);
        w.show();
        const Map map = placedMap(5000);
        w.document()->reset(map, QString(), false);
        QVERIFY(!w.isLayoutRunning());
        w.document()->setMapName(QStringLiteral("Large estate")); // something to save
        w.document()->undoStack()->resetClean();
        QVERIFY(w.document()->isModified());

        // What the user sees meanwhile: the status bar says what is saved; closing the window
        // is refused until it is written.
        int ticks = 0;
        QString shown;
        bool closed = false;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, [&] {
            if (ticks++ == 0) {
                shown = w.statusBar()->currentMessage();
                closed = w.close();
            }
        });
        ticker.start();
        QElapsedTimer t;
        t.start();
        QVERIFY(w.files()->saveTo(path));
        const qint64 took = t.elapsed();
        ticker.stop();
        QVERIFY2(ticks > 0, qPrintable(QStringLiteral("no tick in a save of %1 ms").arg(took)));

        QCOMPARE(shown,
            QStringLiteral("Saving “large.faultline” (%1 components)…")
                .arg(QLocale().toString(5000)));
        QVERIFY(!closed);
        QVERIFY(w.isVisible());
        QVERIFY(w.statusBar()->currentMessage().isEmpty());
        QVERIFY(!w.document()->isModified());
        QCOMPARE(w.document()->filePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(faultlinefile::load(path).map, w.document()->map());
    }

    // The minute's auto-save writes its recovery file on a worker too: the window's timer
    // ticks before the file is there, and the file holds the map.
    void autoSaveWritesOffTheGuiThread()
    {
        QTemporaryDir dir;
        MainWindow w(false);
        w.document()->reset(placedMap(5000), QString(), false);
        w.document()->setMapName(QStringLiteral("Unsaved estate"));
        w.document()->undoStack()->resetClean();
        w.enableAutoSave(dir.path(), 3'600'000); // started by hand below
        const QString file = w.autoSave()->recoveryFile();
        QVERIFY(!QFile::exists(file));
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start();
        w.autoSave()->saveInBackground();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 60000);
        QVERIFY2(ticks > 0, "the recovery file was written before the event loop ran");
        w.autoSave()->waitForWrite();
        QCOMPARE(faultlinefile::load(file).map, w.document()->map());
        QCOMPARE(AutoSave::sourceOf(file), QStringLiteral("Unsaved estate"));
    }

    // A folder, or a file that is not a document, is not saved over; nothing is marked saved.
    void aFailedSaveLeavesTheDocumentModified()
    {
        QTemporaryDir dir;
        MainWindow w(false);
        w.files()->setInteractive(false);
        w.document()->reset(placedMap(200), QString(), false);
        w.document()->setMapName(QStringLiteral("Not saved"));
        w.document()->undoStack()->resetClean();
        QVERIFY(!w.files()->saveTo(dir.path()));
        QVERIFY(w.document()->isModified());
        QVERIFY(w.document()->filePath().isEmpty());

        // A file that is not a Faultline document is left byte for byte as it was.
        const QString path = dir.filePath(QStringLiteral("notes.faultline"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a map\n");
        file.close();
        QVERIFY(!w.files()->saveTo(path));
        QVERIFY(w.document()->isModified());
        QVERIFY(w.document()->filePath().isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not a map\n"));
    }
};

QTEST_MAIN(TestGuiSave)
#include "tst_gui_save.moc"
