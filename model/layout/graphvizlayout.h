#pragma once

#include "model/layout/layout.h"

namespace faultline::layout {

// Lays the request out with Graphviz dot: nodes with children become nested clusters
// ("cluster_<index>"), business nodes at the top level go on the top rank, edges from or to a
// cluster end at its border. Blocks for the whole layout; calls are serialised (Graphviz is not
// thread-safe), and the app makes them all from one worker thread (LayoutRunner).
// Throws LayoutError.
Result computeLayout(const Request &request);

} // namespace faultline::layout
