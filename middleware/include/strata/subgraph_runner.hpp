// What the operators that run other subgraphs (IF, WHILE, CALL_ONCE) call at invoke: the
// interpreter that prepared them. Their op data holds a pointer to it.
#pragma once

#include <stdint.h>

namespace strata {

class SubgraphRunner {
 public:
  // Runs subgraph s's operators once, in order.
  virtual void RunSubgraph(uint32_t subgraph) const = 0;
  // Makes the current Invoke fail with `message` (a string literal), e.g. a WHILE loop past its
  // iteration limit. The operators still to run in this Invoke run; Invoke then returns the error.
  virtual void FailInvoke(const char* message) const = 0;

 protected:
  ~SubgraphRunner() = default;
};

}  // namespace strata
