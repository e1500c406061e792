#pragma once

namespace faultline::cli {

// Lets the allocator take memory in large, huge-page backed steps. Reading a map of 100,000
// components allocates some 200 MB in small pieces; with 4 KiB pages that is some 60,000 page
// faults, which cost a third of `faultline impact` on such a map. Call once, first thing.
// Does nothing where the C library is not glibc.
void tuneMemoryForLargeMaps();

} // namespace faultline::cli
