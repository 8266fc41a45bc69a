#include "model_mutator.hpp"

#include <cmath>
#include <cstring>
#include <limits>

#include "flatbuffers/flatbuffers.h"
#include "fuzz_rng.hpp"
#include "tflite_generated.h"

namespace strata_fuzz {
namespace {

// Writes a scalar at `at`, which points into the model buffer (flatbuffers stores little-endian).
template <typename T>
void put(const void* at, T value) {
  std::memcpy(const_cast<void*>(at), &value, sizeof(T));
}

// The address of a scalar field of a table, or null when the field is absent (stored as default).
// Generated tables derive privately from flatbuffers::Table, at the same address.
template <typename T>
const uint8_t* field_address(const T* table, flatbuffers::voffset_t field) {
  return reinterpret_cast<const flatbuffers::Table*>(table)->GetAddressOf(field);
}

// Shortens a vector in place by rewriting its length prefix: still a valid flatbuffer.
template <typename V>
void shorten(const V* vector, Rng& rng) {
  if (vector == nullptr || vector->size() == 0) return;
  put<uint32_t>(reinterpret_cast<const uint8_t*>(vector), rng.below(vector->size()));
}

int32_t index_value(Rng& rng, uint32_t count) {
  const int32_t values[] = {-1,
                            -2,
                            static_cast<int32_t>(count),
                            static_cast<int32_t>(count) + 1,
                            std::numeric_limits<int32_t>::max(),
                            std::numeric_limits<int32_t>::min(),
                            static_cast<int32_t>(rng.below(count + 1))};
  return rng.pick(values);
}

int32_t dimension_value(Rng& rng, int32_t old) {
  const auto wrap = [](int64_t v) { return static_cast<int32_t>(static_cast<uint32_t>(v)); };
  const int32_t values[] = {-1,
                            0,
                            1,
                            2,
                            3,
                            wrap(int64_t{old} + 1),
                            wrap(int64_t{old} - 1),
                            wrap(int64_t{old} * 2),
                            65536,
                            1 << 20,
                            std::numeric_limits<int32_t>::max(),
                            std::numeric_limits<int32_t>::min()};
  return rng.pick(values);
}

float scale_value(Rng& rng, float old) {
  const float values[] = {0.0f,
                          -1.0f,
                          std::numeric_limits<float>::quiet_NaN(),
                          std::numeric_limits<float>::infinity(),
                          1e-38f,
                          1e-45f,
                          1e38f,
                          old * 1000.0f,
                          old / 1000.0f,
                          1.0f};
  return rng.pick(values);
}

int64_t zero_point_value(Rng& rng) {
  const int64_t values[] = {std::numeric_limits<int64_t>::max(),
                            std::numeric_limits<int64_t>::min(),
                            128,
                            -129,
                            255,
                            256,
                            32768,
                            -32769,
                            0,
                            -128,
                            127};
  return rng.pick(values);
}

void mutate_tensor(const tflite::Tensor* tensor, uint32_t num_buffers, Rng& rng) {
  const flatbuffers::Vector<int32_t>* shape = tensor->shape();
  const tflite::QuantizationParameters* q = tensor->quantization();
  switch (rng.below(9)) {
    case 0:
    case 1:
      if (shape != nullptr && shape->size() > 0) {
        const uint32_t i = rng.below(shape->size());
        put<int32_t>(shape->Data() + 4 * i, dimension_value(rng, shape->Get(i)));
      }
      return;
    case 2:
      shorten(shape, rng);
      return;
    case 3:
      if (const uint8_t* at = field_address(tensor, tflite::Tensor::VT_BUFFER)) {
        put<uint32_t>(at, static_cast<uint32_t>(index_value(rng, num_buffers)));
      }
      return;
    case 4:
      if (const uint8_t* at = field_address(tensor, tflite::Tensor::VT_TYPE)) {
        put<int8_t>(at, static_cast<int8_t>(rng.below(20)));
      }
      return;
    case 5:
      if (q != nullptr && q->scale() != nullptr && q->scale()->size() > 0) {
        const uint32_t i = rng.below(q->scale()->size());
        put<float>(q->scale()->Data() + 4 * i, scale_value(rng, q->scale()->Get(i)));
      }
      return;
    case 6:
      if (q != nullptr && q->zero_point() != nullptr && q->zero_point()->size() > 0) {
        const uint32_t i = rng.below(q->zero_point()->size());
        put<int64_t>(q->zero_point()->Data() + 8 * i, zero_point_value(rng));
      }
      return;
    case 7:
      if (q != nullptr) rng.below(2) ? shorten(q->scale(), rng) : shorten(q->zero_point(), rng);
      return;
    case 8:
      if (q != nullptr) {
        if (const uint8_t* at =
                field_address(q, tflite::QuantizationParameters::VT_QUANTIZED_DIMENSION)) {
          put<int32_t>(at, static_cast<int32_t>(rng.below(8)) - 2);
        }
      }
      return;
  }
}

// One byte of a field of the operator's options table (strides, filter sizes, padding,
// activation, axis ...): the low byte of an int, or a whole enum/bool.
void mutate_options(const tflite::Operator* op, Rng& rng) {
  const auto* options = static_cast<const flatbuffers::Table*>(op->builtin_options());
  if (options == nullptr) return;
  const flatbuffers::voffset_t field = static_cast<flatbuffers::voffset_t>(4 + 2 * rng.below(8));
  if (const uint8_t* at = options->GetAddressOf(field)) {
    const uint8_t values[] = {0, 1, 2, 3, 4, 0x7F, 0x80, 0xFF, static_cast<uint8_t>(rng.next())};
    put<uint8_t>(at, rng.pick(values));
  }
}

void mutate_operator(const tflite::Operator* op, uint32_t num_tensors, uint32_t num_opcodes,
                     Rng& rng) {
  const flatbuffers::Vector<int32_t>* list = rng.below(2) ? op->inputs() : op->outputs();
  switch (rng.below(5)) {
    case 0:
    case 1:
      if (list != nullptr && list->size() > 0) {
        put<int32_t>(list->Data() + 4 * rng.below(list->size()), index_value(rng, num_tensors));
      }
      return;
    case 2:
      shorten(list, rng);
      return;
    case 3:
      if (const uint8_t* at = field_address(op, tflite::Operator::VT_OPCODE_INDEX)) {
        put<uint32_t>(at, static_cast<uint32_t>(index_value(rng, num_opcodes)));
      }
      return;
    case 4:
      mutate_options(op, rng);
      return;
  }
}

void mutate_opcode(const tflite::OperatorCode* code, Rng& rng) {
  const flatbuffers::voffset_t fields[] = {tflite::OperatorCode::VT_VERSION,
                                           tflite::OperatorCode::VT_BUILTIN_CODE,
                                           tflite::OperatorCode::VT_DEPRECATED_BUILTIN_CODE};
  const flatbuffers::voffset_t field = rng.pick(fields);
  const uint8_t* at = field_address(code, field);
  if (at == nullptr) return;
  if (field == tflite::OperatorCode::VT_DEPRECATED_BUILTIN_CODE) {
    put<int8_t>(at, static_cast<int8_t>(rng.below(130)));
  } else {
    const int32_t values[] = {0, 1, 2, 3, 4, 7, 100, -1, static_cast<int32_t>(rng.below(210))};
    put<int32_t>(at, rng.pick(values));
  }
}

// True when `data` is a model the mutations can walk: verifiable, with a subgraph.
bool walkable(const uint8_t* data, size_t size) {
  flatbuffers::Verifier verifier(data, size);
  if (!tflite::VerifyModelBuffer(verifier)) return false;
  const tflite::Model* model = tflite::GetModel(data);
  return model->subgraphs() != nullptr && model->subgraphs()->size() > 0;
}

// One mutation somewhere in the model.
void mutate_once(const tflite::Model* model, Rng& rng) {
  const tflite::SubGraph* graph = model->subgraphs()->Get(0);
  const uint32_t num_tensors = graph->tensors() != nullptr ? graph->tensors()->size() : 0;
  const uint32_t num_ops = graph->operators() != nullptr ? graph->operators()->size() : 0;
  const uint32_t num_buffers = model->buffers() != nullptr ? model->buffers()->size() : 0;
  const uint32_t num_opcodes =
      model->operator_codes() != nullptr ? model->operator_codes()->size() : 0;
  switch (rng.below(6)) {
    case 0:
    case 1:
      if (num_tensors > 0) {
        mutate_tensor(graph->tensors()->Get(rng.below(num_tensors)), num_buffers, rng);
      }
      return;
    case 2:
    case 3:
      if (num_ops > 0) {
        mutate_operator(graph->operators()->Get(rng.below(num_ops)), num_tensors, num_opcodes, rng);
      }
      return;
    case 4:
      if (num_opcodes > 0) mutate_opcode(model->operator_codes()->Get(rng.below(num_opcodes)), rng);
      return;
    case 5: {
      // Buffer data shorter than its tensor's shape says, or graph inputs/outputs out of range.
      if (rng.below(2) && num_buffers > 0) {
        shorten(model->buffers()->Get(rng.below(num_buffers))->data(), rng);
        return;
      }
      const flatbuffers::Vector<int32_t>* io = rng.below(2) ? graph->inputs() : graph->outputs();
      if (io != nullptr && io->size() > 0) {
        put<int32_t>(io->Data() + 4 * rng.below(io->size()), index_value(rng, num_tensors));
      }
      return;
    }
  }
}

}  // namespace

bool MutateModel(uint8_t* data, size_t size, uint32_t seed) {
  if (!walkable(data, size)) return false;
  Rng rng{seed | 1u};
  const uint32_t count = 1 + rng.below(4);
  // Verified again before each further mutation: in a fuzzed (not converter-made) buffer, tables
  // and vectors may overlap, so one mutation can break the structure the next one would walk.
  for (uint32_t m = 0; m < count && (m == 0 || walkable(data, size)); ++m) {
    mutate_once(tflite::GetModel(data), rng);
  }
  return true;
}

}  // namespace strata_fuzz
