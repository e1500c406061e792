#pragma once

#include "model/layout/layout.h"

namespace faultline::layout {

// Lays the request out bottom-up with Graphviz dot: each cluster's children are laid out on
// their own (dot where dependencies link them, shelves where none do), and a finished cluster is
// a fixed-size box in its parent's layout; business nodes at the top level go on the top rank.
// Every level is small, so big maps lay out in seconds and the picture stays compact. Only
// positions come back: the canvas draws each edge between its ends' boxes. Blocks for the whole
// layout; calls are serialised by the Graphviz lock (Graphviz is not thread-safe), so any thread
// may call it: the app calls it on a BackgroundJob (views/layoutcontroller). Throws LayoutError.
Result computeLayout(const Request &request);

} // namespace faultline::layout
