// The rows of the bad-input table as make_inputs.py writes them into manifest.tsv: one case per
// line, with the input already turned into a file beside the manifest.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bad_input {

struct Case {
  std::string id;
  std::string kind;     // model | shell | link
  std::string file;     // input file, relative to the manifest's folder
  uint32_t arena = 0;   // model rows: arena bytes for the interpreter
  std::string status;   // expected status name
  std::string message;  // expected message text (may hold <n>); empty: not checked
  bool firmware = false;
};

// Reads `path`; false with *error set when it cannot be read or a line is malformed.
bool ReadManifest(const std::string& path, std::vector<Case>* cases, std::string* error);

// The whole content of a file as bytes; false when it cannot be read.
bool ReadFile(const std::string& path, std::vector<uint8_t>* bytes);

}  // namespace bad_input
