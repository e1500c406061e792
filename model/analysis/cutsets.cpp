#include "model/analysis/cutsets.h"

#include "model/analysis/cone.h"
#include "model/analysis/downrule.h"
#include "model/analysis/setfamily.h"

#include <algorithm>

namespace faultline {

namespace {

// Minimal cut sets truncated to the width as DownRule's algebra. The target itself is never in
// a set, nor (with onlyWithAvailability) a component without an availability.
class SetFamilyAlgebra
{
public:
    using Value = SetFamily;

    SetFamilyAlgebra(int width, std::int32_t target, std::vector<std::uint8_t> canFail)
        : m_width(width), m_target(target), m_canFail(std::move(canFail))
    { }

    SetFamily never() const { return SetFamily(m_width); }
    SetFamily always() const { return SetFamily::always(m_width); }
    static bool isNever(const SetFamily &f) { return f.isEmpty(); }
    SetFamily failed(std::int32_t c) const
    {
        SetFamily f(m_width);
        if (c != m_target && m_canFail[c]) {
            const std::int32_t self[] = {c};
            f.add(self);
        }
        return f;
    }
    static SetFamily either(const SetFamily &a, const SetFamily &b)
    {
        return SetFamily::unite(a, b);
    }
    static SetFamily both(const SetFamily &a, const SetFamily &b)
    {
        return SetFamily::product(a, b);
    }
    static bool same(const SetFamily &a, const SetFamily &b) { return a == b; }

private:
    int m_width;
    std::int32_t m_target;
    std::vector<std::uint8_t> m_canFail;
};

} // namespace

std::vector<int> CutSetReport::countByOrder() const
{
    std::vector<int> counts(std::max(maxOrder, 0), 0);
    for (const auto &s : cutSets)
        ++counts[s.size() - 1];
    return counts;
}

CutSetReport minimalCutSets(const Map &map, const ImpactGraph &graph, ComponentIndex target,
    const CutSetOptions &options, const ProgressFn &progress)
{
    CutSetReport report;
    report.target = target;
    report.maxOrder = options.maxOrder;
    const Cone cone(graph, target.value);
    report.coneSize = cone.size();
    ProgressReporter reporter(progress, cone.size(), 16);
    if (options.maxOrder < 1) {
        reporter.finish();
        return report;
    }

    std::vector<std::uint8_t> canFail(graph.size(), 1);
    if (options.onlyWithAvailability) {
        for (std::int32_t c : cone.members())
            canFail[c] = map.components()[c].availability.has_value();
    }
    SetFamilyAlgebra algebra(options.maxOrder, target.value, std::move(canFail));
    DownRule<SetFamilyAlgebra> rule(graph, algebra);
    for (int i = 0; i < cone.partCount(); ++i) {
        rule.solve(cone.part(i));
        reporter.step(int(cone.part(i).size()));
    }
    const SetFamily &top = rule.value(target.value);
    report.cutSets.reserve(top.count());
    for (int i = 0; i < top.count(); ++i) {
        std::vector<ComponentIndex> s;
        for (std::int32_t c : top.set(i))
            s.emplace_back(c);
        report.cutSets.push_back(std::move(s));
    }
    reporter.finish();
    return report;
}

} // namespace faultline
