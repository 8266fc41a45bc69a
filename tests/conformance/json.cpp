// Minimal JSON reader (see json.hpp). Recursive descent; \u escapes outside ASCII become '?'.
#include "json.hpp"

#include <cstdlib>

namespace conformance {

class JsonParser {
 public:
  explicit JsonParser(const std::string& text) : s_(text) {}

  bool Run(Json* out, std::string* error) {
    const bool ok = Value(out) && (Skip(), pos_ == s_.size());
    if (!ok) *error = "JSON syntax error at byte " + std::to_string(pos_);
    return ok;
  }

 private:
  void Skip() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
      ++pos_;
  }
  bool Eat(char c) {
    Skip();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool Literal(const char* word) {
    const std::string w(word);
    if (s_.compare(pos_, w.size(), w) != 0) return false;
    pos_ += w.size();
    return true;
  }
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      char c = s_[pos_++];
      if (c == '\\' && pos_ < s_.size()) {
        const char e = s_[pos_++];
        switch (e) {
          case 'n':
            c = '\n';
            break;
          case 't':
            c = '\t';
            break;
          case 'r':
            c = '\r';
            break;
          case 'b':
            c = '\b';
            break;
          case 'f':
            c = '\f';
            break;
          case 'u': {
            if (pos_ + 4 > s_.size()) return false;
            const long v = std::strtol(s_.substr(pos_, 4).c_str(), nullptr, 16);
            pos_ += 4;
            c = v < 128 ? static_cast<char>(v) : '?';
            break;
          }
          default:
            c = e;  // \" \\ \/
        }
      }
      out->push_back(c);
    }
    return Eat('"');
  }
  bool Value(Json* v) {
    Skip();
    if (pos_ >= s_.size()) return false;
    const char c = s_[pos_];
    if (c == '{') return Object(v);
    if (c == '[') return Array(v);
    if (c == '"') {
      v->kind_ = Json::Kind::kString;
      return String(&v->string_);
    }
    if (Literal("true") || Literal("false")) {
      v->kind_ = Json::Kind::kBool;
      v->boolean_ = c == 't';
      return true;
    }
    if (Literal("null")) return true;
    char* end = nullptr;
    v->number_ = std::strtod(s_.c_str() + pos_, &end);
    if (end == s_.c_str() + pos_) return false;
    pos_ = static_cast<size_t>(end - s_.c_str());
    v->kind_ = Json::Kind::kNumber;
    return true;
  }
  bool Array(Json* v) {
    v->kind_ = Json::Kind::kArray;
    Eat('[');
    if (Eat(']')) return true;
    do {
      v->array_.emplace_back();
      if (!Value(&v->array_.back())) return false;
    } while (Eat(','));
    return Eat(']');
  }
  bool Object(Json* v) {
    v->kind_ = Json::Kind::kObject;
    Eat('{');
    if (Eat('}')) return true;
    do {
      std::string key;
      if (!String(&key) || !Eat(':') || !Value(&v->object_[key])) return false;
    } while (Eat(','));
    return Eat('}');
  }

  const std::string& s_;
  size_t pos_ = 0;
};

bool Json::Parse(const std::string& text, Json* out, std::string* error) {
  *out = Json();
  return JsonParser(text).Run(out, error);
}

const Json& Json::operator[](const std::string& key) const {
  static const Json kNull;
  const auto it = object_.find(key);
  return it == object_.end() ? kNull : it->second;
}

}  // namespace conformance
