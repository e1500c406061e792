#include "model/analysis/spof.h"

#include "model/analysis/cone.h"
#include "model/impact/downevaluator.h"

namespace faultline {

SpofReport singlePointsOfFailure(
    const ImpactGraph &graph, ComponentIndex target, const ProgressFn &progress)
{
    const Cone cone(graph, target.value);
    SpofReport report;
    report.target = target;
    report.coneSize = cone.size();

    DownEvaluator evaluator(graph);
    evaluator.setScope(cone.flags());
    ProgressReporter reporter(progress, cone.size(), 128);
    for (std::int32_t c : cone.members()) { // map order
        if (c != target.value && evaluator.run(std::span(&c, 1), target.value))
            report.spof.emplace_back(c);
        reporter.step();
    }
    reporter.finish();
    return report;
}

} // namespace faultline
