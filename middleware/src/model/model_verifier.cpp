// VerifyModelStructure (see model_verifier.hpp). Built on flatbuffers::Verifier's primitives
// (bounds, alignment, vtable and depth/table-count checks); the walk itself is written out here,
// small and out of line, because flash is the constraint on the target.
#include "model/model_verifier.hpp"

#include "tflite_generated.h"

namespace strata {
namespace {

using flatbuffers::uoffset_t;
using flatbuffers::voffset_t;

#if defined(__GNUC__)
#define STRATA_NOINLINE __attribute__((noinline))
#else
#define STRATA_NOINLINE
#endif

// Field layouts of every options table, generated from the schema (schema/gen_options_layouts.py):
// records of [BuiltinOptions value][field count][one code per field]; field k has vtable offset
// 4 + 2k. A code is a scalar size (1, 2, 4, 8), kVector | element size, or kString.
constexpr uint8_t kVector = 0x80;
constexpr uint8_t kString = 0x90;
constexpr uint8_t kLayouts[] = {
#include "options_layouts.inc"
};

class Walker {
 public:
  Walker(const uint8_t* data, size_t size) : v_(data, size), buf_(data) {}

  STRATA_NOINLINE bool Begin(const void* table) {
    return v_.VerifyTableStart(static_cast<const uint8_t*>(table));
  }
  bool End() { return v_.EndTable(); }

  // A scalar field of `bytes` bytes (naturally aligned), absent or inside the buffer.
  STRATA_NOINLINE bool Scalar(const void* table, voffset_t field, size_t bytes) {
    const voffset_t at = Table(table)->GetOptionalFieldOffset(field);
    return at == 0 || v_.VerifyFieldStruct(static_cast<const uint8_t*>(table), at, bytes, bytes);
  }

  // The object an offset field points to (nullptr when absent); false when the offset is bad.
  STRATA_NOINLINE bool Target(const void* table, voffset_t field, const uint8_t** out) {
    *out = nullptr;
    const voffset_t at = Table(table)->GetOptionalFieldOffset(field);
    if (at == 0) return true;
    const uoffset_t o = v_.VerifyOffset(static_cast<const uint8_t*>(table), at);
    if (o == 0) return false;
    *out = static_cast<const uint8_t*>(table) + at + o;
    return true;
  }

  // An optional vector field with `elem` bytes per element (strings: elem 1 plus a NUL).
  STRATA_NOINLINE bool Vector(const void* table, voffset_t field, uint32_t elem,
                              bool string = false) {
    const uint8_t* vec = nullptr;
    if (!Target(table, field, &vec)) return false;
    if (vec == nullptr) return true;
    const size_t at = static_cast<size_t>(vec - buf_);
    if (!v_.Verify<uoffset_t>(at)) return false;
    const uint32_t n = flatbuffers::ReadScalar<uoffset_t>(vec);
    if (n >= 0x7FFFFFF0u / elem) return false;
    const size_t bytes = sizeof(uoffset_t) + size_t{n} * elem + (string ? 1 : 0);
    return v_.Verify(at, bytes) && (!string || vec[bytes - 1] == 0);
  }

  // A vector of tables, each checked by `check`.
  template <typename F>
  bool Tables(const void* table, voffset_t field, F check) {
    const uint8_t* vec = nullptr;
    if (!Vector(table, field, sizeof(uoffset_t)) || !Target(table, field, &vec)) return false;
    const uint32_t n = vec ? flatbuffers::ReadScalar<uoffset_t>(vec) : 0;
    for (uint32_t i = 0; i < n; ++i) {
      const uint8_t* slot = vec + sizeof(uoffset_t) + 4u * i;
      const uoffset_t o = v_.VerifyOffset(static_cast<size_t>(slot - buf_));
      if (o == 0 || !check(*this, slot + o)) return false;
    }
    return true;
  }

  STRATA_NOINLINE bool Options(const void* table, uint8_t type) {
    if (!Begin(table)) return false;
    for (uint32_t at = 0; at + 1 < sizeof(kLayouts); at += 2u + kLayouts[at + 1]) {
      if (kLayouts[at] != type) continue;
      for (uint8_t k = 0; k < kLayouts[at + 1]; ++k) {
        const voffset_t field = static_cast<voffset_t>(4 + 2 * k);
        const uint8_t code = kLayouts[at + 2 + k];
        const bool ok = code == kString  ? Vector(table, field, 1, true)
                        : code & kVector ? Vector(table, field, code & ~kVector)
                                         : Scalar(table, field, code);
        if (!ok) return false;
      }
    }
    return End();  // empty tables: the header is all there is
  }

