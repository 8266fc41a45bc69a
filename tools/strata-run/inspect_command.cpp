// strata-run --inspect MODEL: the graph (ops, tensors, shapes, types, quantization, MACs per op)
// and the planned arena.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "op_stats.hpp"
#include "strata/op_resolver.hpp"

namespace strata_run {
namespace {

std::string TensorList(const strata::Model& model, uint32_t op, bool outputs) {
  std::string s;
  const uint32_t n = outputs ? model.op_num_outputs(op) : model.op_num_inputs(op);
  for (uint32_t k = 0; k < n; ++k) {
    s += (k ? "," : "") + std::to_string(outputs ? model.op_output(op, k) : model.op_input(op, k));
  }
  return s;
}

std::string Placement(strata::Interpreter& interp, const strata::TensorView& t) {
  if (t.is_constant && interp.tensor_arena_offset(t.index) < 0) return "model";
  const int64_t offset = interp.tensor_arena_offset(t.index);
  if (offset < 0) return "unused";
  return (t.is_constant ? "folded@" : "arena@") + std::to_string(offset);
}

void PrintOps(strata::Interpreter& interp, const strata::Model& model) {
  uint64_t total_macs = 0;
  std::printf("operators (%u):\n", model.num_operators());
  std::printf("  %-4s %-20s %-3s %-16s %-10s %14s %s\n", "op", "name", "ver", "inputs", "outputs",
              "MACs", "");
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    const uint64_t macs = OpMacs(model, i);
    total_macs += macs;
    std::printf("  %-4u %-20s %-3d %-16s %-10s %14s %s\n", i, strata::OpName(model.op_code(i)),
                model.op_version(i), TensorList(model, i, false).c_str(),
                TensorList(model, i, true).c_str(), WithCommas(macs).c_str(),
                interp.op_is_invoked(i) ? "" : "(not invoked)");
  }
  std::printf("  total MACs: %s\n", WithCommas(total_macs).c_str());
}

void PrintTensors(strata::Interpreter& interp, const strata::Model& model) {
  std::printf("tensors (%u):\n", model.num_tensors());
  std::printf("  %-4s %-8s %-16s %10s %-14s %-40s %s\n", "id", "type", "shape", "bytes", "where",
              "quantization", "name");
  for (uint32_t t = 0; t < model.num_tensors(); ++t) {
    const strata::TensorView v = interp.tensor(static_cast<int32_t>(t));
    std::printf("  %-4u %-8s %-16s %10s %-14s %-40s %s\n", t, strata::DataTypeName(v.type),
                ShapeString(v).c_str(), WithCommas(v.bytes).c_str(), Placement(interp, v).c_str(),
                QuantString(v).c_str(), v.name);
  }
}

}  // namespace

int InspectCommand(const Options& options, ModelSession& session) {
  strata::Interpreter& interp = session.interpreter();
  const strata::Model& model = session.model();
  std::printf("model: %s (%s bytes), kernels: %s\n", options.model.c_str(),
              WithCommas(session.info().bytes).c_str(), options.kernels.c_str());
  for (uint32_t k = 0; k < interp.num_inputs(); ++k) {
    std::printf("input %u: tensor %d\n", k, model.input_tensor(k));
  }
  for (uint32_t k = 0; k < interp.num_outputs(); ++k) {
    std::printf("output %u: tensor %d\n", k, model.output_tensor(k));
  }
  PrintOps(interp, model);
  PrintTensors(interp, model);
  const strata::ArenaUsage& u = interp.arena_usage();
  std::printf("arena: %s bytes = persistent %s + activations %s (largest scratch %s)\n",
              WithCommas(u.total_bytes).c_str(), WithCommas(u.persistent_bytes).c_str(),
              WithCommas(u.activation_bytes).c_str(), WithCommas(u.scratch_bytes).c_str());
  std::printf(
      "lower bound: %s bytes (activations %s; %s without in-place ops); planning "
      "tables %s bytes\n",
      WithCommas(u.lower_bound).c_str(), WithCommas(u.activation_lower_bound).c_str(),
      WithCommas(u.tensor_lower_bound).c_str(), WithCommas(u.planner_bytes).c_str());
  return 0;
}

}  // namespace strata_run
