// The model view (`1` / `CMD=1`): every operator with its input and output shapes, type and MACs,
// the graph's inputs and outputs, the subgraphs (models with control flow), the variable tensors
// (stateful models) and where they live, the arena the device really used next to the planner's
// lower bound, and the model's size. Followed by machine-readable lines with stable fields:
//   @model name= file= bytes= kernels= ops= macs=
//   @op index= op= input= output= type= macs= subgraph=
//   @tensor kind=input|output index= type= shape= scale= zero_point=
//   @subgraph index= ops= first_op=        (models with several subgraphs: one per subgraph)
//   @variable index= type= shape= bytes= offset= part=persistent   (one per variable tensor)
//   @state variables= bytes= reset=every_invoke                    (models with variable tensors)
//   @arena used= lower_bound= persistent= activations= scratch= reserved= prepare_only=
//                                used = persistent + activations + prepare_only (Prepare's planning
//                                tables beyond the activations; 0 but for tiny models)
//   @prepare count= unit=        what the startup's Prepare (checking the build-time plan) took
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "strata/tensor.hpp"
#include "strata_models/model_session.hpp"

namespace app {
namespace report {

// `session` must be prepared.
void model_view(const strata_models::ModelSession& session);

// The model's variable tensors (state kept across Invokes; 0 for a stateless model).
uint32_t count_variables(const strata::Model& model);

// "1x28x28x1" (or "scalar") into buf; returns buf.
const char* format_shape(const strata::TensorView& tensor, char* buf, size_t cap);

}  // namespace report
}  // namespace app
