// A minimal JSON reader for the conformance harness (host only): enough for case.json files.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace conformance {

class Json {
 public:
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

  // Parses text; on error returns false and sets *error (with the byte offset).
  static bool Parse(const std::string& text, Json* out, std::string* error);

  Kind kind() const { return kind_; }
  bool is(Kind k) const { return kind_ == k; }
  double number() const { return number_; }
  bool boolean() const { return boolean_; }
  const std::string& str() const { return string_; }
  const std::vector<Json>& array() const { return array_; }
  bool has(const std::string& key) const { return object_.count(key) != 0; }
  // The member, or a null value when absent.
  const Json& operator[](const std::string& key) const;

 private:
  friend class JsonParser;
  Kind kind_ = Kind::kNull;
  double number_ = 0;
  bool boolean_ = false;
  std::string string_;
  std::vector<Json> array_;
  std::map<std::string, Json> object_;
};

}  // namespace conformance
