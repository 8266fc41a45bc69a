// BATCH_MATMUL: output[..., i, j] = sum_k lhs[..., i, k] * rhs[..., k, j] over ranks 2 to 5, the
// leading (batch) dimensions broadcast, adj_x / adj_y reading lhs / rhs transposed (their last
// two dimensions swapped). No bias, no fused activation. float32; int8 (zero points, one
// requantization, 32-bit sums); int16 (zero points 0, 64-bit sums, TFLite's int64
// requantization). TFLite Micro transposes operands into buffers first; here the strides do it.
#include "common/op_checks.hpp"
#include "common/quant_math.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace batch_matmul {
namespace {

constexpr int32_t kMaxRank = 5;
constexpr int32_t kBatchDims = kMaxRank - 2;

struct BatchMatMulOpData {
  int32_t batch[kBatchDims];      // output batch dimensions (rank extended to 5)
  int32_t lhs_batch[kBatchDims];  // element strides of those dimensions; 0 where broadcast
  int32_t rhs_batch[kBatchDims];
  int32_t rows, cols, depth;       // output [rows, cols] per batch; summed over depth
  int32_t lhs_row, lhs_k;          // element strides of lhs along rows and depth
  int32_t rhs_k, rhs_col;          // element strides of rhs along depth and columns
  int32_t lhs_offset, rhs_offset;  // -zero points (int8)
  int32_t output_offset;
  int32_t multiplier, shift;  // lhs scale * rhs scale / output scale
  int32_t act_min, act_max;
  int32_t reserved;
};
static_assert(sizeof(BatchMatMulOpData) == 96, "arena-resident layout");

// A shape read right-aligned into rank 5 (leading 1s).
struct Shape5 {
  int32_t d[kMaxRank];
};

Status extend(const OpContext& ctx, const TensorView& t, const char* role, Shape5* s) {
  if (t.rank < 2 || t.rank > kMaxRank) {
    return OpError(ctx, StatusCode::kUnsupported, "%s '%s' has rank %d, expected 2 to 5", role,
                   t.name, static_cast<int>(t.rank));
  }
  for (int32_t i = 0; i < kMaxRank; ++i) s->d[i] = t.dim(i - (kMaxRank - t.rank));
  return Status::Ok();
}

// Element stride of each batch dimension of `s`; 0 for a broadcast one (size 1).
void batch_strides(const Shape5& s, int32_t* strides) {
  int32_t stride = s.d[3] * s.d[4];
  for (int32_t i = kBatchDims - 1; i >= 0; --i) {
    strides[i] = s.d[i] == 1 ? 0 : stride;
    stride *= s.d[i];
  }
}

Status analyze_shapes(const OpContext& ctx, BatchMatMulOpData* d) {
  const TensorView& lhs = ctx.input(0);
  const TensorView& rhs = ctx.input(1);
  const TensorView& out = ctx.output(0);
  Shape5 l;
  Shape5 r;
  STRATA_RETURN_IF_ERROR(extend(ctx, lhs, "lhs", &l));
  STRATA_RETURN_IF_ERROR(extend(ctx, rhs, "rhs", &r));
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_BatchMatMulOptions() : nullptr;
  const bool adj_x = o != nullptr && o->adj_x();
  const bool adj_y = o != nullptr && o->adj_y();
  d->rows = adj_x ? l.d[4] : l.d[3];
  d->depth = adj_x ? l.d[3] : l.d[4];
  d->cols = adj_y ? r.d[3] : r.d[4];
  const int32_t rhs_depth = adj_y ? r.d[4] : r.d[3];
  d->lhs_row = adj_x ? 1 : l.d[4];
  d->lhs_k = adj_x ? l.d[4] : 1;
  d->rhs_k = adj_y ? 1 : r.d[4];
  d->rhs_col = adj_y ? r.d[4] : 1;
  if (rhs_depth != d->depth) {
    return OpError(ctx, StatusCode::kMalformedModel, "lhs sums over %d values, rhs over %d",
                   static_cast<int>(d->depth), static_cast<int>(rhs_depth));
  }
  // Output: the broadcast batch dimensions, then [rows, cols], at the larger input rank.
  const int32_t rank = lhs.rank > rhs.rank ? lhs.rank : rhs.rank;
  bool ok = out.rank == rank;
  CheckedSize elements(1);
  for (int32_t i = 0; i < kBatchDims; ++i) {
    if (l.d[i] != r.d[i] && l.d[i] != 1 && r.d[i] != 1) ok = false;
    d->batch[i] = l.d[i] == 1 ? r.d[i] : l.d[i];
    elements *= d->batch[i];
    if (i >= kMaxRank - rank) ok = ok && out.dim(i - (kMaxRank - rank)) == d->batch[i];
  }
  ok = ok && out.dim(rank - 2) == d->rows && out.dim(rank - 1) == d->cols;
  elements *= CheckedSize(d->rows) * d->cols;
  if (!ok || !elements.ok() || elements.value() != out.elements) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output '%s' is not the broadcast product of lhs '%s' and rhs '%s'", out.name,
                   lhs.name, rhs.name);
  }
  batch_strides(l, d->lhs_batch);
  batch_strides(r, d->rhs_batch);
  return Status::Ok();
}

