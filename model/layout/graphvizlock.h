#pragma once

#include <QMutex>

#include <clocale>
#include <locale.h>

// Graphviz is not thread-safe: every call into libcgraph or libgvc in the process (layout,
// DOT import, rendering) holds graphvizMutex() for its whole duration, and runs under a
// NumericLocaleGuard so that Graphviz reads and writes numbers with '.' whatever the locale.
namespace faultline::graphviz {

// The one lock for every Graphviz call in the process.
inline QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

// Sets LC_NUMERIC to "C" for the calling thread only (uselocale), so the GUI thread's locale
// is untouched; restores the previous locale on destruction.
class NumericLocaleGuard
{
public:
    NumericLocaleGuard()
        : m_c(newlocale(LC_NUMERIC_MASK, "C", duplocale(LC_GLOBAL_LOCALE))),
          m_previous(m_c ? uselocale(m_c) : nullptr)
    { }
    ~NumericLocaleGuard()
    {
        if (m_c) {
            uselocale(m_previous);
            freelocale(m_c);
        }
    }
    NumericLocaleGuard(const NumericLocaleGuard &) = delete;
    NumericLocaleGuard &operator=(const NumericLocaleGuard &) = delete;

private:
    locale_t m_c;
    locale_t m_previous;
};

} // namespace faultline::graphviz
