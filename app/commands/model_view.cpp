// The model view (see model_view.hpp).
#include "commands/model_view.hpp"

#include "bsp/cycle_counter.hpp"
#include "console_out.hpp"
#include "strata/format.hpp"
#include "strata/op_resolver.hpp"

namespace app {
namespace report {
namespace {

using ull = unsigned long long;
using ul = unsigned long;

void print_op(const strata_models::ModelSession& session, uint32_t i) {
  const strata::Model& m = session.model();
  char in[40];
  char out[40];
  const strata::TensorView input = m.tensor(m.op_num_inputs(i) > 0 ? m.op_input(i, 0) : -1);
  const strata::TensorView output = m.tensor(m.op_num_outputs(i) > 0 ? m.op_output(i, 0) : -1);
  format_shape(input, in, sizeof(in));
  format_shape(output, out, sizeof(out));
  const char* type = strata::DataTypeName(output.type);
  const char* name = strata::OpName(m.op_code(i));
  const ull macs = i < session.info().num_ops ? session.info().op_macs[i] : 0;
  printf("%3lu  %-20s %-14s %-14s %-8s %'12llu\r\n", static_cast<ul>(i), name, in, out, type, macs);
}

void print_op_record(const strata_models::ModelSession& session, uint32_t i) {
  const strata::Model& m = session.model();
  char in[40];
  char out[40];
  const strata::TensorView input = m.tensor(m.op_num_inputs(i) > 0 ? m.op_input(i, 0) : -1);
  const strata::TensorView output = m.tensor(m.op_num_outputs(i) > 0 ? m.op_output(i, 0) : -1);
  const ull macs = i < session.info().num_ops ? session.info().op_macs[i] : 0;
  printf("@op index=%lu op=%s input=%s output=%s type=%s macs=%llu\r\n", static_cast<ul>(i),
         strata::OpName(m.op_code(i)), format_shape(input, in, sizeof(in)),
         format_shape(output, out, sizeof(out)), strata::DataTypeName(output.type), macs);
}

void print_tensor(const char* kind, uint32_t index, const strata::TensorView& t) {
  char shape[40];
  format_shape(t, shape, sizeof(shape));
  const float scale = t.num_quant > 0 ? t.scale : 0.0f;
  const long zero_point = t.num_quant > 0 ? t.zero_point : 0;
  if (t.num_quant > 0) {
    printf("%-6s %lu: %s %s %s, scale %.6f zero point %ld\r\n", kind, static_cast<ul>(index),
           t.name, strata::DataTypeName(t.type), shape, scale, zero_point);
  } else {
    printf("%-6s %lu: %s %s %s\r\n", kind, static_cast<ul>(index), t.name,
           strata::DataTypeName(t.type), shape);
  }
  printf("@tensor kind=%s index=%lu type=%s shape=%s scale=%.6f zero_point=%ld\r\n", kind,
         static_cast<ul>(index), strata::DataTypeName(t.type), shape, scale, zero_point);
}

void print_arena(const strata_models::ModelSession& session) {
  const strata::ArenaUsage& u = session.interpreter().arena_usage();
  // The same split as the @arena record and the generator's figures: used = persistent +
  // activations.
  printf(
      "arena:  %'lu bytes used (persistent %'lu + activations %'lu, largest scratch %'lu), "
      "lower bound %'lu; %'lu reserved\r\n",
      static_cast<ul>(u.total_bytes), static_cast<ul>(u.persistent_bytes),
      static_cast<ul>(u.activation_bytes), static_cast<ul>(u.scratch_bytes),
      static_cast<ul>(u.lower_bound), static_cast<ul>(session.arena_bytes()));
  printf(
      "@arena used=%lu lower_bound=%lu persistent=%lu activations=%lu scratch=%lu "
      "reserved=%lu\r\n",
      static_cast<ul>(u.total_bytes), static_cast<ul>(u.lower_bound),
      static_cast<ul>(u.persistent_bytes), static_cast<ul>(u.activation_bytes),
      static_cast<ul>(u.scratch_bytes), static_cast<ul>(session.arena_bytes()));
}

}  // namespace

const char* format_shape(const strata::TensorView& tensor, char* buf, size_t cap) {
  if (cap == 0) return buf;
  buf[0] = '\0';
  if (!tensor.present()) {
    strata::Format(buf, cap, "-");
    return buf;
  }
  if (tensor.rank == 0) {
    strata::Format(buf, cap, "scalar");
    return buf;
  }
  size_t used = 0;
  for (int32_t d = 0; d < tensor.rank && used < cap; ++d) {
    used += strata::Format(buf + used, cap - used, d == 0 ? "%ld" : "x%ld",
                           static_cast<long>(tensor.dims[d]));
  }
  return buf;
}

void model_view(const strata_models::ModelSession& session) {
  const strata_models::ModelInfo& info = session.info();
  const strata::Model& m = session.model();
  printf("model:  %s (%s), %'lu bytes, %s kernels\r\n", info.name, info.file,
         static_cast<ul>(info.bytes), info.kernels);
  printf("%3s  %-20s %-14s %-14s %-8s %12s\r\n", "#", "op", "input", "output", "type", "MACs");
  for (uint32_t i = 0; i < m.num_operators(); ++i) print_op(session, i);
  printf("total:  %lu ops, %'llu MACs\r\n", static_cast<ul>(m.num_operators()),
         static_cast<ull>(info.total_macs));
  const strata::Interpreter& interp = session.interpreter();
  for (uint32_t i = 0; i < interp.num_inputs(); ++i) print_tensor("input", i, interp.input(i));
  for (uint32_t i = 0; i < interp.num_outputs(); ++i) print_tensor("output", i, interp.output(i));
  print_arena(session);
  printf("prepare: %'llu %s (the build-time plan checked against the model)\r\n",
         static_cast<ull>(session.prepare_count()), bsp::cycle_counter::unit());
  printf("@prepare count=%llu unit=%s\r\n", static_cast<ull>(session.prepare_count()),
         bsp::cycle_counter::unit());
  printf("@model name=%s file=%s bytes=%lu kernels=%s ops=%lu macs=%llu\r\n", info.name, info.file,
         static_cast<ul>(info.bytes), info.kernels, static_cast<ul>(m.num_operators()),
         static_cast<ull>(info.total_macs));
  for (uint32_t i = 0; i < m.num_operators(); ++i) print_op_record(session, i);
}

}  // namespace report
}  // namespace app
