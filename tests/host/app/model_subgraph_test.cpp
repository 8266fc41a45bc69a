// The app's model commands on the host with a model that has control flow: the op suite's WHILE
// case (int32 counter and vector, three subgraphs). The model view lists every subgraph with its
// ops, and the per-layer table of `2` has a row for every op, the ones inside the loop's subgraphs
// included, whose counts add up to the inference's total.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commands/model_instance.hpp"
#include "shell_capture.hpp"

namespace {

using shell_capture::records;
using shell_capture::run_commands;

// The unsigned number after `key=` in a record.
unsigned long long field(const std::string& record, const std::string& key) {
  const size_t at = record.find(" " + key + "=");
  EXPECT_NE(at, std::string::npos) << key << " in " << record;
  return at == std::string::npos ? 0 : std::stoull(record.substr(at + key.size() + 2));
}

TEST(ControlFlowModelShell, ModelViewListsEverySubgraph) {
  const std::string text = run_commands("1\n");  // loads the model on first use
  const strata::Model& model = app::instance::session().model();
  ASSERT_GE(model.num_subgraphs(), 3u) << "WHILE: the model, its condition and its body";
  const std::vector<std::string> subgraphs = records(text, "@subgraph");
  ASSERT_EQ(subgraphs.size(), model.num_subgraphs()) << text;
  unsigned long long ops = 0;
  for (uint32_t s = 0; s < subgraphs.size(); ++s) {
    EXPECT_EQ(field(subgraphs[s], "index"), s);
    EXPECT_EQ(field(subgraphs[s], "ops"), model.subgraph_num_ops(s));
    EXPECT_EQ(field(subgraphs[s], "first_op"), model.subgraph_first_op(s));
    ops += field(subgraphs[s], "ops");
  }
  EXPECT_EQ(records(text, "@op").size(), ops) << "one @op record per op of every subgraph";
}

TEST(ControlFlowModelShell, LayerTableCountsTheOpsInsideSubgraphs) {
  const std::string text = run_commands("2\n");
  const std::vector<std::string> layers = records(text, "@layer");
  const std::vector<std::string> total = records(text, "@total");
  ASSERT_EQ(total.size(), 1u) << text;
  ASSERT_EQ(layers.size(), app::instance::session().model().num_operators()) << text;
  unsigned long long sum = 0;
  bool ran_inside = false;
  for (const std::string& layer : layers) {
    sum += field(layer, "count");
    if (field(layer, "subgraph") > 0 && field(layer, "ran") == 1) {
      ran_inside = true;
      EXPECT_GT(field(layer, "count"), 0u) << layer;
    }
  }
  EXPECT_TRUE(ran_inside) << "the loop's ops ran and have their own rows\n" << text;
  EXPECT_EQ(sum, field(total[0], "count")) << "each op counted once, the WHILE without its body";
}

}  // namespace
