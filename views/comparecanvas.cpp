#include "views/comparecanvas.h"

#include <QHash>

namespace faultline {

MapScene::LooksOverride differenceLooks(
    const Map &map, const ImpactResult &shown, const Map &other, const Comparison &comparison)
{
    QHash<QString, theme::Difference> differs;
    for (const Comparison::Row &row : comparison.components)
        differs.insert(row.id, row.worse() ? theme::Difference::Worse : theme::Difference::Better);
    MapScene::LooksOverride looks;
    const int n = map.componentCount();
    looks.looks.assign(n, theme::Look::Up);
    looks.differences.assign(n, theme::Difference::None);
    for (int c = 0; c < n; ++c) {
        const QString &id = map.components()[c].id;
        if (const auto it = differs.constFind(id); it != differs.cend())
            looks.differences[c] = *it;
        else if (!other.findComponent(id))
            looks.differences[c] = theme::Difference::Added;
        else if (shown.state(ComponentIndex(c)) != State::Up)
            looks.differences[c] = theme::Difference::Same;
    }
    looks.emphasis.assign(map.dependencyCount(), drawing::EdgeEmphasis::Normal);
    looks.carried.assign(map.dependencyCount(), theme::Look::Up);
    return looks;
}

} // namespace faultline
