// File: checks/report_json.cc
//
// The report_json attribute: a stable document for CI tools. Keys are written
// in a fixed order so the text is deterministic and diffs stay small. The
// text is written directly (compact, as nlohmann-json's dump() wrote it
// before): building a document first cost more than the evaluation.

#include <string>
#include <string_view>

#include "checks/evaluation.h"
#include "checks/text_quote.h"

namespace checks {
namespace {

// Writes `"key":` and then the value, comma-separated inside one object or
// array.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  // `key` is one of this file's literals, which need no escaping.
  void Key(std::string_view key) {
    Separate();
    out_ += '"';
    out_ += key;
    out_ += "\":";
    after_key_ = true;
  }
  void String(std::string_view value) {
    Separate();
    AppendJsonString(out_, value);
  }
  // `name` is one of our enums' names ("fail", "error", "high"), which need
  // no escaping.
  void Name(std::string_view name) {
    Separate();
    out_ += '"';
    out_ += name;
    out_ += '"';
  }
  void Literal(std::string_view literal) {  // true, false, null
    Separate();
    out_ += literal;
  }
  void StringOrNull(bool is_string, std::string_view value) {
    if (is_string) {
      String(value);
    } else {
      Literal("null");
    }
  }
  void Open(char bracket) {
    Separate();
    out_ += bracket;
    first_ = true;
  }
  void Close(char bracket) {
    out_ += bracket;
    first_ = false;
  }

 private:
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
  }

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

std::size_t EstimateSize(const Evaluation& evaluation) {
  std::size_t size = 128 + 96 * evaluation.controls.size();
  for (const Finding& finding : evaluation.findings) {
    size += 256 + finding.title.size() + finding.attribute.size() + finding.message.size() +
            finding.remediation.size() + finding.waiver_reason.size();
    for (const std::string& reference : finding.references) size += reference.size() + 3;
  }
  return size;
}

}  // namespace

std::string ReportJson(const Evaluation& evaluation, const Text& family) {
  std::string out;
  out.reserve(EstimateSize(evaluation));
  Writer json(out);
  json.Open('{');
  json.Key("family");
  json.StringOrNull(family.state == Text::State::kKnown, family.value);
  json.Key("compliant");
  json.Literal(evaluation.compliant() ? "true" : "false");
  json.Key("controls");
  json.Open('[');
  for (const ControlResult& result : evaluation.controls) {
    json.Open('{');
    json.Key("id");
    json.String(result.control != nullptr ? std::string_view(result.control->id) : "");
    json.Key("status");
    json.Name(StatusName(result.status));
    json.Key("level");
    json.Name(LevelName(result.level));
    if (result.waiver.has_value()) {
      json.Key("reason");
      json.String(result.waiver->reason);
      json.Key("expires");
      json.StringOrNull(!result.waiver->expires.empty(), result.waiver->expires);
    }
    json.Close('}');
  }
  json.Close(']');
  json.Key("findings");
  json.Open('[');
  for (const Finding& finding : evaluation.findings) {
    json.Open('{');
    json.Key("control_id");
    json.String(finding.control_id);
    json.Key("title");
    json.String(finding.title);
    json.Key("severity");
    json.Name(SeverityName(finding.severity));
    json.Key("level");
    json.Name(LevelName(finding.level));
    json.Key("attribute");
    json.String(finding.attribute);
    json.Key("message");
    json.String(finding.message);
    json.Key("remediation");
    json.String(finding.remediation);
    json.Key("references");
    json.Open('[');
    for (const std::string& reference : finding.references) json.String(reference);
    json.Close(']');
    const bool waived = finding.level == Level::kWaived;
    json.Key("waiver_reason");
    json.StringOrNull(waived, finding.waiver_reason);
    json.Key("waiver_expires");
    json.StringOrNull(waived && !finding.waiver_expires.empty(), finding.waiver_expires);
    json.Close('}');
  }
  json.Close(']');
  json.Close('}');
  return out;
}

}  // namespace checks