 private:
  static const flatbuffers::Table* Table(const void* p) {
    return static_cast<const flatbuffers::Table*>(p);
  }

  flatbuffers::Verifier v_;
  const uint8_t* buf_;
};

bool Operator(Walker& w, const uint8_t* op) {
  using O = tflite::Operator;
  const uint8_t* options = nullptr;
  if (!w.Begin(op) || !w.Scalar(op, O::VT_OPCODE_INDEX, 4) || !w.Vector(op, O::VT_INPUTS, 4) ||
      !w.Vector(op, O::VT_OUTPUTS, 4) || !w.Scalar(op, O::VT_BUILTIN_OPTIONS_TYPE, 1) ||
      !w.Target(op, O::VT_BUILTIN_OPTIONS, &options)) {
    return false;
  }
  const uint8_t type = reinterpret_cast<const O*>(op)->builtin_options_type();
  return (options == nullptr || w.Options(options, type)) && w.End();
}

bool Tensor(Walker& w, const uint8_t* t) {
  using T = tflite::Tensor;
  using Q = tflite::QuantizationParameters;
  const uint8_t* q = nullptr;
  const uint8_t* sparsity = nullptr;  // only tested for presence: sparse tensors are rejected
  if (!w.Begin(t) || !w.Vector(t, T::VT_SHAPE, 4) || !w.Scalar(t, T::VT_TYPE, 1) ||
      !w.Scalar(t, T::VT_BUFFER, 4) || !w.Vector(t, T::VT_NAME, 1, true) ||
      !w.Scalar(t, T::VT_IS_VARIABLE, 1) || !w.Target(t, T::VT_SPARSITY, &sparsity) ||
      !w.Target(t, T::VT_QUANTIZATION, &q)) {
    return false;
  }
  const bool quant_ok = q == nullptr || (w.Begin(q) && w.Vector(q, Q::VT_SCALE, 4) &&
                                         w.Vector(q, Q::VT_ZERO_POINT, 8) &&
                                         w.Scalar(q, Q::VT_QUANTIZED_DIMENSION, 4) && w.End());
  return quant_ok && w.End();
}

bool SubGraph(Walker& w, const uint8_t* sg) {
  using S = tflite::SubGraph;
  return w.Begin(sg) && w.Tables(sg, S::VT_TENSORS, Tensor) && w.Vector(sg, S::VT_INPUTS, 4) &&
         w.Vector(sg, S::VT_OUTPUTS, 4) && w.Tables(sg, S::VT_OPERATORS, Operator) && w.End();
}

bool OperatorCode(Walker& w, const uint8_t* c) {
  using C = tflite::OperatorCode;
  return w.Begin(c) && w.Scalar(c, C::VT_DEPRECATED_BUILTIN_CODE, 1) &&
         w.Vector(c, C::VT_CUSTOM_CODE, 1, true) && w.Scalar(c, C::VT_VERSION, 4) &&
         w.Scalar(c, C::VT_BUILTIN_CODE, 4) && w.End();
}

bool Buffer(Walker& w, const uint8_t* b) {
  using B = tflite::Buffer;
  return w.Begin(b) && w.Vector(b, B::VT_DATA, 1) && w.Scalar(b, B::VT_OFFSET, 8) &&
         w.Scalar(b, B::VT_SIZE, 8) && w.End();
}

bool SubGraphs(Walker& w, const uint8_t* m) {
  return w.Tables(m, tflite::Model::VT_SUBGRAPHS, SubGraph);
}

}  // namespace

bool VerifyModelStructure(const uint8_t* data, size_t size) {
  using M = tflite::Model;
  flatbuffers::Verifier root_check(data, size);
  const uoffset_t root = root_check.VerifyOffset(0);
  if (root == 0) return false;
  const uint8_t* m = data + root;
  Walker w(data, size);
  return w.Begin(m) && w.Scalar(m, M::VT_VERSION, 4) &&
         w.Tables(m, M::VT_OPERATOR_CODES, OperatorCode) && w.Tables(m, M::VT_BUFFERS, Buffer) &&
         SubGraphs(w, m) && w.End();
}

}  // namespace strata
