// The kernel API: the contract between the interpreter and every kernel backend.
//
// Life of an operator, per interpreter:
//   1. check(ctx, &req)   validates tensor types/shapes/options and states what the op needs:
//                         which invoke function runs it (the type-specific variant), how many bytes
//                         of persistent op data and of scratch. It writes nothing else, so the
//                         interpreter can size the whole arena before touching it (and say exactly
//                         how many bytes are needed when the arena is too small).
//   2. prepare(ctx, data) fills the op data (req.op_data_bytes bytes, zeroed, 8-byte aligned) with
//                         everything invoke needs: multipliers, shifts, padding, dims. Constant
//                         inputs have their `data` set now.
//   3. invoke(call)       runs the op. `call` holds pre-resolved data pointers: no lookups, no shape
//                         parsing, no status at invoke time.
// Op data lives in the arena and must have the same size on a 64-bit host and a 32-bit Cortex-M:
// fixed-width integers and floats only, never pointers. Ops that are pure memory reshapes set
// `output_aliases_input`; ops whose output can be computed once (DEQUANTIZE of a float16
// constant) set `output_is_constant`: in both cases invoke is never called.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "strata/op_resolver.hpp"
#include "strata/status.hpp"
#include "strata/tensor.hpp"

namespace tflite {
struct Operator;  // flatc-generated (tflite_generated.h); kernels read builtin options from it
}

namespace strata {

// Alignment of every arena allocation (op data, activations, scratch).
constexpr uint32_t kArenaAlignment = 8;

// A pointer stored in 8 bytes on every target, so arena-resident records have one size everywhere.
template <typename T>
union ArenaPtr {
  T* ptr;
  uint64_t bits;
};
static_assert(sizeof(ArenaPtr<void>) == 8, "ArenaPtr must be 8 bytes on every target");

struct OpCall;
using InvokeFn = void (*)(const OpCall& call);

union InvokeSlot {
  InvokeFn fn;
  uint64_t bits;
};
static_assert(sizeof(InvokeSlot) == 8, "InvokeSlot must be 8 bytes on every target");

// What the interpreter hands a kernel at invoke: one arena-resident record per executed op,
// followed in memory by (num_inputs + num_outputs) ArenaPtr<void> data slots. An absent optional
// input has a null slot.
struct OpCall {
  InvokeSlot invoke;
  ArenaPtr<const void> op_data;  // the bytes prepare() filled (null if op_data_bytes == 0)
  ArenaPtr<void> scratch;        // req.scratch_bytes bytes, valid during this invoke only
  uint16_t op_index;             // index of the operator in the subgraph
  uint16_t builtin_code;
  uint8_t num_inputs;
  uint8_t num_outputs;
  uint16_t reserved;

  const void* input(uint32_t i) const { return Slots()[i].ptr; }
  void* output(uint32_t i) const { return Slots()[num_inputs + i].ptr; }
  template <typename T>
  const T& data() const {
    return *static_cast<const T*>(op_data.ptr);
  }
  uint32_t size_bytes() const {
    return static_cast<uint32_t>(sizeof(OpCall) + sizeof(ArenaPtr<void>) * (num_inputs + num_outputs));
  }

 private:
  const ArenaPtr<void>* Slots() const { return reinterpret_cast<const ArenaPtr<void>*>(this + 1); }
};
static_assert(sizeof(OpCall) == 32, "OpCall layout must not depend on the target");

// Filled by check(); zero-initialized by the interpreter.
struct OpRequirements {
  InvokeFn invoke = nullptr;        // the variant that runs this op (null only if never invoked)
  uint32_t op_data_bytes = 0;       // persistent bytes for prepare() to fill
  uint32_t scratch_bytes = 0;       // temporary bytes live only while this op runs
  bool output_aliases_input = false;  // output 0 shares input 0's memory (same byte size)
  bool output_is_constant = false;    // prepare() writes output 0's value at the start of op data
};

// What a kernel sees at check and prepare time. Tensor views describe shapes/types/quantization;
// at check time activation data pointers are null, and so is the data of constants that another
// op computes at prepare (their is_constant is already true).
struct OpContext {
  uint32_t op_index = 0;
  int32_t builtin_code = 0;
  int32_t version = 1;
  const tflite::Operator* op = nullptr;  // builtin options: op->builtin_options_as_Conv2DOptions()...
  const TensorView* inputs = nullptr;
  const TensorView* outputs = nullptr;
  uint32_t num_inputs = 0;
  uint32_t num_outputs = 0;

  // Out-of-range indices give an absent view (present() == false), never an invalid read.
  const TensorView& input(uint32_t i) const { return i < num_inputs ? inputs[i] : Absent(); }
  const TensorView& output(uint32_t i) const { return i < num_outputs ? outputs[i] : Absent(); }

 private:
  static const TensorView& Absent() {
    static const TensorView kAbsent;
    return kAbsent;
  }
};

struct Kernel {
  Status (*check)(const OpContext& ctx, OpRequirements* req);
  Status (*prepare)(const OpContext& ctx, void* op_data);  // may be null when there is no op data
};

// A status for a kernel check failure, prefixed with the operator: "operator 3 (CONV_2D): <msg>".
Status OpError(const OpContext& ctx, StatusCode code, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

namespace kernels {
// Every backend exposes its table as `const Registry& strata::kernels::<backend>::registry()`.
using Registry = OpResolver;
}  // namespace kernels

}  // namespace strata
