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
  printf("@op index=%lu op=%s input=%s output=%s type=%s macs=%llu subgraph=%lu\r\n",
         static_cast<ul>(i), strata::OpName(m.op_code(i)), format_shape(input, in, sizeof(in)),
         format_shape(output, out, sizeof(out)), strata::DataTypeName(output.type), macs,
         static_cast<ul>(m.op_subgraph(i)));
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

// The variable tensors (state kept from one Invoke to the next) and where each lives: the
// interpreter places them in the persistent part of the arena, which the planner never reuses.
void print_variables(const strata_models::ModelSession& session) {
  const strata::Model& m = session.model();
  const strata::Interpreter& interp = session.interpreter();
  uint32_t count = 0;
  ul bytes = 0;
  for (uint32_t t = 0; t < m.num_tensors(); ++t) {
    const int32_t index = static_cast<int32_t>(t);
    if (!m.tensor_is_variable(index)) continue;
    const strata::TensorView v = m.tensor(index);
    char shape[40];
    format_shape(v, shape, sizeof(shape));
    const long offset = static_cast<long>(interp.tensor_arena_offset(index));
    printf("variable %lu: %s %s %s, %'lu bytes at arena offset %ld (persistent)\r\n",
           static_cast<ul>(t), v.name, strata::DataTypeName(v.type), shape,
           static_cast<ul>(m.tensor_bytes(index)), offset);
    printf("@variable index=%lu type=%s shape=%s bytes=%lu offset=%ld part=persistent\r\n",
           static_cast<ul>(t), strata::DataTypeName(v.type), shape,
           static_cast<ul>(m.tensor_bytes(index)), offset);
    ++count;
    bytes += m.tensor_bytes(index);
  }
  if (count == 0) return;
  printf(
      "state:  %lu variable tensors, %'lu bytes; `2`, `run` and `bench` reset them before every "
      "Invoke, so the same input gives the same output\r\n",
      static_cast<ul>(count), bytes);
  printf("@state variables=%lu bytes=%lu reset=every_invoke\r\n", static_cast<ul>(count), bytes);
}

// Listed only for models with control flow (IF, WHILE, CALL_ONCE): subgraph 0 is the model.
void print_subgraphs(const strata::Model& m) {
  if (m.num_subgraphs() < 2) return;
  for (uint32_t s = 0; s < m.num_subgraphs(); ++s) {
    const ul first = m.subgraph_first_op(s);
    const ul ops = m.subgraph_num_ops(s);
    printf("subgraph %lu: %lu ops (#%lu..%lu)%s\r\n", static_cast<ul>(s), ops, first,
           ops > 0 ? first + ops - 1 : first, s == 0 ? ", the model" : ", run by control flow");
    printf("@subgraph index=%lu ops=%lu first_op=%lu\r\n", static_cast<ul>(s), ops, first);
  }
}

void print_arena(const strata_models::ModelSession& session) {
  const strata::ArenaUsage& u = session.interpreter().arena_usage();
  // The same split as the @arena record and the generator's figures: used = persistent +
  // activations + what only Prepare needs: its planning tables, which outgrow the activations of
  // a tiny model (e.g. models/lstm-int8) and are free once it returns.
  const ul placed = static_cast<ul>(u.persistent_bytes) + static_cast<ul>(u.activation_bytes);
  const ul prepare_only = u.total_bytes > placed ? static_cast<ul>(u.total_bytes) - placed : 0;
  printf("arena:  %'lu bytes used (persistent %'lu + activations %'lu",
         static_cast<ul>(u.total_bytes), static_cast<ul>(u.persistent_bytes),
         static_cast<ul>(u.activation_bytes));
  if (prepare_only > 0) printf(" + %'lu only Prepare uses", prepare_only);
  printf(", largest scratch %'lu), lower bound %'lu; %'lu reserved\r\n",
         static_cast<ul>(u.scratch_bytes), static_cast<ul>(u.lower_bound),
         static_cast<ul>(session.arena_bytes()));
  printf(
      "@arena used=%lu lower_bound=%lu persistent=%lu activations=%lu scratch=%lu "
      "reserved=%lu prepare_only=%lu\r\n",
      static_cast<ul>(u.total_bytes), static_cast<ul>(u.lower_bound),
      static_cast<ul>(u.persistent_bytes), static_cast<ul>(u.activation_bytes),
      static_cast<ul>(u.scratch_bytes), static_cast<ul>(session.arena_bytes()), prepare_only);
}

}  // namespace

uint32_t count_variables(const strata::Model& model) {
  uint32_t count = 0;
  for (uint32_t t = 0; t < model.num_tensors(); ++t) {
    count += model.tensor_is_variable(static_cast<int32_t>(t)) ? 1 : 0;
  }
  return count;
}

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
  print_subgraphs(m);
  print_variables(session);
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
