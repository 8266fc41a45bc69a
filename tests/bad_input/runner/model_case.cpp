// RunModelCase (see cases.hpp): the runtime path every firmware takes with its model.
#include <cstring>

#include "cases.hpp"
#include "reference/registry.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"

namespace bad_input {
namespace {

Outcome FromStatus(const strata::Status& s) {
  Outcome o;
  o.status = strata::StatusCodeName(s.code());
  o.text = s.message();
  return o;
}

}  // namespace

Outcome RunModelCase(const Case& c, const std::vector<uint8_t>& bytes) {
  // 8-byte aligned copies, as a model in flash and an arena would be; never a null pointer, so an
  // empty file is judged by its size like on the board.
  std::vector<uint64_t> model_words(bytes.size() / 8 + 1);
  if (!bytes.empty()) std::memcpy(model_words.data(), bytes.data(), bytes.size());
  std::vector<uint64_t> arena_words(c.arena / 8 + 2);
  uint8_t* arena = reinterpret_cast<uint8_t*>(arena_words.data());
  arena += (16 - reinterpret_cast<uintptr_t>(arena) % 16) % 16;

  strata::Model model;
  strata::Status s = strata::Model::Load(model_words.data(), bytes.size(), &model);
  if (!s.ok()) return FromStatus(s);
  strata::Interpreter interpreter(model, strata::kernels::reference::registry(), arena, c.arena);
  s = interpreter.Prepare();
  if (!s.ok()) return FromStatus(s);
  for (uint32_t i = 0; i < interpreter.num_inputs(); ++i) {
    const strata::TensorView in = interpreter.input(i);
    std::memset(in.data, 0, in.bytes);
  }
  return FromStatus(interpreter.Invoke());
}

}  // namespace bad_input
