// Model::Load's per-tensor checks: type, shape, buffer size/alignment, quantization arrays.
// Every message names the tensor ("tensor 7 (conv1/weights): ...") so a bad file is easy to fix.
#include <float.h>
#include <string.h>

#include "model/model_checks.hpp"
#include "strata/format.hpp"

namespace strata {
namespace {

uint32_t ElementSize(const tflite::Tensor* t) {
  return DataTypeSize(static_cast<DataType>(t->type()));
}

// INT4 tensors hold two values a byte, low nibble first (the converter's packed weights).
bool IsInt4(const tflite::Tensor* t) { return t->type() == tflite::TensorType_INT4; }

Status CheckShape(int i, const tflite::Tensor* t) {
  const char* name = TensorName(t);
  if (ElementSize(t) == 0 && !IsInt4(t)) {
    return Status::Error(StatusCode::kUnsupported, "tensor %d (%s): type %s is not supported", i,
                         name, tflite::EnumNameTensorType(t->type()));
  }
  if (t->sparsity() != nullptr) {
    return Status::Error(StatusCode::kUnsupported,
                         "tensor %d (%s): sparse tensors are not supported", i, name);
  }
  const int rank = t->shape() ? static_cast<int>(t->shape()->size()) : 0;
  if (rank > kMaxRank) {
    return Status::Error(StatusCode::kUnsupported, "tensor %d (%s): rank %d exceeds %d", i, name,
                         rank, static_cast<int>(kMaxRank));
  }
  for (int d = 0; d < rank; ++d) {
    if (t->shape()->Get(d) < 0) {
      return Status::Error(StatusCode::kMalformedModel, "tensor %d (%s): dimension %d is %d", i,
                           name, d, static_cast<int>(t->shape()->Get(d)));
    }
  }
  uint64_t elements = 0;
  uint64_t bytes = 0;
  if (!ShapeSize(t, &elements, &bytes)) {
    char shape[64];
    FormatShape(t, shape, sizeof(shape));
    return Status::Error(StatusCode::kUnsupported, "tensor %d (%s): shape %s exceeds 2 GiB", i,
                         name, shape);
  }
  return Status::Ok();
}

Status CheckBuffer(const tflite::Model* model, int i, const tflite::Tensor* t) {
  const char* name = TensorName(t);
  const uint32_t num_buffers = model->buffers() ? model->buffers()->size() : 0;
  const uint32_t index = t->buffer();
  if (index == 0 && num_buffers == 0) return Status::Ok();  // sentinel without a buffer table
  if (index >= num_buffers) {
    return Status::Error(StatusCode::kMalformedModel,
                         "tensor %d (%s): buffer index %u out of range (model has %u buffers)", i,
                         name, static_cast<unsigned>(index), static_cast<unsigned>(num_buffers));
  }
  const tflite::Buffer* buffer = model->buffers()->Get(index);
  if (buffer->offset() > 1 || buffer->size() > 0) {
    return Status::Error(StatusCode::kUnsupported,
                         "tensor %d (%s): buffer %u is stored outside the flatbuffer (> 2 GiB "
                         "model format)",
                         i, name, static_cast<unsigned>(index));
  }
  const flatbuffers::Vector<uint8_t>* data = buffer->data();
  if (data == nullptr || data->size() == 0) return Status::Ok();  // activation
  uint64_t elements = 0;
  uint64_t bytes = 0;
  ShapeSize(t, &elements, &bytes);
  if (data->size() != bytes) {
    char shape[64];
    FormatShape(t, shape, sizeof(shape));
    return Status::Error(StatusCode::kMalformedModel,
                         "tensor %d (%s): buffer holds %u bytes, shape %s %s needs %llu", i, name,
                         static_cast<unsigned>(data->size()), shape,
                         DataTypeName(static_cast<DataType>(t->type())),
                         static_cast<unsigned long long>(bytes));
  }
  // Kernels read constants with typed loads (float, int32 bias): they must be naturally aligned,
  // up to 4 bytes. The converter aligns int64 buffers (16x8 biases) to 4 bytes only, so kernels
  // read 8-byte constants with unaligned loads (memcpy) and 4 is all that is required here.
  const uint32_t size = ElementSize(t);
  const uint32_t align = size == 0 ? 1 : (size < 4 ? size : 4);
  if ((reinterpret_cast<uintptr_t>(data->data()) & (align - 1)) != 0) {
    return Status::Error(StatusCode::kUnsupported,
                         "tensor %d (%s): constant data is not %u-byte aligned", i, name,
                         static_cast<unsigned>(align));
  }
  return Status::Ok();
}

Status CheckZeroPoints(int i, const tflite::Tensor* t) {
  int64_t lo = INT64_MIN;
  int64_t hi = INT64_MAX;
  if (t->type() == tflite::TensorType_INT8) lo = -128, hi = 127;
  if (t->type() == tflite::TensorType_UINT8) lo = 0, hi = 255;
  if (t->type() == tflite::TensorType_INT16) lo = -32768, hi = 32767;
  if (IsInt4(t)) lo = -8, hi = 7;
  const flatbuffers::Vector<int64_t>* zp = t->quantization()->zero_point();
  for (uint32_t k = 0; k < zp->size(); ++k) {
    int64_t v = 0;  // int64 vectors may be only 4-byte aligned in a flatbuffer
    memcpy(&v, zp->Data() + 8u * k, sizeof(v));
    if (v < lo || v > hi) {
      return Status::Error(
          StatusCode::kMalformedModel, "tensor %d (%s): zero point %lld out of range for %s", i,
          TensorName(t), static_cast<long long>(v), DataTypeName(static_cast<DataType>(t->type())));
    }
  }
  return Status::Ok();
}

Status CheckQuantization(int i, const tflite::Tensor* t, bool constant) {
  const char* name = TensorName(t);
  const tflite::QuantizationParameters* q = t->quantization();
  const uint32_t n = (q && q->scale()) ? q->scale()->size() : 0;
  // Integer tensors without quantization are plain integers (CAST's int8 and int16, raw PCM input):
  // valid, as in TFLite; a kernel that needs quantization checks for it (check_quantized).
  if (n == 0) return Status::Ok();
  const uint32_t nzp = q->zero_point() ? q->zero_point()->size() : 0;
  if (nzp != n) {
    return Status::Error(StatusCode::kMalformedModel,
                         "tensor %d (%s): %u scales but %u zero points", i, name,
                         static_cast<unsigned>(n), static_cast<unsigned>(nzp));
  }
  if (n > 1 && !constant) {
    return Status::Error(StatusCode::kUnsupported,
                         "tensor %d (%s): %u per-channel scales on a tensor without constant data "
                         "(activations are quantized per tensor: one scale and zero point)",
                         i, name, static_cast<unsigned>(n));
  }
  if (n > 1) {
    const int rank = t->shape() ? static_cast<int>(t->shape()->size()) : 0;
    // Old converters copied the weights' quantized_dimension onto rank-1 biases (seen in
    // person_detect): a rank-1 tensor has only dimension 0, so that is the one meant.
    const int qd = rank == 1 ? 0 : q->quantized_dimension();
    if (qd < 0 || qd >= rank) {
      return Status::Error(StatusCode::kMalformedModel,
                           "tensor %d (%s): quantized dimension %d out of range for rank %d", i,
                           name, qd, rank);
    }
    if (static_cast<uint32_t>(t->shape()->Get(qd)) != n) {
      return Status::Error(StatusCode::kMalformedModel,
                           "tensor %d (%s): %u per-channel scales but dimension %d has %d entries",
                           i, name, static_cast<unsigned>(n), qd,
                           static_cast<int>(t->shape()->Get(qd)));
    }
  }
  for (uint32_t k = 0; k < n; ++k) {
    const float s = q->scale()->Get(k);
    const bool finite = s == s && s <= FLT_MAX && s >= -FLT_MAX;
    if (!finite || s < 0.0f || (!constant && s == 0.0f)) {
      // No %f here: a float vararg would pull soft double code into the firmware.
      return Status::Error(StatusCode::kMalformedModel,
                           "tensor %d (%s): scale %u is not a positive finite number", i, name,
                           static_cast<unsigned>(k));
    }
  }
  return CheckZeroPoints(i, t);
}

}  // namespace

bool ShapeSize(const tflite::Tensor* t, uint64_t* elements, uint64_t* bytes) {
  uint64_t n = 1;
  const uint32_t rank = t->shape() ? t->shape()->size() : 0;
  for (uint32_t d = 0; d < rank; ++d) {
    const int32_t v = t->shape()->Get(d);
    if (v < 0) return false;
    n *= static_cast<uint64_t>(v);
    if (n > 0x7FFFFFFFu) return false;  // checked per step: the product cannot overflow 64 bits
  }
  *elements = n;
  *bytes = IsInt4(t) ? (n + 1) / 2 : n * ElementSize(t);
  return *bytes <= 0x7FFFFFFFu;
}

void FormatShape(const tflite::Tensor* t, char* buf, uint32_t cap) {
  uint32_t len = Format(buf, cap, "[");
  const uint32_t rank = t->shape() ? t->shape()->size() : 0;
  for (uint32_t d = 0; d < rank && len < cap; ++d) {
    len += Format(buf + len, cap - len, d ? ",%d" : "%d", static_cast<int>(t->shape()->Get(d)));
  }
  if (len < cap) Format(buf + len, cap - len, "]");
}

Status CheckTensors(const tflite::Model* model, const tflite::SubGraph* subgraph) {
  const uint32_t count = subgraph->tensors() ? subgraph->tensors()->size() : 0;
  if (count > kMaxTensors) {
    return Status::Error(StatusCode::kUnsupported, "subgraph has %u tensors, at most %u supported",
                         static_cast<unsigned>(count), static_cast<unsigned>(kMaxTensors));
  }
  for (uint32_t i = 0; i < count; ++i) {
    const tflite::Tensor* t = subgraph->tensors()->Get(i);
    STRATA_RETURN_IF_ERROR(CheckShape(static_cast<int>(i), t));
    STRATA_RETURN_IF_ERROR(CheckBuffer(model, static_cast<int>(i), t));
    const uint32_t num_buffers = model->buffers() ? model->buffers()->size() : 0;
    const tflite::Buffer* b =
        t->buffer() < num_buffers ? model->buffers()->Get(t->buffer()) : nullptr;
    const bool constant = b && b->data() && b->data()->size() > 0;
    STRATA_RETURN_IF_ERROR(CheckQuantization(static_cast<int>(i), t, constant));
  }
  return Status::Ok();
}

}  // namespace strata
