#include "model/layout/layoutrunner.h"

#include "model/layout/graphvizlayout.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace faultline::layout {
namespace {

// One thread that never expires: Graphviz's calls all run there.
QThreadPool &layoutPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1);
        p->setObjectName(QStringLiteral("faultline-layout"));
        return p;
    }();
    return *pool;
}

} // namespace

LayoutRunner::LayoutRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<faultline::layout::Result>();
}

LayoutRunner::~LayoutRunner() = default;

void LayoutRunner::start(Request request)
{
    const quint64 ticket = ++m_ticket;
    QPointer<LayoutRunner> self(this);
    layoutPool().start([self, ticket, request = std::move(request)] {
        Result result;
        QString error;
        try {
            result = computeLayout(request);
        } catch (const Error &e) {
            error = e.message();
        } catch (const std::exception &e) {
            error = QString::fromLocal8Bit(e.what());
        }
        // Back on the main thread; the runner may be gone by then.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, ticket, result = std::move(result), error] {
                if (self)
                    self->deliver(ticket, &result, error);
            },
            Qt::QueuedConnection);
    });
    setRunning(true);
}

void LayoutRunner::cancel()
{
    ++m_ticket; // whatever is running now is late when it ends
    setRunning(false);
}

void LayoutRunner::deliver(quint64 ticket, const Result *result, const QString &error)
{
    if (ticket != m_ticket)
        return;
    // Deliver first: whoever watches runningChanged() sees the result already applied.
    if (error.isEmpty())
        emit finished(*result);
    else
        emit failed(error);
    setRunning(false);
}

void LayoutRunner::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

void waitForLayoutThread()
{
    layoutPool().waitForDone();
}

} // namespace faultline::layout
