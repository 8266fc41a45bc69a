// The three strata-run commands. Each returns the process exit code (0 ok, 1 runtime failure).
#pragma once

#include "model_session.hpp"
#include "options.hpp"

namespace strata_run {

int RunCommand(const Options& options, ModelSession& session);
int InspectCommand(const Options& options, ModelSession& session);
int PlanCommand(const Options& options, ModelSession& session);

// Prints "strata-run: <code>: <message>" to stderr and returns 1.
int Fail(const strata::Status& status);

}  // namespace strata_run
