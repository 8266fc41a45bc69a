// ReadManifest, ReadFile (see manifest.hpp).
#include "manifest.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

namespace bad_input {

bool ReadManifest(const std::string& path, std::vector<Case>* cases, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path + " (build the bad_input_files target first)";
    return false;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::stringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
    if (fields.size() != 7) {
      *error = path + ":" + std::to_string(number) + ": expected 7 tab-separated fields";
      return false;
    }
    Case c;
    c.id = fields[0];
    c.kind = fields[1];
    c.file = fields[2];
    c.arena = static_cast<uint32_t>(std::stoul(fields[3]));
    c.status = fields[4];
    c.message = fields[5];
    c.firmware = fields[6] == "yes";
    cases->push_back(c);
  }
  return true;
}

bool ReadFile(const std::string& path, std::vector<uint8_t>* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace bad_input
