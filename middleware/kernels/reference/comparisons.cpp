// EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL: a bool per element, with
// broadcasting. float32, int32 and int64 compare as stored; int8 compares in one domain as TFLite
// does: each input's offset value shifted left by 8 and rescaled by its own scale
// (common/arithmetic_params.hpp), so inputs of different quantization compare by real value.
// EQUAL and NOT_EQUAL also take bool (any non-zero byte is true).
#include "common/arithmetic_op.hpp"
#include "common/op_checks.hpp"
#include "reference/arithmetic.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace {

struct Equal {
  template <typename T>
  bool operator()(T a, T b) const {
    return a == b;
  }
};
struct NotEqual {
  template <typename T>
  bool operator()(T a, T b) const {
    return a != b;
  }
};
struct Less {
  template <typename T>
  bool operator()(T a, T b) const {
    return a < b;
  }
};
struct LessEqual {
  template <typename T>
  bool operator()(T a, T b) const {
    return a <= b;
  }
};
struct Greater {
  template <typename T>
  bool operator()(T a, T b) const {
    return a > b;
  }
};
struct GreaterEqual {
  template <typename T>
  bool operator()(T a, T b) const {
    return a >= b;
  }
};

// `with_bool`: EQUAL and NOT_EQUAL, which also compare bool tensors.
Status comparison_prepare(const OpContext& ctx, OpRequirements* req, void* op_data,
                          bool with_bool) {
  OpDataRef<ArithmeticOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(binary_prepare(ctx, req, BinaryOutput::kBool, &d->plan));
  const DataType type = ctx.input(0).type;
  switch (type) {
    case DataType::kFloat32:
    case DataType::kInt32:
    case DataType::kInt64:
      break;
    case DataType::kBool:
      if (!with_bool) {
        return OpError(ctx, StatusCode::kUnsupported, "input type bool is not supported");
      }
      break;
    case DataType::kInt8: {
      BinaryQuant q{};
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, ctx.input(0), "input 0"));
      STRATA_RETURN_IF_ERROR(check_quantized(ctx, ctx.input(1), "input 1"));
      q.scale1 = ctx.input(0).scale;
      q.zero_point1 = ctx.input(0).zero_point;
      q.scale2 = ctx.input(1).scale;
      q.zero_point2 = ctx.input(1).zero_point;
      if (!compute_comparison_params(q, &d->params)) {
        return OpError(ctx, StatusCode::kUnsupported, "input scales must be below 1");
      }
      break;
    }
    default:
      return OpError(ctx, StatusCode::kUnsupported, "input type %s is not supported",
                     DataTypeName(type));
  }
  req->variant = variant_of(type);
  return Status::Ok();
}

template <typename T, typename Compare>
void compare(const OpCall& call) {
  broadcast_binary<T, bool>(call.data<ArithmeticOpData>().plan, call,
                            [](T x, T y) { return Compare()(x, y); });
}

template <typename Compare>
void compare_bool(const OpCall& call) {
  broadcast_binary<uint8_t, bool>(call.data<ArithmeticOpData>().plan, call,
                                  [](uint8_t x, uint8_t y) { return Compare()(x != 0, y != 0); });
}

template <typename Compare>
void compare_int8(const OpCall& call) {
  const ArithmeticParams& p = call.data<ArithmeticOpData>().params;
  broadcast_binary<int8_t, bool>(call.data<ArithmeticOpData>().plan, call,
                                 [&p](int8_t x, int8_t y) {
                                   const Rescaled r = rescale_inputs(x, y, p);
                                   return Compare()(r.x, r.y);
                                 });
}

}  // namespace

namespace equal {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return comparison_prepare(ctx, req, op_data, true);
}
void invoke_bool(const OpCall& call) { compare_bool<Equal>(call); }
void invoke_float32(const OpCall& call) { compare<float, Equal>(call); }
void invoke_int8(const OpCall& call) { compare_int8<Equal>(call); }
void invoke_int32(const OpCall& call) { compare<int32_t, Equal>(call); }
void invoke_int64(const OpCall& call) { compare<int64_t, Equal>(call); }
}  // namespace equal

namespace not_equal {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return comparison_prepare(ctx, req, op_data, true);
}
void invoke_bool(const OpCall& call) { compare_bool<NotEqual>(call); }
void invoke_float32(const OpCall& call) { compare<float, NotEqual>(call); }
void invoke_int8(const OpCall& call) { compare_int8<NotEqual>(call); }
void invoke_int32(const OpCall& call) { compare<int32_t, NotEqual>(call); }
void invoke_int64(const OpCall& call) { compare<int64_t, NotEqual>(call); }
}  // namespace not_equal

namespace less {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return comparison_prepare(ctx, req, op_data, false);
}
void invoke_float32(const OpCall& call) { compare<float, Less>(call); }
void invoke_int8(const OpCall& call) { compare_int8<Less>(call); }
void invoke_int32(const OpCall& call) { compare<int32_t, Less>(call); }
void invoke_int64(const OpCall& call) { compare<int64_t, Less>(call); }
}  // namespace less

namespace less_equal {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return comparison_prepare(ctx, req, op_data, false);
}
void invoke_float32(const OpCall& call) { compare<float, LessEqual>(call); }
void invoke_int8(const OpCall& call) { compare_int8<LessEqual>(call); }
void invoke_int32(const OpCall& call) { compare<int32_t, LessEqual>(call); }
void invoke_int64(const OpCall& call) { compare<int64_t, LessEqual>(call); }
}  // namespace less_equal

namespace greater {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return comparison_prepare(ctx, req, op_data, false);
}
void invoke_float32(const OpCall& call) { compare<float, Greater>(call); }
void invoke_int8(const OpCall& call) { compare_int8<Greater>(call); }
void invoke_int32(const OpCall& call) { compare<int32_t, Greater>(call); }
void invoke_int64(const OpCall& call) { compare<int64_t, Greater>(call); }
}  // namespace greater

namespace greater_equal {
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return comparison_prepare(ctx, req, op_data, false);
}
void invoke_float32(const OpCall& call) { compare<float, GreaterEqual>(call); }
void invoke_int8(const OpCall& call) { compare_int8<GreaterEqual>(call); }
void invoke_int32(const OpCall& call) { compare<int32_t, GreaterEqual>(call); }
void invoke_int64(const OpCall& call) { compare<int64_t, GreaterEqual>(call); }
}  // namespace greater_equal

}  // namespace reference
}  // namespace kernels
}  // namespace strata
