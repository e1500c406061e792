// The GUI's one background-job helper (views/backgroundjob.h): work runs off the GUI thread on
// a copy of the map, reports progress, stops when cancelled, and is delivered on the GUI
// thread only if the document's map has not changed since it started.
#include "model/editing/mapdocument.h"
#include "model/map/errors.h"
#include "views/backgroundjob.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace faultline;

namespace {

Map twoComponents()
{
    Map map;
    map.name = QStringLiteral("Two");
    for (const char *id : {"a", "b"}) {
        Component c;
        c.id = QString::fromLatin1(id);
        map.addComponent(c);
    }
    return map;
}

} // namespace

class TestBackgroundJob : public QObject
{
    Q_OBJECT

private:
    MapDocument *m_doc = nullptr;
    BackgroundJob *m_job = nullptr;

    bool waitForIdle()
    {
        return QTest::qWaitFor([this] { return !m_job->isRunning(); }, 10000);
    }

private slots:
    void init()
    {
        m_doc = new MapDocument;
        m_doc->reset(twoComponents(), {}, false);
        m_job = new BackgroundJob(m_doc);
    }
    void cleanup()
    {
        delete m_job;
        delete m_doc;
    }

    void deliversOnTheGuiThreadWhatTheWorkerComputed()
    {
        QSignalSpy delivered(m_job, &BackgroundJob::delivered);
        QThread *worker = nullptr;
        QThread *deliveredOn = nullptr;
        QString seen;
        QVERIFY(!m_job->start([&](const Map &map, const ImpactGraph &, const ProgressFn &) {
            worker = QThread::currentThread();
            const QString name = map.name + QString::number(map.componentCount());
            return BackgroundJob::Deliver([&, name] {
                deliveredOn = QThread::currentThread();
                seen = name;
            });
        }));
        QVERIFY(waitForIdle());
        QCOMPARE(delivered.count(), 1);
        QCOMPARE(seen, QStringLiteral("Two2"));
        QVERIFY(worker != QThread::currentThread());
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    void aQuickJobIsDeliveredWithinTheWait()
    {
        bool done = false;
        const bool ended = m_job->start(
            [&](const Map &, const ImpactGraph &, const ProgressFn &) {
                return BackgroundJob::Deliver([&] { done = true; });
            },
            5000);
        QVERIFY(ended);
        QVERIFY(done); // before start() returned: no event loop ran
        QVERIFY(!m_job->isRunning());
    }

    void reportsProgress()
    {
        QSignalSpy progress(m_job, &BackgroundJob::progress);
        QSemaphore release;
        m_job->start([&](const Map &, const ImpactGraph &, const ProgressFn &report) {
            report(3, 10);
            release.acquire();
            return BackgroundJob::Deliver([] {});
        });
        QVERIFY(QTest::qWaitFor([&] { return !progress.isEmpty(); }, 5000));
        QCOMPARE(progress.last().at(0).toInt(), 3);
        QCOMPARE(progress.last().at(1).toInt(), 10);
        release.release();
        QVERIFY(waitForIdle());
    }

    void cancelDeliversNothing()
    {
        QSignalSpy delivered(m_job, &BackgroundJob::delivered);
        QSignalSpy failed(m_job, &BackgroundJob::failed);
        QSignalSpy dropped(m_job, &BackgroundJob::dropped);
        std::atomic<bool> stopped {false};
        m_job->start([&](const Map &, const ImpactGraph &, const ProgressFn &report) {
            while (report(0, 1))
                QThread::msleep(1);
            stopped = true;
            throw Cancelled();
            return BackgroundJob::Deliver();
        });
        QVERIFY(m_job->isRunning());
        m_job->cancel();
        QVERIFY(!m_job->isRunning());
        QVERIFY(QTest::qWaitFor([&] { return stopped.load(); }, 5000));
        QTest::qWait(50);
        QCOMPARE(delivered.count() + failed.count() + dropped.count(), 0);
    }

    void aMapChangeDropsTheResult()
    {
        QSignalSpy delivered(m_job, &BackgroundJob::delivered);
        QSignalSpy dropped(m_job, &BackgroundJob::dropped);
        QSemaphore release;
        m_job->start([&](const Map &, const ImpactGraph &, const ProgressFn &) {
            release.acquire();
            return BackgroundJob::Deliver([] { QFAIL("delivered for an older map"); });
        });
        m_doc->setMapName(QStringLiteral("Renamed"));
        release.release();
        QVERIFY(waitForIdle());
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(delivered.count(), 0);
    }

    void aWhatIfDoesNotDropTheResult()
    {
        QSignalSpy delivered(m_job, &BackgroundJob::delivered);
        QSemaphore release;
        m_job->start([&](const Map &, const ImpactGraph &, const ProgressFn &) {
            release.acquire();
            return BackgroundJob::Deliver([] {});
        });
        m_doc->setWhatIf({QStringLiteral("a")}, {});
        release.release();
        QVERIFY(waitForIdle());
        QCOMPARE(delivered.count(), 1);
    }

    void anErrorIsReported()
    {
        QSignalSpy failed(m_job, &BackgroundJob::failed);
        m_job->start(
            [](const Map &, const ImpactGraph &, const ProgressFn &) -> BackgroundJob::Deliver {
                throw Error(QStringLiteral("too large"));
            });
        QVERIFY(waitForIdle());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.front().front().toString(), QStringLiteral("too large"));
    }

    void aNewJobSupersedesTheRunningOne()
    {
        QSemaphore release;
        QStringList delivered;
        m_job->start([&](const Map &, const ImpactGraph &, const ProgressFn &) {
            release.acquire();
            return BackgroundJob::Deliver([&] { delivered << QStringLiteral("first"); });
        });
        m_job->start([&](const Map &, const ImpactGraph &, const ProgressFn &) {
            return BackgroundJob::Deliver([&] { delivered << QStringLiteral("second"); });
        });
        release.release();
        QVERIFY(waitForIdle());
        QTest::qWait(50);
        QCOMPARE(delivered, QStringList({QStringLiteral("second")}));
    }

    void destroyedWhileRunning()
    {
        QSemaphore release;
        m_job->start([&](const Map &, const ImpactGraph &, const ProgressFn &report) {
            release.release();
            while (report(0, 1))
                QThread::msleep(1);
            throw Cancelled();
            return BackgroundJob::Deliver();
        });
        release.acquire();
        delete m_job; // cancels and waits for the worker
        m_job = nullptr;
        QTest::qWait(50);
    }
};

QTEST_MAIN(TestBackgroundJob)
#include "tst_backgroundjob.moc"
