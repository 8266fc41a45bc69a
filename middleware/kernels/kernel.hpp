// The kernel API: the contract between the interpreter and every kernel backend.
//
// Every op of every backend has the same shape (docs/adding-an-op.md):
//   namespace strata::kernels::<backend>::<op> {      // e.g. reference::conv_2d
//   Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data);
//   void invoke_<variant>(const OpCall& call);        // one per variant: invoke_float32,
//   invoke_int8
//   }
// and one line in the op manifest (kernels/op_manifest.txt) naming its variants per backend. The
// backends' registries and every model's own resolver are generated from the manifest, so a
// firmware links only the variants its model uses.
//
// Life of an operator, per interpreter:
//   1. prepare(ctx, &req, nullptr)  validates tensor types/shapes/options and states what the op
//                         needs: its variant (which invoke function runs it), how many bytes of
//                         persistent op data and of scratch. It writes nothing else, so the
//                         interpreter can size the whole arena before touching it (and say exactly
//                         how many bytes are needed when the arena is too small).
//   2. prepare(ctx, &req, op_data)  the same analysis once tensors have their memory, now also
//                         filling the op data (req.op_data_bytes bytes, zeroed, 8-byte aligned)
//                         with everything invoke needs: multipliers, shifts, padding, dims.
//                         Constant inputs have their `data` set (activations too, but their
//                         contents are undefined until invoke).
//   3. invoke(call)       runs the op. `call` holds pre-resolved data pointers and finds the op
//                         data: no lookups, no shape parsing, no status at invoke time.
// One function for steps 1 and 2 keeps the analysis in one place: OpDataRef gives it a local
// record at step 1 and the arena's at step 2.
// Op data lives in the arena and must have the same size on a 64-bit host and a 32-bit Cortex-M:
// fixed-width integers and floats only, never pointers. Ops that are pure memory reshapes set
// `output_aliases_input`; ops whose output can be computed once (DEQUANTIZE of a float16
// constant) set `output_is_constant`: in both cases invoke is normally not called. A folded
// DEQUANTIZE of a float16 constant also sets `widens_half_constant`, and vanishes when its
// consumers take the float16 weights themselves (their Variant::kFloat16). Kernels that
// can run in place (output overlapping its input) say so with `inplace_lead_bytes`, which lets the
// planner go below the usual "inputs + outputs" peak.
//
// Sizes computed from model data (element counts, byte sizes, products of dims) go through the
// checked arithmetic of common/checked_math.hpp: a hostile model must get an error, never a
// wrapped size.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "strata/op_resolver.hpp"
#include "strata/status.hpp"
#include "strata/subgraph_runner.hpp"
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

// What the interpreter hands a kernel at invoke: one arena-resident record per operator, in model
// order, [OpCall header][ArenaPtr<void> x (num_inputs + num_outputs [+ 1 scratch])], followed by
// the next record. An absent optional input (index -1) has a null slot. The op data (what
// prepare() filled) lives in one block after all records, reached through a self-relative
// offset, so kernels read it without a pointer load and the interpreter can use that block as
// planning memory first.
struct OpCall {
  static constexpr uint8_t kHasScratch = 0x80;   // flag in num_outputs_flags
  static constexpr uint8_t kVariantMask = 0x1F;  // kernel_bits: the Variant
  static constexpr uint8_t kDepthShift = 5;      // kernel_bits: the resolver's depth (0: primary)

  InvokeSlot invoke;          // null for ops that never run (aliased reshapes, folded constants)
  uint32_t data_offset;       // op data address minus this record's address (0: no op data)
  uint8_t num_inputs;         // input slots: the operator's inputs, or req.input_slots if more
  uint8_t num_outputs_flags;  // low 7 bits: number of outputs; kHasScratch
  uint8_t stride_words;       // record size in 8-byte words (header + slots)
  uint8_t kernel_bits;        // the variant prepare() chose, the resolver depth of its kernel

  uint32_t num_outputs() const { return num_outputs_flags & 0x7Fu; }
  Variant variant() const { return static_cast<Variant>(kernel_bits & kVariantMask); }
  uint32_t resolver_depth() const { return kernel_bits >> kDepthShift; }
  // Input i of an op that always has it (a required input).
  const void* input(uint32_t i) const { return Slots()[i].ptr; }
  // An input the operator may omit (e.g. a bias), i < the req.input_slots its prepare() declared:
  // the record has that many input slots even when the operator lists fewer inputs (the
  // converter writes a bias-less FULLY_CONNECTED with 2), and the slot of an input the operator
  // omits or marks absent (-1) is null. Never read an optional input through input().
  const void* optional_input(uint32_t i) const { return Slots()[i].ptr; }
  void* output(uint32_t i) const { return Slots()[num_inputs + i].ptr; }
  // req.scratch_bytes bytes, valid during this invoke only; null if none was requested.
  void* scratch() const {
    return (num_outputs_flags & kHasScratch) ? Slots()[num_inputs + num_outputs()].ptr : nullptr;
  }
  const void* op_data() const { return reinterpret_cast<const uint8_t*>(this) + data_offset; }
  template <typename T>
  const T& data() const {
    return *static_cast<const T*>(op_data());
  }

