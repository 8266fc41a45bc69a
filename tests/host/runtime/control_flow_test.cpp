// Control flow and resource variables end to end, on op-suite models with the reference kernels:
// state that carries over between Invokes (a resource variable initialized by CALL_ONCE),
// ResetVariables() bringing back the first Invoke's answer, and a WHILE loop that never ends
// failing the Invoke at the iteration limit instead of hanging.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "reference/registry.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"
#include "tflite_generated.h"

namespace {

std::vector<uint8_t> ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

std::string Suite() { return STRATA_OPS_SUITE; }

// A model file in 8-byte aligned memory, prepared with the reference kernels.
struct Loaded {
  std::vector<uint64_t> words;
  size_t bytes = 0;
  strata::Model model;
  std::vector<uint64_t> arena = std::vector<uint64_t>(1 << 13);
  std::unique_ptr<strata::Interpreter> interp;

  explicit Loaded(const std::vector<uint8_t>& file)
      : words((file.size() + 7) / 8), bytes(file.size()) {
    std::memcpy(words.data(), file.data(), file.size());
  }
  strata::Status Prepare() {
    STRATA_RETURN_IF_ERROR(strata::Model::Load(words.data(), bytes, &model));
    interp = std::make_unique<strata::Interpreter>(model, strata::kernels::reference::registry(),
                                                   reinterpret_cast<uint8_t*>(arena.data()),
                                                   arena.size() * sizeof(uint64_t));
    return interp->Prepare();
  }
  std::vector<uint8_t> Run(const std::vector<uint8_t>& input, strata::Status* status) {
    std::memcpy(interp->input(0).data, input.data(), input.size());
    *status = interp->Invoke();
    const strata::TensorView out = interp->output(0);
    const uint8_t* p = static_cast<const uint8_t*>(out.data);
    return std::vector<uint8_t>(p, p + out.bytes);
  }
};

TEST(ResourceVariables, ValueCarriesOverAndResetStartsAgain) {
  // x + v -> out, then v = out; v starts at the init subgraph's value (CALL_ONCE).
  const std::string name = "call_once_int32_init_read_add_assign_3";
  Loaded m(ReadFile(Suite() + "/models/" + name + ".tflite"));
  ASSERT_TRUE(m.Prepare().ok());
  const std::vector<uint8_t> input = ReadFile(Suite() + "/cases/" + name + "/input0.bin");
  const std::vector<uint8_t> expected = ReadFile(Suite() + "/cases/" + name + "/expected0.bin");
  ASSERT_EQ(input.size(), 12u);
  strata::Status s;
  const std::vector<uint8_t> first = m.Run(input, &s);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(first, expected);
  const std::vector<uint8_t> second = m.Run(input, &s);
  int32_t x[3], a[3], b[3];
  std::memcpy(x, input.data(), 12);
  std::memcpy(a, first.data(), 12);
  std::memcpy(b, second.data(), 12);
  for (int k = 0; k < 3; ++k) EXPECT_EQ(b[k], a[k] + x[k]) << k;  // the variable held `first`
  m.interp->ResetVariables();
  EXPECT_EQ(m.Run(input, &s), first) << "after ResetVariables, CALL_ONCE initializes again";
}

TEST(While, LoopThatNeverEndsFailsTheInvoke) {
  // while i < n: i += 1; x = 2x - c. With n = INT32_MAX the loop would run 2^31 times: it stops at
  // the iteration limit (1,000,000 by default) and Invoke says so.
  const std::string name = "while_int32_4_n5";
  std::vector<uint8_t> file = ReadFile(Suite() + "/models/" + name + ".tflite");
  ASSERT_FALSE(file.empty());
  Loaded m(file);
  const tflite::Model* model = tflite::GetModel(m.words.data());
  const tflite::SubGraph* cond = model->subgraphs()->Get(1);
  const tflite::Tensor* n = nullptr;
  for (const tflite::Tensor* t : *cond->tensors()) {
    if (t->name()->str() == "n") n = t;
  }
  ASSERT_NE(n, nullptr);
  const flatbuffers::Vector<uint8_t>* data = model->buffers()->Get(n->buffer())->data();
  ASSERT_EQ(data->size(), 4u);
  const int32_t forever = INT32_MAX;
  std::memcpy(const_cast<uint8_t*>(data->Data()), &forever, 4);
  ASSERT_TRUE(m.Prepare().ok());
  std::vector<uint8_t> input(m.interp->input(0).bytes, 0);
  strata::Status s;
  m.Run(input, &s);
  EXPECT_EQ(s.code(), strata::StatusCode::kUnsupported);
  EXPECT_NE(std::string(s.message()).find("iteration limit"), std::string::npos) << s.message();
}

}  // namespace
