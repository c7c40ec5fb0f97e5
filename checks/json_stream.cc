// File: checks/json_stream.cc

#include "checks/json_stream.h"

#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace checks {
namespace {

// nlohmann's exception text without its "[json.exception...]" tag, its own
// "parse error at line L, column C: " (ScanJson says where, with context),
// the grammar's context and
// the "last read: '...'" echo of the input, which may hold any bytes.
std::string Explain(const std::string& what) {
  std::string text = what;
  if (const size_t tag = text.find("] ");
      text.rfind("[json.exception.", 0) == 0 && tag != std::string::npos) {
    text.erase(0, tag + 2);
  }
  if (text.rfind("parse error", 0) == 0) {
    if (const size_t colon = text.find(": "); colon != std::string::npos) text.erase(0, colon + 2);
  }
  if (const size_t echo = text.find("; last read: '"); echo != std::string::npos) {
    const size_t expected = text.rfind("'; expected ");
    text.erase(echo, expected != std::string::npos && expected >= echo ? expected + 1 - echo
                                                                       : std::string::npos);
  }
  // "syntax error while parsing object separator - unexpected ...": the
  // grammar's name for the place adds nothing for a person; keep the rest.
  if (text.rfind("syntax error ", 0) == 0) {
    if (const size_t dash = text.find("- "); dash != std::string::npos) text.erase(0, dash + 2);
  }
  return text;
}

class Adapter final : public nlohmann::json_sax<nlohmann::json> {
 public:
  Adapter(JsonVisitor& visitor, const JsonLimits& limits) : visitor_(visitor), limits_(limits) {
    path_.reserve(8);
  }

  bool null() override { return Scalar(JsonKind::kNull); }
  bool boolean(bool value) override { return Scalar(JsonKind::kBoolean, value ? "true" : "false"); }
  bool number_integer(number_integer_t) override { return Scalar(JsonKind::kNumber); }
  bool number_unsigned(number_unsigned_t) override { return Scalar(JsonKind::kNumber); }
  bool number_float(number_float_t, const string_t&) override { return Scalar(JsonKind::kNumber); }
  bool string(string_t& value) override { return Scalar(JsonKind::kString, value); }
  bool binary(binary_t&) override { return Scalar(JsonKind::kString); }  // never in JSON text

  bool start_object(std::size_t) override { return Open(JsonKind::kObject, /*is_array=*/false); }
  bool key(string_t& key) override {
    path_.back().key = key;
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(JsonKind::kArray, /*is_array=*/true); }
  bool end_array() override { return Close(); }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    result_.kind = StreamResult::Kind::kSyntax;
    // `position` counts the characters read, the offending one included.
    result_.offset = position > 0 ? position - 1 : 0;
    result_.message = Explain(e.what());
    return false;
  }

  StreamResult Take() { return std::move(result_); }

 private:
  bool Visit(JsonKind kind, std::string_view value) {
    absl::Status status = visitor_.OnValue(path_, kind, value);
    if (status.ok()) return true;
    result_.kind = StreamResult::Kind::kStopped;
    result_.status = std::move(status);
    return false;
  }

  // A value is done: the enclosing array moves on to its next index.
  void Done() {
    if (!path_.empty() && path_.back().is_array) ++path_.back().index;
  }

  bool Scalar(JsonKind kind, std::string_view value = {}) {
    if (!Visit(kind, value)) return false;
    Done();
    return true;
  }

  bool Open(JsonKind kind, bool is_array) {
    if (path_.size() + 1 > limits_.max_depth) {
      result_.kind = StreamResult::Kind::kTooDeep;
      return false;
    }
    if (!Visit(kind, {})) return false;
    path_.push_back(JsonFrame{is_array, 0, {}});
    return true;
  }

  bool Close() {
    path_.pop_back();
    Done();
    return true;
  }

  JsonVisitor& visitor_;
  const JsonLimits& limits_;
  std::vector<JsonFrame> path_;
  StreamResult result_;
};

}  // namespace

StreamResult StreamJson(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    return StreamResult{StreamResult::Kind::kSyntax, 0, "a byte order mark is not allowed", {}};
  }
  // nlohmann reads a NUL byte as the end of the input and would ignore what
  // follows; JSON allows none anywhere (inside strings it must be escaped).
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return StreamResult{StreamResult::Kind::kSyntax, nul, "a NUL byte is not allowed", {}};
  }
  Adapter adapter(visitor, limits);
  const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &adapter);
  StreamResult result = adapter.Take();
  if (!ok && result.kind == StreamResult::Kind::kOk) {
    result.kind = StreamResult::Kind::kSyntax;  // nlohmann stopped without saying why
    result.message = "invalid JSON";
  }
  return result;
}

}  // namespace checks