Status analyze_quantization(const OpContext& ctx, BatchMatMulOpData* d) {
  const TensorView& lhs = ctx.input(0);
  const TensorView& rhs = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, lhs, "lhs"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, rhs, "rhs"));
  STRATA_RETURN_IF_ERROR(check_quantized(ctx, out, "output"));
  if (rhs.num_quant != 1 || lhs.num_quant != 1) {
    return OpError(ctx, StatusCode::kUnsupported, "lhs and rhs must be quantized per tensor");
  }
  d->lhs_offset = -lhs.zero_point;
  d->rhs_offset = -rhs.zero_point;
  d->output_offset = out.zero_point;
  // TFLite multiplies the two input scales in float, then divides in double.
  const double real = static_cast<double>(lhs.scale * rhs.scale) / static_cast<double>(out.scale);
  int shift = 0;
  quantize_multiplier(real, &d->multiplier, &shift);
  d->shift = shift;
  const bool int16 = lhs.type == DataType::kInt16;
  d->act_min = int16 ? -32768 : -128;  // no fused activation: the type's range
  d->act_max = int16 ? 32767 : 127;
  return Status::Ok();
}

// Calls out(index, sum) for every output element, in order, with its sum over depth of
// (lhs + lhs_offset) * (rhs + rhs_offset) in Acc.
template <typename T, typename Acc, typename Out>
void for_each_product(const BatchMatMulOpData& d, const T* lhs, const T* rhs, Out out) {
  int32_t index = 0;
  for (int32_t b0 = 0; b0 < d.batch[0]; ++b0) {
    for (int32_t b1 = 0; b1 < d.batch[1]; ++b1) {
      for (int32_t b2 = 0; b2 < d.batch[2]; ++b2) {
        const T* l = lhs + b0 * d.lhs_batch[0] + b1 * d.lhs_batch[1] + b2 * d.lhs_batch[2];
        const T* r = rhs + b0 * d.rhs_batch[0] + b1 * d.rhs_batch[1] + b2 * d.rhs_batch[2];
        for (int32_t i = 0; i < d.rows; ++i) {
          for (int32_t j = 0; j < d.cols; ++j) {
            const T* li = l + i * d.lhs_row;
            const T* rj = r + j * d.rhs_col;
            Acc acc = 0;
            for (int32_t k = 0; k < d.depth; ++k) {
              acc += (static_cast<Acc>(li[k * d.lhs_k]) + static_cast<Acc>(d.lhs_offset)) *
                     (static_cast<Acc>(rj[k * d.rhs_k]) + static_cast<Acc>(d.rhs_offset));
            }
            out(index++, acc);
          }
        }
      }
    }
  }
}

// TFLite's requantization for each accumulator width.
int32_t requantize(int32_t acc, const BatchMatMulOpData& d) {
  return multiply_by_quantized_multiplier(acc, d.multiplier, d.shift);
}
int32_t requantize(int64_t acc, const BatchMatMulOpData& d) {
  return multiply_by_quantized_multiplier_64(acc, d.multiplier, d.shift);
}

template <typename T, typename Acc>
void invoke_quantized(const OpCall& call) {
  const BatchMatMulOpData& d = call.data<BatchMatMulOpData>();
  T* output = static_cast<T*>(call.output(0));
  for_each_product<T, Acc>(d, static_cast<const T*>(call.input(0)),
                           static_cast<const T*>(call.input(1)), [&d, output](int32_t i, Acc acc) {
                             const int32_t v = requantize(acc, d) + d.output_offset;
                             output[i] = static_cast<T>(clamp_i32(v, d.act_min, d.act_max));
                           });
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<BatchMatMulOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const DataType type = ctx.input(0).type;
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(1), "rhs", type));
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.output(0), "output", type));
  STRATA_RETURN_IF_ERROR(analyze_shapes(ctx, d.get()));
  switch (type) {
    case DataType::kFloat32:
      req->variant = Variant::kFloat32;
      return Status::Ok();
    case DataType::kInt8:
      req->variant = Variant::kInt8;
      return analyze_quantization(ctx, d.get());
    case DataType::kInt16:
      req->variant = Variant::kInt16;
      return analyze_quantization(ctx, d.get());
    default:
      return OpError(ctx, StatusCode::kUnsupported, "lhs type %s is not supported",
                     DataTypeName(type));
  }
}

void invoke_float32(const OpCall& call) {
  float* output = static_cast<float*>(call.output(0));
  for_each_product<float, float>(
      call.data<BatchMatMulOpData>(), static_cast<const float*>(call.input(0)),
      static_cast<const float*>(call.input(1)), [output](int32_t i, float v) { output[i] = v; });
}

void invoke_int8(const OpCall& call) { invoke_quantized<int8_t, int32_t>(call); }

void invoke_int16(const OpCall& call) { invoke_quantized<int16_t, int64_t>(call); }

}  // namespace batch_matmul
}  // namespace reference
}  // namespace kernels
}  // namespace strata
