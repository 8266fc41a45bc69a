// TensorView: everything the runtime knows about one tensor, as seen by kernels at prepare time and
// by applications for graph inputs/outputs. Shapes, names and quantization point into the model
// flatbuffer (which usually lives in flash); `data` points into the model (constants) or the arena
// (activations). A view is a few words on the stack: it owns nothing.
#pragma once

#include <stdint.h>
#include <string.h>

namespace strata {

// Element types. The numeric values are TensorFlow Lite's TensorType values, so converting from
// the schema is a cast.
enum class DataType : uint8_t {
  kFloat32 = 0,
  kFloat16 = 1,
  kInt32 = 2,
  kUInt8 = 3,
  kInt64 = 4,
  kString = 5,
  kBool = 6,
  kInt16 = 7,
  kComplex64 = 8,
  kInt8 = 9,
  kFloat64 = 10,
  kResource = 13,  // a resource variable's handle: an int32 id (VAR_HANDLE's output)
  kUInt32 = 15,
  kInt4 = 17,  // two values a byte, low nibble first (packed weights)
};

// Bytes per element; 0 for types the runtime cannot lay out (strings, complex, unknown values)
// and for int4, whose elements are half a byte (a tensor's `bytes` is then ceil(elements / 2)).
uint32_t DataTypeSize(DataType type);
// Lowercase name as used in messages, e.g. "int8", "float32"; "type<N>" style names are not
// produced: unknown values give "unknown".
const char* DataTypeName(DataType type);

struct TensorView {
  void* data = nullptr;           // null for an activation before allocation or an absent input
  const int32_t* dims = nullptr;  // `rank` entries
  const char* name = "";
  const float* scales = nullptr;  // per-channel scales (`num_quant` entries), null if none
  const uint8_t* zero_points =
      nullptr;             // int64 little-endian, maybe unaligned: use zero_point_at()
  float scale = 0.0f;      // scales[0] (0 when not quantized)
  int32_t zero_point = 0;  // zero_points[0]
  int32_t index = -1;      // tensor index in the subgraph; -1: absent optional input
  int32_t rank = 0;
  uint32_t elements = 0;
  uint32_t bytes = 0;
  uint32_t num_quant = 0;  // number of scale entries (0: not quantized)
  int32_t quantized_dimension = 0;
  DataType type = DataType::kFloat32;
  bool is_constant = false;  // data comes from the model (or was computed once at prepare)

  bool present() const { return index >= 0; }
  int32_t dim(int32_t i) const { return (i >= 0 && i < rank) ? dims[i] : 1; }
  int64_t zero_point_at(uint32_t i) const {
    int64_t v = 0;
    if (zero_points != nullptr) memcpy(&v, zero_points + 8u * i, sizeof(v));
    return v;
  }
  // Typed access; nullptr when the type does not match, so a wrong cast cannot go unnoticed.
  float* float_data() const { return Typed<float>(DataType::kFloat32); }
  int8_t* int8_data() const { return Typed<int8_t>(DataType::kInt8); }
  uint8_t* uint8_data() const { return Typed<uint8_t>(DataType::kUInt8); }
  int16_t* int16_data() const { return Typed<int16_t>(DataType::kInt16); }
  int32_t* int32_data() const { return Typed<int32_t>(DataType::kInt32); }

 private:
  template <typename T>
  T* Typed(DataType t) const {
    return type == t ? static_cast<T*>(data) : nullptr;
  }
};

}  // namespace strata
