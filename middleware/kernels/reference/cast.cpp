// CAST: every element converted to the output type, as TensorFlow Lite Micro's reference kernel
// does with C++ conversions: float to integer truncates toward zero, integers narrow modulo 2^n,
// bool is 0 or 1. Inputs bool, float32, int8, int16, int32, uint32; outputs float32, int8, int16,
// int32, uint32 (TFLM's types). Where C++ leaves a conversion undefined (a float beyond the integer
// range, NaN) the result saturates (NaN gives 0). The variant is the input type; invoke switches on
// the output.
#include <limits>
#include <type_traits>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace cast {
namespace {

struct CastOpData {
  int32_t count;
  uint8_t output_type;  // DataType
  uint8_t reserved[3];
};

// A bool tensor's byte: any non-zero value is true.
struct BoolByte {
  uint8_t raw;
};

template <typename To, typename From>
To convert(From x) {
  if constexpr (std::is_same<From, BoolByte>::value) {
    return static_cast<To>(x.raw != 0 ? 1 : 0);
  } else if constexpr (std::is_floating_point<From>::value && std::is_integral<To>::value) {
    // Bounds one past the range: values strictly between them truncate into it.
    constexpr float kBelow = static_cast<float>(std::numeric_limits<To>::min()) - 1.0f;
    constexpr float kAbove = static_cast<float>(std::numeric_limits<To>::max()) + 1.0f;
    if (!(x == x)) return 0;
    if (x <= kBelow) return std::numeric_limits<To>::min();
    if (x >= kAbove) return std::numeric_limits<To>::max();
    return static_cast<To>(x);
  } else {
    return static_cast<To>(x);
  }
}

template <typename To, typename From>
void convert_all(int32_t count, const void* input, void* output) {
  const From* in = static_cast<const From*>(input);
  To* out = static_cast<To*>(output);
  for (int32_t i = 0; i < count; ++i) out[i] = convert<To>(in[i]);
}

template <typename From>
void cast_from(const OpCall& call) {
  const CastOpData& d = call.data<CastOpData>();
  const void* in = call.input(0);
  void* out = call.output(0);
  switch (static_cast<DataType>(d.output_type)) {
    case DataType::kFloat32:
      return convert_all<float, From>(d.count, in, out);
    case DataType::kInt8:
      return convert_all<int8_t, From>(d.count, in, out);
    case DataType::kInt16:
      return convert_all<int16_t, From>(d.count, in, out);
    case DataType::kInt32:
      return convert_all<int32_t, From>(d.count, in, out);
    default:  // kUInt32: prepare admits no other output type
      return convert_all<uint32_t, From>(d.count, in, out);
  }
}

// The output types; the input types are these and bool.
bool is_cast_type(DataType t) {
  return t == DataType::kFloat32 || t == DataType::kInt8 || t == DataType::kInt16 ||
         t == DataType::kInt32 || t == DataType::kUInt32;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<CastOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_same_shape(ctx, in, out));
  if (!is_cast_type(out.type)) {
    return OpError(ctx, StatusCode::kUnsupported,
                   "output type %s is not supported (float32, int8, int16, int32, uint32)",
                   DataTypeName(out.type));
  }
  if (!is_cast_type(in.type) && in.type != DataType::kBool) {
    return unsupported_input_type(ctx, "bool, float32, int8, int16, int32, uint32");
  }
  req->variant = variant_of(in.type);
  d->count = static_cast<int32_t>(in.elements);
  d->output_type = static_cast<uint8_t>(out.type);
  req->inplace_lead_bytes = static_cast<int32_t>(
      elementwise_inplace_lead(in.elements, DataTypeSize(in.type), DataTypeSize(out.type)));
  return Status::Ok();
}

void invoke_bool(const OpCall& call) { cast_from<BoolByte>(call); }
void invoke_float32(const OpCall& call) { cast_from<float>(call); }
void invoke_int8(const OpCall& call) { cast_from<int8_t>(call); }
void invoke_int16(const OpCall& call) { cast_from<int16_t>(call); }
void invoke_int32(const OpCall& call) { cast_from<int32_t>(call); }
void invoke_uint32(const OpCall& call) { cast_from<uint32_t>(call); }

}  // namespace cast
}  // namespace reference
}  // namespace kernels
}  // namespace strata
