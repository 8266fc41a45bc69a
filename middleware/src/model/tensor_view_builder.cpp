// Model's tensor accessors: builds TensorViews from the verified flatbuffer (see strata/model.hpp).
#include "model/model_checks.hpp"
#include "strata/model.hpp"

namespace strata {
namespace {

const tflite::Buffer* ConstantBuffer(const tflite::Model* model, const tflite::Tensor* t) {
  const uint32_t num_buffers = model->buffers() ? model->buffers()->size() : 0;
  if (t->buffer() >= num_buffers) return nullptr;
  const tflite::Buffer* b = model->buffers()->Get(t->buffer());
  return (b->data() != nullptr && b->data()->size() > 0) ? b : nullptr;
}

void FillQuantization(const tflite::Tensor* t, TensorView* v) {
  const tflite::QuantizationParameters* q = t->quantization();
  if (q == nullptr || q->scale() == nullptr || q->scale()->size() == 0) return;
  v->num_quant = q->scale()->size();
  v->scales = q->scale()->data();  // float vectors are 4-byte aligned after verification
  v->zero_points = reinterpret_cast<const uint8_t*>(q->zero_point()->Data());
  v->scale = v->scales[0];
  v->zero_point = static_cast<int32_t>(v->zero_point_at(0));
  v->quantized_dimension = v->rank == 1 ? 0 : q->quantized_dimension();  // see tensor_checks.cpp
}

}  // namespace

TensorView Model::tensor(int32_t i) const {
  TensorView v;
  if (i < 0 || static_cast<uint32_t>(i) >= num_tensors_) return v;
  const tflite::Tensor* t = RawTensor(i);
  v.index = i;
  v.type = static_cast<DataType>(t->type());
  v.name = TensorName(t);
  v.rank = t->shape() ? static_cast<int32_t>(t->shape()->size()) : 0;
  v.dims = t->shape() ? t->shape()->data() : nullptr;
  uint64_t elements = 0;
  uint64_t bytes = 0;
  ShapeSize(t, &elements, &bytes);
  v.elements = static_cast<uint32_t>(elements);
  v.bytes = static_cast<uint32_t>(bytes);
  FillQuantization(t, &v);  // needs v.rank
  if (const tflite::Buffer* b = ConstantBuffer(model_, t)) {
    v.is_constant = true;
    v.data = const_cast<uint8_t*>(b->data()->data());  // kernels never write inputs
  }
  return v;
}

uint32_t Model::tensor_bytes(int32_t i) const {
  if (i < 0 || static_cast<uint32_t>(i) >= num_tensors_) return 0;
  uint64_t elements = 0;
  uint64_t bytes = 0;
  ShapeSize(RawTensor(i), &elements, &bytes);
  return static_cast<uint32_t>(bytes);
}

bool Model::tensor_is_constant(int32_t i) const {
  if (i < 0 || static_cast<uint32_t>(i) >= num_tensors_) return false;
  return ConstantBuffer(model_, RawTensor(i)) != nullptr;
}

bool Model::tensor_is_variable(int32_t i) const {
  if (i < 0 || static_cast<uint32_t>(i) >= num_tensors_) return false;
  return RawTensor(i)->is_variable();
}

}  // namespace strata