 private:
  const ArenaPtr<void>* Slots() const { return reinterpret_cast<const ArenaPtr<void>*>(this + 1); }
};
static_assert(sizeof(OpCall) == 16, "OpCall layout must not depend on the target");

// Whether an op's scratch may share bytes with its input 0 (OpRequirements::scratch_overlay).
// kFromInputStart: the scratch may overlap input 0 when it starts at or above input 0's first byte,
// because invoke reads every input byte before it writes scratch over it (e.g. widening int8 to
// int16 from the last group down). The planner uses it only when input 0 is not needed after the
// op, so the scratch then costs only the bytes by which it outgrows the input.
// kNone is nonzero on purpose: with GCC -Os, one more zero-initialized field makes every
// OpRequirements initialization a memset call, which Prepare pays twice per operator.
enum class ScratchOverlay : int8_t { kNone = -1, kFromInputStart = 0 };

// Filled by prepare(); zero-initialized by the interpreter.
struct OpRequirements {
  Variant variant = Variant::kNone;  // which invoke function runs this op
  uint32_t op_data_bytes = 0;        // persistent bytes for prepare() to fill
  uint32_t scratch_bytes = 0;        // temporary bytes live only while this op runs
  ScratchOverlay scratch_overlay = ScratchOverlay::kNone;
  // Input slots invoke may read: set it to the index of the last optional input + 1 when the op
  // has optional inputs (OpCall::optional_input); 0 means the operator's own input count.
  uint8_t input_slots = 0;
  // In-place execution. When >= 0, output 0 may be placed so that it starts this many bytes
  // BEFORE input 0 and overlaps it, because the kernel never overwrites input bytes it still has
  // to read in that placement (see WindowInplaceLead). The interpreter uses it only when input 0
  // is not needed after this op; otherwise the tensors get separate memory as usual.
  int32_t inplace_lead_bytes = -1;
  // Output 0 may share input 0's memory (same byte size); the interpreter still calls invoke
  // (a copy) where sharing is not safe, e.g. when input 0 is a model constant and output 0 is
  // written by someone else.
  bool output_aliases_input = false;
  bool output_is_constant = false;  // prepare() writes output 0's value at the start of op data
  // With output_is_constant: output 0 is input 0, a float16 model constant, widened to float32
  // (DEQUANTIZE of a float16 model's weights). When every operator reading output 0 takes
  // float16 weights (its prepare, shown input 0 in output 0's place, picks Variant::kFloat16),
  // the interpreter elides this op: those operators read the float16 constant where the model
  // stores it, and output 0 gets no arena bytes. Otherwise the op is folded as usual.
  bool widens_half_constant = false;
  // The kernel accepts the operator but has no safe fast path for it (an optimized int8 kernel
  // whose 32-bit accumulator could overflow on these weights and biases): the next backend along
  // the resolver chain runs it instead.
  bool use_fallback = false;
  // Control flow (IF, WHILE, CALL_ONCE): bit s set when invoke runs subgraph s (never 0), so the
  // planner keeps that subgraph's steps inside this op's.
  uint8_t subgraphs = 0;
  // State that outlives an Invoke and that Interpreter::ResetVariables() zeroes: state_bytes in
  // the arena's variables area (GraphAccess::state gives it at step 2). Operators with the same
  // state_key >= 0 share one block, as large as the largest request (a resource variable: its
  // id); kPrivateState gives the operator a block of its own (CALL_ONCE's "has run" flag).
  static constexpr int32_t kPrivateState = -1;
  int32_t state_key = kPrivateState;
  uint32_t state_bytes = 0;
};

// The op data a prepare() fills: the arena's block when the interpreter passes one (step 2), a
// zeroed local record otherwise (step 1), so one analysis serves both. Also sets
// req->op_data_bytes to sizeof(T) (a kernel with trailing arrays adds their size afterwards).
//   OpDataRef<PadOpData> d(req, op_data);
//   d->count = ...;
template <typename T>
class OpDataRef {
 public:
  OpDataRef(OpRequirements* req, void* op_data)
      : local_(), p_(op_data != nullptr ? static_cast<T*>(op_data) : &local_) {
    req->op_data_bytes = sizeof(T);
  }
  OpDataRef(const OpDataRef&) = delete;
  OpDataRef& operator=(const OpDataRef&) = delete;
  T* operator->() { return p_; }
  T& operator*() { return *p_; }
  T* get() { return p_; }
  // True at step 2: the record is the arena's, trailing arrays may be written.
  bool in_arena() const { return p_ != &local_; }

