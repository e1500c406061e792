#pragma once

#include "model/map/dependency.h"

#include <QHash>
#include <QPair>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace faultline {

// A map's dependencies by their ends (from, to), built on the first lookup after a change.
// Opening or importing a map of 300,000 dependencies needs no lookup by ends (validation finds
// repeated pairs by sorting), so it no longer hashes 600,000 strings it never asks for.
//
// Const maps are read from several threads (the canvas, layout and analyses), so the lazy
// build is done under a lock; the built index is immutable and shared by copies of the map.
class DependencyLookup
{
public:
    DependencyLookup() = default;
    DependencyLookup(const DependencyLookup &other) : m_index(other.built()) { }
    DependencyLookup &operator=(const DependencyLookup &other);

    // The position of the first dependency from `from` to `to` in `dependencies`, which must
    // be the list this lookup was last invalidated for.
    std::optional<int> find(
        const std::vector<Dependency> &dependencies, const QString &from, const QString &to) const;
    // After any change to the list.
    void invalidate();

private:
    using Index = QHash<QPair<QString, QString>, int>;
    std::shared_ptr<const Index> built() const;

    mutable std::mutex m_mutex;
    mutable std::shared_ptr<const Index> m_index;
};

} // namespace faultline
