#include "model/map/dependencylookup.h"

namespace faultline {

DependencyLookup &DependencyLookup::operator=(const DependencyLookup &other)
{
    if (this != &other) {
        std::shared_ptr<const Index> index = other.built();
        const std::lock_guard lock(m_mutex);
        m_index = std::move(index);
    }
    return *this;
}

std::shared_ptr<const DependencyLookup::Index> DependencyLookup::built() const
{
    const std::lock_guard lock(m_mutex);
    return m_index;
}

std::optional<int> DependencyLookup::find(
    const std::vector<Dependency> &dependencies, const QString &from, const QString &to) const
{
    std::shared_ptr<const Index> index;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_index) {
            auto fresh = std::make_shared<Index>();
            fresh->reserve(qsizetype(dependencies.size()));
            // Backwards, so that a repeated pair is found as its first occurrence.
            for (int i = int(dependencies.size()) - 1; i >= 0; --i)
                fresh->insert(qMakePair(dependencies[i].from, dependencies[i].to), i);
            m_index = std::move(fresh);
        }
        index = m_index;
    }
    const auto it = index->constFind(qMakePair(from, to));
    if (it == index->cend())
        return std::nullopt;
    return *it;
}

void DependencyLookup::invalidate()
{
    const std::lock_guard lock(m_mutex);
    m_index.reset();
}

} // namespace faultline