 private:
  T local_;
  T* p_;
};

// Geometry of an op that computes output "pixels" in row-major order (batch, y, x), each one
// (all its channels) from a window of input pixels starting at (y*stride_h - pad_top,
// x*stride_w - pad_left), e.g. CONV_2D, DEPTHWISE_CONV_2D, pooling; an elementwise op is the
// 1x1 window with stride 1 and no padding.
struct WindowGeometry {
  int32_t batches;
  int32_t in_h, in_w;
  int32_t out_h, out_w;
  int32_t stride_h, stride_w;
  int32_t pad_top, pad_left;
  uint32_t in_pixel_bytes;   // input channels * element size
  uint32_t out_pixel_bytes;  // output channels * element size
};

// The smallest inplace_lead_bytes that is safe for a kernel with this geometry which, for each
// output pixel in order, reads (only) its window and writes the pixel's channels: output bytes of
// pixels <= p never reach input bytes that pixels >= p still read.
uint32_t WindowInplaceLead(const WindowGeometry& g);

// What a kernel sees at check and prepare time. Tensor views describe shapes/types/quantization;
// at check time activation data pointers are null, and so is the data of constants that another
// op computes at prepare (their is_constant is already true).
class GraphAccess;

struct OpContext {
  uint32_t op_index = 0;
  int32_t builtin_code = 0;
  int32_t version = 1;
  // Builtin options: op->builtin_options_as_Conv2DOptions() etc. Every field of every options
  // table is verified at load (src/model/model_verifier.cpp, layouts derived from the schema), so
  // a kernel may read any of them.
  const tflite::Operator* op = nullptr;
  const TensorView* inputs = nullptr;
  const TensorView* outputs = nullptr;
  uint32_t num_inputs = 0;
  uint32_t num_outputs = 0;
  const GraphAccess* graph = nullptr;  // null outside an interpreter (unit tests of plain ops)

  // Out-of-range indices give an absent view (present() == false), never an invalid read.
  const TensorView& input(uint32_t i) const { return i < num_inputs ? inputs[i] : Absent(); }
  const TensorView& output(uint32_t i) const { return i < num_outputs ? outputs[i] : Absent(); }

 private:
  static const TensorView& Absent() {
    static const TensorView kAbsent;
    return kAbsent;
  }
};

// The rest of the model, for the operators that reach beyond their own tensors: control flow (the
// subgraphs they run) and resource variables (the state VAR_HANDLE names). Implemented by the
// interpreter's prepare; OpContext::graph.
class GraphAccess {
 public:
  virtual uint32_t num_subgraphs() const = 0;
  virtual uint32_t subgraph_num_inputs(uint32_t s) const = 0;
  virtual uint32_t subgraph_num_outputs(uint32_t s) const = 0;
  // Views of a subgraph's input and output tensors; their data is set at step 2.
  virtual TensorView subgraph_input(uint32_t s, uint32_t k) const = 0;
  virtual TensorView subgraph_output(uint32_t s, uint32_t k) const = 0;
  // The resource variable a RESOURCE tensor holds the handle of: the id of the (container,
  // shared_name) pair of the VAR_HANDLE that writes it, or -1 when no VAR_HANDLE does.
  virtual int32_t resource_id(int32_t tensor) const = 0;
  // Step 2: the state block the operator asked for (OpRequirements::state_key/state_bytes).
  virtual void* state(const OpContext& ctx, int32_t state_key) const = 0;
  // What invoke calls to run subgraphs; valid for the interpreter's lifetime.
  virtual const SubgraphRunner* runner() const = 0;

 protected:
  ~GraphAccess() = default;
};

using PrepareFn = Status (*)(const OpContext& ctx, OpRequirements* req, void* op_data);

struct KernelVariant {
  Variant variant;
  InvokeFn invoke;
};

// One op in one backend: its analysis and the invoke function of each variant linked in. Tables
// of these are generated from the op manifest (a backend's registry, a model's resolver).
struct Kernel {
  PrepareFn prepare;
  const KernelVariant* variants;
  uint32_t num_variants;

  // The invoke function of variant v, or nullptr when it is not linked in.
  InvokeFn invoke_for(Variant v) const {
    for (uint32_t i = 0; i < num_variants; ++i) {
      if (variants[i].variant == v) return variants[i].invoke;
    }
    return nullptr;
  }
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
