// What the inference commands print: the per-layer table, outputs, results and bench statistics
// (the model view is model_view.hpp). Every human-readable block is followed by
// `@<record> key=value…` lines with stable fields for host tools (tests/firmware/models, the
// bench tool):
//   @layer index= op= count= unit= share= ran=0|1 subgraph= [us=]  (us where the unit is cycles)
//   @total count= unit= macs= [us=]
//   @output index= values=v0,v1,… crc=      (at most 16 values; crc: CRC-32 of all its bytes)
//   @result sample= name= top= score= label=                    (classifiers: output with > 1
//   value)
//   @result sample= name= x= value= [expected=]                 (regressors: one output value)
//   @bench phase=populate|invoke|respond runs= unit= min= avg= max=
//   @bench_outputs runs= same= crc=      (same: runs whose outputs equal the first run's)
#pragma once

#include <stdint.h>

#include "commands/run_stats.hpp"
#include "strata_models/layer_profile.hpp"
#include "strata_models/model_session.hpp"

namespace app {
namespace report {

void sample_header(const strata_models::ModelSession& session, uint32_t sample);
void layer_table(const strata_models::ModelSession& session,
                 const strata_models::LayerProfile& profile);
void total(const strata_models::ModelSession& session, const strata_models::LayerProfile& profile);
void outputs(const strata_models::ModelSession& session);
// Prints the human result line and the @result line of format_response().
void result(const strata_models::ModelSession& session, uint32_t sample);
// Builds the @result line (top class or value) into an internal buffer and returns it: the
// "respond" step the bench command times.
const char* format_response(const strata_models::ModelSession& session, uint32_t sample);
void bench(const strata_models::ModelSession& session, const RunStats& populate,
           const RunStats& invoke, const RunStats& respond);
// After the bench statistics: whether every run gave the first run's outputs (crc: CRC-32 of
// them), then the last run's @result line.
void bench_outputs(unsigned long runs, unsigned long same, uint32_t crc, const char* response);
// Inputs `first`, `first` + 1, ... all zero bytes (inputs without a sample).
void zero_inputs(strata_models::ModelSession& session, uint32_t first);

}  // namespace report
}  // namespace app
