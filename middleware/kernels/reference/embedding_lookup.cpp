// EMBEDDING_LOOKUP: output row i is row lookup[i] of the value table (input 1, rank >= 2; the
// int32 ids are input 0). Same-type rows are copied by size (`any`); int8 rows into a float32
// output are dequantized with the table's scale (`hybrid`, zero point 0 as TFLM requires). The
// ids are data: an id outside the table gives a zero row (TFLM fails the invoke).
#include <cstring>

#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace embedding_lookup {
namespace {

struct EmbeddingOpData {
  int32_t lookups;
  int32_t rows;
  uint32_t row_elements;
  uint32_t row_bytes;  // output bytes per row
  float scale;         // hybrid: the table's scale
  int32_t reserved;
};

// The row an id selects, or null when the id is outside the table.
const uint8_t* row_of(const EmbeddingOpData& d, const OpCall& call, int32_t id,
                      uint32_t table_row_bytes) {
  if (id < 0 || id >= d.rows) return nullptr;
  return static_cast<const uint8_t*>(call.input(1)) + static_cast<uint32_t>(id) * table_row_bytes;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  OpDataRef<EmbeddingOpData> d(req, op_data);
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 2, 2));
  const TensorView& ids = ctx.input(0);
  const TensorView& table = ctx.input(1);
  const TensorView& out = ctx.output(0);
  STRATA_RETURN_IF_ERROR(check_type(ctx, ids, "lookup", DataType::kInt32));
  bool same =
      ids.rank == 1 && table.rank >= 2 && out.rank == table.rank && out.dims[0] == ids.dims[0];
  for (int32_t i = 1; same && i < table.rank; ++i) same = out.dims[i] == table.dims[i];
  if (!same) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "needs 1-D ids, a table of rank >= 2 and an output [ids, table.shape[1:]]");
  }
  if (table.type == DataType::kInt8 && out.type == DataType::kFloat32) {
    if (table.num_quant == 0 || !(table.scale > 0.0f) || table.zero_point != 0) {
      return OpError(ctx, StatusCode::kMalformedModel,
                     "int8 table '%s' needs a scale and zero point 0", table.name);
    }
    req->variant = Variant::kHybrid;
    d->scale = table.scale;
  } else {
    STRATA_RETURN_IF_ERROR(check_type(ctx, out, "output", table.type));
    req->variant = Variant::kAny;
  }
  d->lookups = ids.dims[0];
  d->rows = table.dims[0];
  d->row_elements = table.dims[0] > 0 ? table.elements / static_cast<uint32_t>(table.dims[0]) : 0;
  d->row_bytes = d->row_elements * DataTypeSize(out.type);
  return Status::Ok();
}

void invoke_any(const OpCall& call) {
  const EmbeddingOpData& d = call.data<EmbeddingOpData>();
  const int32_t* ids = static_cast<const int32_t*>(call.input(0));
  uint8_t* out = static_cast<uint8_t*>(call.output(0));
  for (int32_t i = 0; i < d.lookups; ++i, out += d.row_bytes) {
    const uint8_t* row = row_of(d, call, ids[i], d.row_bytes);
    if (row != nullptr) {
      std::memcpy(out, row, d.row_bytes);
    } else {
      std::memset(out, 0, d.row_bytes);
    }
  }
}

void invoke_hybrid(const OpCall& call) {
  const EmbeddingOpData& d = call.data<EmbeddingOpData>();
  const int32_t* ids = static_cast<const int32_t*>(call.input(0));
  float* out = static_cast<float*>(call.output(0));
  for (int32_t i = 0; i < d.lookups; ++i, out += d.row_elements) {
    const uint8_t* row = row_of(d, call, ids[i], d.row_elements);
    if (row != nullptr) {
      const int8_t* q = reinterpret_cast<const int8_t*>(row);
      for (uint32_t j = 0; j < d.row_elements; ++j) out[j] = static_cast<float>(q[j]) * d.scale;
    } else {
      std::memset(out, 0, d.row_bytes);
    }
  }
}

}  // namespace embedding_lookup
}  // namespace reference
}  // namespace kernels
}  // namespace strata
