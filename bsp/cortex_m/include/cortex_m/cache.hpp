// Cortex-M7 L1 caches, enabled by the architectural sequence (invalidate, then enable, with
// barriers).
#pragma once

namespace cortex_m::cache {

void enable_icache();
void enable_dcache();
// Cleans and invalidates the whole D-cache (before handing memory to a bus master, or before
// disabling).
void clean_invalidate_dcache();

}  // namespace cortex_m::cache
