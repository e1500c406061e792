#pragma once

// The analyses of DESIGN.md, all answering "what does this set of failures take down?" with the
// rules of model/impact (ImpactEngine, or its down-projection DownEvaluator):
// - blastRadius(): every component failed alone, ranked; the concentration view by kind.
// - singlePointsOfFailure(): what takes a target down alone.
// - minimalCutSets(): the minimal sets that take a target down, up to an order.
// - availability(): the exact probability that a target is not down.
// Each takes an optional ProgressFn and throws Cancelled when it returns false; the text, JSON
// and CSV outputs of the command line are in model/analysis/analysisformat.h.
#include "model/analysis/availability.h"
#include "model/analysis/blastradius.h"
#include "model/analysis/cutsets.h"
#include "model/analysis/progress.h"
#include "model/analysis/spof.h"
