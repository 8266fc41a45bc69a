// MutateModelConsistently (see consistent_mutator.hpp).
#include "consistent_mutator.hpp"

#include <cstring>
#include <limits>
#include <memory>

#include "flatbuffers/flatbuffers.h"
#include "fuzz_rng.hpp"
#include "tflite_object_api_generated.h"

namespace strata_fuzz {
namespace {

using namespace tflite_obj;

// Constants the mutations write stay small enough that a mutated model stays a few MB at most.
constexpr uint64_t kMaxConstantBytes = 1u << 20;
constexpr uint32_t kMaxChannels = 4096;

uint32_t TypeSize(TensorType type) {
  switch (type) {
    case TensorType_FLOAT32:
    case TensorType_INT32:
      return 4;
    case TensorType_FLOAT16:
    case TensorType_INT16:
      return 2;
    case TensorType_INT8:
    case TensorType_UINT8:
    case TensorType_BOOL:
      return 1;
    case TensorType_INT64:
      return 8;
    default:
      return 0;
  }
}

struct Graph {
  ModelT& model;
  SubGraphT& sub;

  TensorT* tensor(int32_t index) {
    return index >= 0 && static_cast<size_t>(index) < sub.tensors.size() ? sub.tensors[index].get()
                                                                         : nullptr;
  }
  BufferT* buffer(const TensorT& t) {
    return t.buffer < model.buffers.size() ? model.buffers[t.buffer].get() : nullptr;
  }
  bool constant(const TensorT& t) {
    const BufferT* b = buffer(t);
    return b != nullptr && !b->data.empty();
  }
};

uint64_t Elements(const std::vector<int32_t>& shape) {
  uint64_t n = 1;
  for (int32_t d : shape) {
    if (d < 0) return 0;
    n *= static_cast<uint64_t>(d);
    if (n > (uint64_t{1} << 40)) return n;  // large enough to be refused; no overflow
  }
  return n;
}

// Per-channel arrays as long as the dimension they follow (values repeated cyclically).
bool FitQuantization(TensorT& t) {
  QuantizationParametersT* q = t.quantization.get();
  if (q == nullptr || q->scale.size() <= 1) return true;
  const int32_t qd = q->quantized_dimension;
  if (qd < 0 || static_cast<size_t>(qd) >= t.shape.size()) return true;
  const int32_t n = t.shape[qd];
  if (n < 1 || static_cast<uint32_t>(n) > kMaxChannels) return false;
  std::vector<float> scale(n);
  std::vector<int64_t> zero_point(n);
  for (int32_t i = 0; i < n; ++i) {
    scale[i] = q->scale[i % q->scale.size()];
    zero_point[i] = q->zero_point.empty() ? 0 : q->zero_point[i % q->zero_point.size()];
  }
  q->scale = scale;
  q->zero_point = zero_point;
  return true;
}

// A constant's buffer as long as its shape says (old bytes repeated cyclically).
bool FitBuffer(Graph& g, TensorT& t) {
  BufferT* b = g.buffer(t);
  if (b == nullptr || b->data.empty()) return true;
  const uint64_t bytes = Elements(t.shape) * TypeSize(t.type);
  if (bytes == 0 || bytes > kMaxConstantBytes) return false;
  std::vector<uint8_t> data(bytes);
  for (uint64_t i = 0; i < bytes; ++i) data[i] = b->data[i % b->data.size()];
  b->data = data;
  return true;
}

int32_t DimensionValue(Rng& rng, int32_t old) {
  const auto wrap = [](int64_t v) { return static_cast<int32_t>(static_cast<uint32_t>(v)); };
  const int32_t values[] = {0,
                            1,
                            2,
                            3,
                            7,
                            16,
                            255,
                            256,
                            257,
                            65535,
                            65536,
                            65537,
                            1 << 20,
                            1 << 24,
                            0x40000001,
                            std::numeric_limits<int32_t>::max(),
                            wrap(int64_t{old} + 1),
                            wrap(int64_t{old} - 1),
                            wrap(int64_t{old} * 2),
                            old / 2};
  return rng.pick(values);
}

// Every operand of an operator, inputs then outputs.
std::vector<int32_t> Operands(const OperatorT& op) {
  std::vector<int32_t> all = op.inputs;
  all.insert(all.end(), op.outputs.begin(), op.outputs.end());
  return all;
}

// One dimension of an operand gets a new value; the same value at the same place in the op's
// other operands follows (each with probability 1/2: weights, bias, output), then the constants'
// buffers and per-channel arrays of every changed tensor.
bool ChangeDimension(Graph& g, Rng& rng) {
  if (g.sub.operators.empty()) return false;
  const OperatorT& op = *g.sub.operators[rng.below(g.sub.operators.size())];
  const std::vector<int32_t> operands = Operands(op);
  if (operands.empty()) return false;
  TensorT* first = g.tensor(operands[rng.below(operands.size())]);
  if (first == nullptr || first->shape.empty()) return false;
  const size_t d = rng.below(first->shape.size());
  const int32_t old = first->shape[d];
  const int32_t value = DimensionValue(rng, old);
  std::vector<TensorT*> changed = {first};
  first->shape[d] = value;
  for (int32_t index : operands) {
    TensorT* t = g.tensor(index);
    if (t == nullptr || t == first) continue;
    bool touched = false;
    for (int32_t& dim : t->shape) {
      if (dim == old && rng.below(2)) {
        dim = value;
        touched = true;
      }
    }
    if (touched) changed.push_back(t);
  }
  for (TensorT* t : changed) {
    if (!t->shape_signature.empty()) t->shape_signature = t->shape;
    if (!FitQuantization(*t) || !FitBuffer(g, *t)) return false;
  }
  return true;
}

// One of `values` at `at` (little-endian, as flatbuffers stores constants).
template <typename T, size_t N>
void PutOneOf(Rng& rng, const T (&values)[N], uint8_t* at) {
  const T value = rng.pick(values);
  std::memcpy(at, &value, sizeof(T));
}

// Extreme values of the constant's type, in one element or in all of them.
bool ExtremeConstant(Graph& g, Rng& rng) {
  std::vector<TensorT*> constants;
  for (auto& t : g.sub.tensors) {
    if (g.constant(*t) && TypeSize(t->type) > 0) constants.push_back(t.get());
  }
  if (constants.empty()) return false;
  TensorT& t = *constants[rng.below(constants.size())];
  std::vector<uint8_t>& data = g.buffer(t)->data;
  const uint32_t size = TypeSize(t.type);
  const size_t count = data.size() / size;
  if (count == 0) return false;
  const bool all = rng.below(2);
  const size_t start = all ? 0 : rng.below(count);
  const size_t end = all ? count : start + 1;
  for (size_t i = start; i < end; ++i) {
    uint8_t* at = data.data() + i * size;
    switch (t.type) {
      case TensorType_FLOAT32: {
        const float values[] = {std::numeric_limits<float>::infinity(),
                                -std::numeric_limits<float>::infinity(),
                                std::numeric_limits<float>::quiet_NaN(),
                                3.0e38f,
                                -3.0e38f,
                                1e-45f,
                                -0.0f,
                                65536.0f};
        PutOneOf(rng, values, at);
        break;
      }
      case TensorType_INT32: {
        const int32_t values[] = {std::numeric_limits<int32_t>::max(),
                                  std::numeric_limits<int32_t>::min(),
                                  std::numeric_limits<int32_t>::max() - 1,
                                  0x40000000,
                                  65536,
                                  65537,
                                  -1,
                                  0};
        PutOneOf(rng, values, at);
        break;
      }
      case TensorType_INT64: {
        const int64_t values[] = {std::numeric_limits<int64_t>::max(),
                                  std::numeric_limits<int64_t>::min(), 0x80000000ll, -1, 0};
        PutOneOf(rng, values, at);
        break;
      }
      case TensorType_INT16: {
        const int16_t values[] = {32767, -32768, 0, -1};
        PutOneOf(rng, values, at);
        break;
      }
      default: {
        const uint8_t values[] = {0x7F, 0x80, 0xFF, 0x00};
        PutOneOf(rng, values, at);
        break;
      }
    }
  }
  return true;
}

// All scales of a tensor to one extreme value and its zero points to an edge of the type's range
// (values Model::Load accepts, so the kernels' requantization sees them).
bool ExtremeQuantization(Graph& g, Rng& rng) {
  std::vector<TensorT*> quantized;
  for (auto& t : g.sub.tensors) {
    if (t->quantization && !t->quantization->scale.empty()) quantized.push_back(t.get());
  }
  if (quantized.empty()) return false;
  TensorT& t = *quantized[rng.below(quantized.size())];
  QuantizationParametersT& q = *t.quantization;
  const float scales[] = {1e-38f, 1e-20f, 1e-10f, 1e-5f, 0.5f, 1.0f, 2.0f, 1e10f, 1e20f, 3e38f};
  const float scale = rng.pick(scales);
  int64_t lo = -128, hi = 127;
  if (t.type == TensorType_UINT8) lo = 0, hi = 255;
  if (t.type == TensorType_INT16) lo = -32768, hi = 32767;
  if (t.type == TensorType_INT32) lo = std::numeric_limits<int32_t>::min(), hi = -lo - 1;
  const int64_t zero_points[] = {lo, hi, 0};
  const int64_t zero_point = rng.pick(zero_points);
  for (float& s : q.scale) s = scale;
  q.zero_point.assign(q.scale.size(), zero_point);
  return true;
}

// An operator input that is an activation becomes a constant of the same type, shape and
// quantization: a new tensor with its own buffer (constant folding, in-place and aliasing paths).
bool InputBecomesConstant(Graph& g, Rng& rng) {
  if (g.sub.operators.empty()) return false;
  OperatorT& op = *g.sub.operators[rng.below(g.sub.operators.size())];
  if (op.inputs.empty()) return false;
  int32_t& slot = op.inputs[rng.below(op.inputs.size())];
  const TensorT* source = g.tensor(slot);
  if (source == nullptr || g.constant(*source)) return false;
  const uint64_t bytes = Elements(source->shape) * TypeSize(source->type);
  if (bytes == 0 || bytes > kMaxConstantBytes) return false;
  auto buffer = std::make_unique<BufferT>();
  buffer->data.resize(bytes);
  for (uint64_t i = 0; i < bytes; ++i) buffer->data[i] = static_cast<uint8_t>(rng.next());
  auto tensor = std::make_unique<TensorT>();
  tensor->shape = source->shape;
  tensor->type = source->type;
  tensor->name = source->name + "_const";
  if (source->quantization) {
    tensor->quantization = std::make_unique<QuantizationParametersT>(*source->quantization);
  }
  tensor->buffer = static_cast<uint32_t>(g.model.buffers.size());
  g.model.buffers.push_back(std::move(buffer));
  slot = static_cast<int32_t>(g.sub.tensors.size());
  g.sub.tensors.push_back(std::move(tensor));
  return true;
}

bool MutateOnce(Graph& g, Rng& rng) {
  switch (rng.below(6)) {
    case 0:
    case 1:
    case 2:
      return ChangeDimension(g, rng);
    case 3:
      return ExtremeConstant(g, rng);
    case 4:
      return ExtremeQuantization(g, rng);
    default:
      return InputBecomesConstant(g, rng);
  }
}

}  // namespace

bool MutateModelConsistently(const uint8_t* data, size_t size, uint32_t seed,
                             std::vector<uint8_t>* out) {
  flatbuffers::Verifier verifier(data, size);
  if (!VerifyModelBuffer(verifier)) return false;
  std::unique_ptr<ModelT> model(GetModel(data)->UnPack());
  if (model->subgraphs.empty()) return false;
  // A union whose type is set but whose table is absent unpacks to a null value, which Pack would
  // dereference: such unions are dropped (an operator then has no options, which the runtime
  // reports; quantization details and sparsity the runtime refuses or ignores).
  for (auto& subgraph : model->subgraphs) {
    for (auto& tensor : subgraph->tensors) {
      if (tensor && tensor->quantization && tensor->quantization->details.value == nullptr) {
        tensor->quantization->details.Reset();
      }
      if (tensor && tensor->sparsity) {
        for (auto& dim : tensor->sparsity->dim_metadata) {
          if (dim && dim->array_segments.value == nullptr) dim->array_segments.Reset();
          if (dim && dim->array_indices.value == nullptr) dim->array_indices.Reset();
        }
      }
    }
    for (auto& op : subgraph->operators) {
      if (op && op->builtin_options.value == nullptr) op->builtin_options.Reset();
    }
  }
  Graph g{*model, *model->subgraphs[0]};
  Rng rng{seed | 1u};
  const uint32_t count = 1 + rng.below(3);
  bool applied = false;
  for (uint32_t m = 0; m < count; ++m) applied |= MutateOnce(g, rng);
  if (!applied) return false;
  flatbuffers::FlatBufferBuilder builder(size + 4096);
  FinishModelBuffer(builder, Model::Pack(builder, model.get()));
  out->assign(builder.GetBufferPointer(), builder.GetBufferPointer() + builder.GetSize());
  return true;
}

}  // namespace strata_fuzz
