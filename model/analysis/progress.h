#pragma once

#include "model/map/errors.h"

#include <functional>

namespace faultline {

// How a long analysis reports progress and learns that it should stop. It is called every so
// many units of work (components evaluated, cone members expanded) and once with done == total
// at the end, on the thread the analysis runs on; `total` is fixed for one analysis, `done`
// only grows. A GUI runs the analysis on a worker thread and returns false from here when the
// user cancels. Returning false cancels: the analysis throws Cancelled at once
// and leaves no partial result. An empty function means "no reporting, never cancel".
using ProgressFn = std::function<bool(int done, int total)>;

// Thrown by an analysis whose progress function returned false.
class Cancelled : public Error
{
public:
    Cancelled() : Error(QStringLiteral("The analysis was cancelled")) { }
};

// Throttles calls to a ProgressFn: step() is cheap enough to call once per unit of work.
class ProgressReporter
{
public:
    ProgressReporter(const ProgressFn &fn, int total, int every = 64)
        : m_fn(fn), m_total(total), m_every(every < 1 ? 1 : every)
    { }

    // One more unit of work done; throws Cancelled when the function asks to stop.
    void step(int units = 1)
    {
        m_done += units;
        m_sinceReport += units;
        if (m_fn && m_sinceReport >= m_every)
            report(m_done);
    }
    // Reports done == total; call once when the work is complete.
    void finish()
    {
        if (m_fn)
            report(m_total);
    }
    // Reports the work done so far, so that a long step can still be cancelled.
    void poll()
    {
        if (m_fn)
            report(m_done);
    }
    void report(int done)
    {
        m_sinceReport = 0;
        if (!m_fn(done < m_total ? done : m_total, m_total))
            throw Cancelled();
    }

private:
    const ProgressFn &m_fn;
    int m_total;
    int m_every;
    int m_done = 0;
    int m_sinceReport = 0;
};

} // namespace faultline
