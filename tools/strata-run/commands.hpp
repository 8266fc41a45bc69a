// The three strata-run commands. Each returns the process exit code (0 ok, 1 runtime failure).
#pragma once

#include "options.hpp"
#include "strata_models/model_session.hpp"

namespace strata_run {

// The one model-session type of the firmware and the host tools (models/gen/support).
using ModelSession = strata_models::ModelSession;

int RunCommand(const Options& options, ModelSession& session);
int InspectCommand(const Options& options, ModelSession& session);
int PlanCommand(const Options& options, ModelSession& session);

// Prints "strata-run: <code>: <message>" to stderr and returns 1.
int Fail(const strata::Status& status);

}  // namespace strata_run
