#include "image_layout.hpp"

// Absolute linker symbols: their addresses are the values (bsp/imxrt1062/ld/imxrt1062.ld).
extern "C" const uint8_t __flexram_itcm_banks[], __flexram_dtcm_banks[], __vector_table[],
    __stack_guard[], __fast_code_start[], __fast_code_end[], __dtcm_end[], __ocram_end[],
    __arena_start[], __arena_end[], __model_weights_start[], __model_weights_end[],
    __flexspi_image_size[];

namespace bsp::imxrt1062::image {
namespace {

uint32_t value(const uint8_t* symbol) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(symbol));
}

Span span(const uint8_t* start, const uint8_t* end) {
  return {value(start), value(end) - value(start)};
}

constexpr uint32_t kDtcmBase = 0x20000000;
constexpr uint32_t kOcramBase = 0x20200000;

}  // namespace

Layout layout() {
  Layout l{};
  l.itcm_banks = value(__flexram_itcm_banks);
  l.dtcm_banks = value(__flexram_dtcm_banks);
  l.vector_table = value(__vector_table);
  l.stack_guard = value(__stack_guard);
  l.fast_code = span(__fast_code_start, __fast_code_end);
  l.dtcm_used = {kDtcmBase, value(__dtcm_end) - kDtcmBase};
  l.ocram_used = {kOcramBase, value(__ocram_end) - kOcramBase};
  l.arena = span(__arena_start, __arena_end);
  l.weights = span(__model_weights_start, __model_weights_end);
  l.flash_bytes = value(__flexspi_image_size);
  return l;
}

}  // namespace bsp::imxrt1062::image
