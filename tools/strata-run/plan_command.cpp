// strata-run --plan MODEL: one JSON line with the arena plan and the model's interface, read by
// the build-time code generator.
#include <cstdio>
#include <string>
#include <vector>

#include "backends.hpp"
#include "commands.hpp"
#include "op_stats.hpp"
#include "strata/op_resolver.hpp"

namespace strata_run {
namespace {

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.9g", v);
  return buf;
}

std::string Escape(const char* s) {
  std::string out;
  for (; *s; ++s) {
    const unsigned char c = static_cast<unsigned char>(*s);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string TensorJson(const strata::TensorView& t) {
  std::string s = "{\"name\":\"" + Escape(t.name) + "\",\"type\":\"" +
                  strata::DataTypeName(t.type) + "\",\"shape\":" + ShapeJson(t) +
                  ",\"bytes\":" + std::to_string(t.bytes);
  s += ",\"scale\":" + Number(t.scale) + ",\"zero_point\":" + std::to_string(t.zero_point) + "}";
  return s;
}

}  // namespace

int PlanCommand(const Options& options, ModelSession& session) {
  strata::Interpreter& interp = session.interpreter();
  const strata::Model& model = session.model();
  const strata::ArenaUsage& u = interp.arena_usage();
  // The firmware carries the plan (arena_bytes: what it needs with it); a model loaded at run time
  // plans itself (arena_bytes_planning_itself).
  std::string json = "{\"arena_bytes\":" + std::to_string(u.total_bytes_with_plan) +
                     ",\"arena_bytes_planning_itself\":" + std::to_string(u.total_bytes) +
                     ",\"lower_bound\":" + std::to_string(u.lower_bound) +
                     ",\"persistent_bytes\":" + std::to_string(u.persistent_bytes) +
                     ",\"activation_bytes\":" + std::to_string(u.activation_bytes) +
                     ",\"activation_lower_bound\":" + std::to_string(u.activation_lower_bound) +
                     ",\"scratch_bytes\":" + std::to_string(u.scratch_bytes) +
                     ",\"tensor_lower_bound\":" + std::to_string(u.tensor_lower_bound) +
                     ",\"planner_bytes\":" + std::to_string(u.planner_bytes);
  json += ",\"inputs\":[";
  for (uint32_t k = 0; k < interp.num_inputs(); ++k) {
    json += (k ? "," : "") + TensorJson(interp.input(k));
  }
  json += "],\"outputs\":[";
  for (uint32_t k = 0; k < interp.num_outputs(); ++k) {
    json += (k ? "," : "") + TensorJson(interp.output(k));
  }
  json += "],\"ops\":[";
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    json += std::string(i ? "," : "") + "\"" + strata::OpName(model.op_code(i)) + "\"";
  }
  json += "],\"kernels\":[";
  const std::vector<std::string> chain = BackendChain(options.kernels);
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    const uint32_t depth = interp.op_resolver_depth(i);
    json += std::string(i ? "," : "") + "{\"op\":\"" + strata::OpName(model.op_code(i)) +
            "\",\"backend\":\"" + (depth < chain.size() ? chain[depth] : "?") +
            "\",\"variant\":\"" + strata::VariantName(interp.op_variant(i)) + "\"}";
  }
  json += "],\"plan\":{\"activation_bytes\":" + std::to_string(u.activation_bytes) +
          ",\"activation_lower_bound\":" + std::to_string(u.activation_lower_bound) +
          ",\"tensor_lower_bound\":" + std::to_string(u.tensor_lower_bound) +
          ",\"tensor_offsets\":[";
  std::vector<uint32_t> tensor_offsets(model.num_tensors());
  std::vector<uint32_t> scratch_offsets(model.num_operators());
  interp.ExportPlan(tensor_offsets.data(), scratch_offsets.data());
  for (uint32_t t = 0; t < model.num_tensors(); ++t) {
    json += (t ? "," : "") + std::to_string(tensor_offsets[t]);
  }
  json += "],\"scratch_offsets\":[";
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    json += (i ? "," : "") + std::to_string(scratch_offsets[i]);
  }
  json += "]},\"macs\":[";
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    json += (i ? "," : "") + std::to_string(OpMacs(model, i));
  }
  json += "]}";
  std::printf("%s\n", json.c_str());
  return 0;
}

}  // namespace strata_run
