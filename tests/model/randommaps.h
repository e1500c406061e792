#pragma once

// Random small maps in the text form of maptestutil.h, for the suites that check the engine and
// what is built on it against independent implementations of the rules.

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace faultline::testutil {

// A random small map written in the text form (so a failure prints something readable):
// parents without loops, hard and soft dependencies with cycles, groups with `require`, costs,
// and dependencies listed in an order unrelated to the components'.
inline QString randomMap(QRandomGenerator &rng, int maxComponents, double maxDensity)
{
    const int n = 1 + int(rng.bounded(maxComponents));
    std::vector<int> rank(n);
    for (int i = 0; i < n; ++i)
        rank[i] = i;
    std::shuffle(rank.begin(), rank.end(), rng);

    struct Dep
    {
        int from, to;
        bool hard;
    };
    std::vector<Dep> deps;
    const double density = 0.02 + rng.generateDouble() * maxDensity;
    for (int a = 0; a < n; ++a) {
        for (int b = 0; b < n; ++b) {
            if (a != b && rng.generateDouble() < density)
                deps.push_back({a, b, rng.generateDouble() < 0.7});
        }
    }
    std::shuffle(deps.begin(), deps.end(), rng);

    QStringList statements;
    for (int i = 0; i < n; ++i) {
        QString s = QStringLiteral("c%1").arg(i);
        // Parents go to a lower rank only, so parent chains never loop.
        if (rank[i] > 0 && rng.generateDouble() < 0.4) {
            std::vector<int> lower;
            for (int j = 0; j < n; ++j) {
                if (rank[j] < rank[i])
                    lower.push_back(j);
            }
            s += QStringLiteral(" parent=c%1").arg(lower[rng.bounded(int(lower.size()))]);
        }
        const int hard = int(std::count_if(
            deps.begin(), deps.end(), [i](const Dep &d) { return d.from == i && d.hard; }));
        if (hard > 0 && rng.generateDouble() < 0.4)
            s += QStringLiteral(" require=%1").arg(rng.bounded(hard + 1));
        if (rng.generateDouble() < 0.5)
            s += QStringLiteral(" cost=%1").arg(rng.bounded(100));
        statements.append(s);
    }
    for (const Dep &d : deps)
        statements.append(QStringLiteral("c%1 %2 c%3")
                              .arg(d.from)
                              .arg(d.hard ? QStringLiteral("->") : QStringLiteral("~>"))
                              .arg(d.to));
    return statements.join(QStringLiteral("; "));
}

inline QString randomSubset(QRandomGenerator &rng, int n, double p)
{
    QStringList ids;
    for (int i = 0; i < n; ++i) {
        if (rng.generateDouble() < p)
            ids.append(QStringLiteral("c%1").arg(i));
    }
    return ids.join(QLatin1Char(','));
}

} // namespace faultline::testutil
