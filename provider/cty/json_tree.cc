// File: provider/cty/json_tree.cc

#include "provider/cty/json_tree.h"

#include <exception>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace cty::internal {
namespace {

// Builds a JsonNode tree from nlohmann's SAX events. The open containers
// live on an explicit stack, so no recursion depends on the input.
class TreeBuilder final : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return Add(JsonNode{}); }
  bool boolean(bool val) override {
    JsonNode n;
    n.kind = JsonNode::Kind::kBool;
    n.boolean = val;
    return Add(std::move(n));
  }
  bool number_integer(number_integer_t val) override { return AddNumber(std::to_string(val)); }
  bool number_unsigned(number_unsigned_t val) override { return AddNumber(std::to_string(val)); }
  bool number_float(number_float_t, const string_t& s) override { return AddNumber(s); }
  bool string(string_t& val) override {
    JsonNode n;
    n.kind = JsonNode::Kind::kString;
    n.text = std::move(val);
    return Add(std::move(n));
  }
  bool binary(binary_t&) override { return Fail("binary values are not JSON"); }
  bool start_object(std::size_t) override { return Open(JsonNode::Kind::kObject); }
  bool key(string_t& val) override {
    stack_.back().keys.push_back(std::move(val));
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(JsonNode::Kind::kArray); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    return Fail(absl::StrCat("invalid JSON at byte ", position, ": ", ShortReason(ex.what())));
  }

  bool done() const { return done_; }
  JsonNode& root() { return root_; }
  const std::string& error() const { return error_; }

 private:
  // nlohmann's what() is "[json.exception.parse_error.101] parse error at
  // line 1, column 5: syntax error while parsing value - invalid literal;
  // last read: 'tru'". Keeps the reason (after the first ": ") and drops
  // the position (the caller gives the byte) and the "last read" input,
  // which a message must never quote.
  static std::string ShortReason(std::string_view what) {
    const size_t colon = what.find(": ");
    if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
    const size_t last_read = what.find("; last read:");
    if (last_read != std::string_view::npos) what = what.substr(0, last_read);
    return std::string(what);
  }
  bool Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }
  bool Add(JsonNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      done_ = true;
    } else {
      stack_.back().items.push_back(std::move(node));
    }
    return true;
  }
  bool AddNumber(const std::string& text) {
    JsonNode n;
    n.kind = JsonNode::Kind::kNumber;
    n.text = text;
    return Add(std::move(n));
  }
  bool Open(JsonNode::Kind kind) {
    if (stack_.size() >= static_cast<size_t>(kMaxJsonDepth)) {
      return Fail(absl::StrCat("JSON nested deeper than ", kMaxJsonDepth, " levels"));
    }
    JsonNode n;
    n.kind = kind;
    stack_.push_back(std::move(n));
    return true;
  }
  bool Close() {
    JsonNode n = std::move(stack_.back());
    stack_.pop_back();
    return Add(std::move(n));
  }

  std::vector<JsonNode> stack_;
  JsonNode root_;
  bool done_ = false;
  std::string error_;
};

}  // namespace

const char* JsonNode::KindName() const {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "bool";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kArray:
      return "array";
    case Kind::kObject:
      return "object";
  }
  return "value";
}

absl::StatusOr<JsonNode> ParseJsonTree(std::string_view text) {
  TreeBuilder builder;
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text, &builder);
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("invalid JSON: ", e.what()));
  }
  if (!ok || !builder.done()) {
    return absl::InvalidArgumentError(builder.error().empty() ? "invalid JSON" : builder.error());
  }
  return std::move(builder.root());
}

}  // namespace cty::internal
