// The app's model commands on the host with the stateful lstm-int8 model (reference kernels): the
// model view lists its variable tensors in the persistent part of the arena, and every `2`, `run`
// and bench run starts from reset state, so the same sample gives the sample's expected output
// every time although the model carries state from one Invoke to the next.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commands/model_instance.hpp"
#include "shell_capture.hpp"
#include "strata_model.hpp"

namespace {

using shell_capture::records;
using shell_capture::run_commands;

namespace model = strata_models::built_in;

TEST(StatefulModelShell, ModelViewListsTheVariablesInThePersistentArena) {
  const std::string text = run_commands("1\n");
  const std::vector<std::string> variables = records(text, "@variable");
  ASSERT_EQ(variables.size(), 2u) << text;
  EXPECT_EQ(variables[0].rfind("@variable index=13 type=int8 shape=1x5 bytes=5 offset=", 0), 0u);
  EXPECT_EQ(variables[1].rfind("@variable index=14 type=int16 shape=1x5 bytes=10 offset=", 0), 0u);
  const strata::ArenaUsage& usage = app::instance::session().interpreter().arena_usage();
  for (const std::string& v : variables) {
    EXPECT_NE(v.find(" part=persistent"), std::string::npos) << v;
    const long offset = std::stol(v.substr(v.find("offset=") + 7));
    EXPECT_GE(offset, 0) << v;
    EXPECT_LT(offset, static_cast<long>(usage.persistent_bytes)) << v;
  }
  EXPECT_EQ(records(text, "@state"),
            std::vector<std::string>{"@state variables=2 bytes=15 reset=every_invoke"});
  EXPECT_TRUE(records(text, "@subgraph").empty()) << "one subgraph: none listed";
}

TEST(StatefulModelShell, EveryRunStartsFromResetState) {
  ASSERT_EQ(model::kInfo.num_samples, 2u);
  for (uint32_t k = 0; k < 2; ++k) {
    const std::string n = std::to_string(k);
    const std::string text = run_commands("2 " + n + "\nrun " + n + "\n2 " + n + "\n");
    const std::vector<std::string> outputs = records(text, "@output");
    ASSERT_EQ(outputs.size(), 3u) << text;
    EXPECT_EQ(outputs[1], outputs[0]);
    EXPECT_EQ(outputs[2], outputs[0]);
    // The last run's whole output is the sample's expected one (the host build's, from reset).
    const strata_models::SampleInfo& sample = model::kInfo.samples[k];
    const strata_models::ModelSession& session = app::instance::session();
    ASSERT_EQ(session.OutputElements(0), sample.num_expected);
    for (uint32_t i = 0; i < sample.num_expected; ++i) {
      EXPECT_NEAR(session.OutputValue(0, i), sample.expected[i], 1e-6) << sample.name << " " << i;
    }
  }
  const std::string text = run_commands("bench 4\n");
  EXPECT_EQ(records(text, "@bench_outputs")[0].rfind("@bench_outputs runs=4 same=4 crc=0x", 0), 0u)
      << text;
}

}  // namespace
