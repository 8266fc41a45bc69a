// RunCase / PrepareExact (see conformance_case.hpp).
#include "conformance_case.hpp"

#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>

#include "json.hpp"

namespace conformance {
namespace {

bool ReadFile(const std::string& path, std::vector<uint8_t>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

std::string TypeName(const std::string& json_type) {  // "INT8" -> "int8"
  std::string s;
  for (char c : json_type) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Shape(const strata::TensorView& t) {
  std::string s = "[";
  for (int32_t d = 0; d < t.rank; ++d) s += (d ? "," : "") + std::to_string(t.dims[d]);
  return s + "]";
}

// Checks that the runtime's tensor matches what case.json says about it.
void CheckSignature(const Json& spec, const strata::TensorView& t, const std::string& what,
                    CaseResult* r) {
  const std::string type = TypeName(spec["type"].str());
  if (type != strata::DataTypeName(t.type)) {
    r->failures.push_back(what + ": type " + strata::DataTypeName(t.type) + ", case says " + type);
  }
  std::string shape = "[";
  for (size_t d = 0; d < spec["shape"].array().size(); ++d) {
    shape +=
        (d ? "," : "") + std::to_string(static_cast<int64_t>(spec["shape"].array()[d].number()));
  }
  shape += "]";
  if (shape != Shape(t))
    r->failures.push_back(what + ": shape " + Shape(t) + ", case says " + shape);
}

template <typename T>
std::vector<double> Values(const void* data, uint32_t count) {
  std::vector<double> v(count);
  for (uint32_t i = 0; i < count; ++i) {
    T x;
    std::memcpy(&x, static_cast<const uint8_t*>(data) + i * sizeof(T), sizeof(T));
    v[i] = static_cast<double>(x);
  }
  return v;
}

std::vector<double> AsDoubles(const strata::TensorView& t, const void* data) {
  switch (t.type) {
    case strata::DataType::kFloat32:
      return Values<float>(data, t.elements);
    case strata::DataType::kInt8:
      return Values<int8_t>(data, t.elements);
    case strata::DataType::kUInt8:
      return Values<uint8_t>(data, t.elements);
    case strata::DataType::kInt16:
      return Values<int16_t>(data, t.elements);
    case strata::DataType::kInt32:
      return Values<int32_t>(data, t.elements);
    case strata::DataType::kUInt32:
      return Values<uint32_t>(data, t.elements);
    case strata::DataType::kInt64:
      return Values<int64_t>(data, t.elements);
    case strata::DataType::kBool:
      return Values<uint8_t>(data, t.elements);
    default:
      return {};
  }
}

void CompareOutput(const std::string& case_dir, const Json& spec, const strata::TensorView& t,
                   const std::string& what, CaseResult* r) {
  const std::vector<double> got = AsDoubles(t, t.data);
  if (!spec.has("file")) return;
  if (got.size() != t.elements) {
    r->failures.push_back(what + ": type " + strata::DataTypeName(t.type) + " cannot be compared");
    return;
  }
  std::vector<uint8_t> bytes;
  if (!ReadFile(case_dir + "/" + spec["file"].str(), &bytes) || bytes.size() != t.bytes) {
    r->failures.push_back(what + ": cannot read " + spec["file"].str() + " with " +
                          std::to_string(t.bytes) + " bytes");
    return;
  }
  const std::vector<double> expected = AsDoubles(t, bytes.data());
  const Json& cmp = spec["compare"];
  const bool exact = cmp["mode"].str() == "exact";
  const double atol = exact ? 0 : cmp["atol"].number();
  const double rtol = exact ? 0 : cmp["rtol"].number();
  double worst = 0;
  size_t bad = 0;
  const uint32_t elem = strata::DataTypeSize(t.type);
  for (size_t i = 0; i < got.size(); ++i) {
    const double diff = std::fabs(got[i] - expected[i]);
    worst = diff > worst ? diff : worst;
    if (exact) {  // bit for bit (doubles cannot hold every int64)
      bad += std::memcmp(static_cast<const uint8_t*>(t.data) + i * elem, bytes.data() + i * elem,
                         elem) != 0;
    } else if (diff > atol + rtol * std::fabs(expected[i]) || std::isnan(got[i])) {
      ++bad;
    }
  }
  std::ostringstream note;
  note << what << ": " << (exact ? "exact" : "close") << ", max |diff| " << worst << ", " << bad
       << " of " << got.size() << " elements off";
  (bad ? r->failures : r->notes).push_back(note.str());
}

void CheckTop1(const Json& spec, const strata::TensorView& t, CaseResult* r) {
  const std::vector<double> v = AsDoubles(t, t.data);
  size_t best = 0;
  for (size_t i = 1; i < v.size(); ++i) best = v[i] > v[best] ? i : best;
  const int64_t expected = static_cast<int64_t>(spec.number());
  const std::string line =
      "top-1 class " + std::to_string(best) + ", expected " + std::to_string(expected);
  (static_cast<int64_t>(best) == expected ? r->notes : r->failures).push_back(line);
}

}  // namespace

std::string CaseOp(const std::string& case_dir) {
  std::vector<uint8_t> text;
  Json spec;
  std::string error;
  if (!ReadFile(case_dir + "/case.json", &text) ||
      !Json::Parse(std::string(text.begin(), text.end()), &spec, &error) || !spec.has("op")) {
    return "";
  }
  return spec["op"].str();
}

strata::Status PrepareExact(const strata::Model& model, const strata::OpResolver& resolver,
                            std::vector<uint64_t>* arena, std::unique_ptr<strata::Interpreter>* out,
                            std::string* failure) {
  arena->assign(1, 0);
  auto probe = std::make_unique<strata::Interpreter>(model, resolver,
                                                     reinterpret_cast<uint8_t*>(arena->data()), 8);
  strata::Status s = probe->Prepare();
  uint32_t needed = probe->arena_usage().total_bytes;
  for (int attempt = 0; attempt < 3 && s.code() == strata::StatusCode::kArenaTooSmall; ++attempt) {
    arena->assign(needed / 8 + 1, 0);
    probe = std::make_unique<strata::Interpreter>(
        model, resolver, reinterpret_cast<uint8_t*>(arena->data()), needed);
    s = probe->Prepare();
    if (s.code() == strata::StatusCode::kArenaTooSmall) needed = probe->arena_usage().total_bytes;
  }
  if (!s.ok()) return s;
  const uint32_t exact = probe->arena_usage().total_bytes;
  auto smaller = std::make_unique<strata::Interpreter>(
      model, resolver, reinterpret_cast<uint8_t*>(arena->data()), exact - 8);
  const strata::Status s2 = smaller->Prepare();
  if (exact >= 8 && (s2.code() != strata::StatusCode::kArenaTooSmall ||
                     smaller->arena_usage().total_bytes != exact)) {
    *failure = "arena of " + std::to_string(exact - 8) + " bytes was not rejected as " +
               std::to_string(exact) + " needed: " + s2.message();
  }
  arena->assign(exact / 8, 0);
  *out = std::make_unique<strata::Interpreter>(model, resolver,
                                               reinterpret_cast<uint8_t*>(arena->data()), exact);
  return (*out)->Prepare();
}

CaseResult RunCase(const std::string& suite_dir, const std::string& case_dir,
                   const strata::OpResolver& resolver) {
  CaseResult r;
  std::vector<uint8_t> text;
  Json spec;
  std::string error;
  if (!ReadFile(case_dir + "/case.json", &text) ||
      !Json::Parse(std::string(text.begin(), text.end()), &spec, &error)) {
    r.failures.push_back("cannot read " + case_dir + "/case.json " + error);
    return r;
  }
  std::vector<uint8_t> file;
  if (!ReadFile(suite_dir + "/" + spec["model"].str(), &file)) {
    r.failures.push_back("cannot read model " + suite_dir + "/" + spec["model"].str());
    return r;
  }
  std::vector<uint64_t> model_bytes((file.size() + 7) / 8);  // 8-byte aligned copy
  std::memcpy(model_bytes.data(), file.data(), file.size());
  strata::Model model;
  strata::Status s = strata::Model::Load(model_bytes.data(), file.size(), &model);
  std::vector<uint64_t> arena;
  std::unique_ptr<strata::Interpreter> interp;
  std::string exact_failure;
  if (s.ok()) s = PrepareExact(model, resolver, &arena, &interp, &exact_failure);
  if (!s.ok()) {
    r.failures.push_back(std::string(strata::StatusCodeName(s.code())) + ": " + s.message());
    return r;
  }
  if (!exact_failure.empty()) r.failures.push_back(exact_failure);
  r.arena = interp->arena_usage();
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    r.kernels.push_back({strata::OpName(model.op_code(i)), interp->op_resolver_depth(i),
                         strata::VariantName(interp->op_variant(i))});
  }
  if (spec["reference"].has("tflm_arena_bytes")) {
    r.tflm_arena_bytes = static_cast<int64_t>(spec["reference"]["tflm_arena_bytes"].number());
  }
  const std::vector<Json>& inputs = spec["inputs"].array();
  if (inputs.size() != interp->num_inputs()) r.failures.push_back("input count differs");
  for (uint32_t k = 0; k < interp->num_inputs() && k < inputs.size(); ++k) {
    const strata::TensorView t = interp->input(k);
    CheckSignature(inputs[k], t, "input " + std::to_string(k), &r);
    std::vector<uint8_t> bytes;
    if (!ReadFile(case_dir + "/" + inputs[k]["file"].str(), &bytes) || bytes.size() != t.bytes) {
      r.failures.push_back("input " + std::to_string(k) + ": file missing or not " +
                           std::to_string(t.bytes) + " bytes");
      return r;
    }
    std::memcpy(t.data, bytes.data(), bytes.size());
  }
  s = interp->Invoke();
  if (!s.ok()) r.failures.push_back(std::string("invoke: ") + s.message());
  const std::vector<Json>& outputs = spec["outputs"].array();
  if (outputs.size() != interp->num_outputs()) r.failures.push_back("output count differs");
  for (uint32_t k = 0; k < interp->num_outputs() && k < outputs.size(); ++k) {
    const strata::TensorView t = interp->output(k);
    CheckSignature(outputs[k], t, "output " + std::to_string(k), &r);
    CompareOutput(case_dir, outputs[k], t, "output " + std::to_string(k), &r);
  }
  if (spec.has("expected_top1") && interp->num_outputs() > 0) {
    CheckTop1(spec["expected_top1"], interp->output(0), &r);
  }
  r.passed = r.failures.empty();
  return r;
}

}  // namespace conformance
