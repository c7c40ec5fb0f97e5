// File: checks/controls/namespace_mode.cc

#include "checks/controls/namespace_mode.h"

#include <algorithm>
#include <string>

#include "checks/concat.h"
#include "checks/text_quote.h"

namespace checks {
namespace {

// "\"host\" and \"task\"", "\"host\", \"task\" and \"none\"".
std::string ValidValueList(const NamespaceRule& rule) {
  std::string out;
  for (std::size_t i = 0; i < rule.valid_values.size(); ++i) {
    if (i > 0) out += i + 1 == rule.valid_values.size() ? " and " : ", ";
    Append(out, "\"", rule.valid_values[i], "\"");
  }
  return out;
}

}  // namespace

Outcome CheckNamespaceMode(const TaskDefinition& definition, const NamespaceMode& mode,
                           const NamespaceRule& rule) {
  if (auto outcome = DocumentOutcome(definition, Concat("the task's ", rule.kind, " mode"))) {
    return *outcome;
  }
  const std::string& attribute = mode.place.attribute;
  Outcome outcome;
  switch (mode.value.state) {
    case Text::State::kNull:
      return Outcome::Pass();
    case Text::State::kUnknown:
      return Outcome::Unknown();
    case Text::State::kMalformed:
      outcome.Fail({mode.place,
                    Concat(attribute, " must be a string, but it is ", mode.value.value, "."),
                    /*invalid_value=*/true});
      return outcome;
    case Text::State::kKnown:
      break;
  }
  if (mode.ambiguous) {
    outcome.Fail({mode.place,
                  Concat(attribute,
                         " is given more than once with different "
                         "values. JSON readers disagree about which one "
                         "wins, so ECS may apply either; give it once."),
                  /*invalid_value=*/true});
    return outcome;
  }
  const std::string& value = mode.value.value;
  if (value == "host") {
    std::string message = Concat(attribute,
                                 " is \"host\": the containers of this task share the "
                                 "host's ",
                                 rule.namespace_name, ".");
    if (definition.RequiresFargate()) {
      Append(message, " Fargate rejects host ", rule.kind, " mode at registration anyway.");
    }
    outcome.Fail({mode.place, std::move(message)});
    return outcome;
  }
  if (value.empty() || std::find(rule.valid_values.begin(), rule.valid_values.end(), value) !=
                           rule.valid_values.end()) {
    return Outcome::Pass();
  }
  // Fail closed: an invalid value would be rejected or misread, and a near
  // miss ("HOST", " host") shows intent to share the host's namespace. Only
  // a near miss is quoted: anything else may be a secret.
  const std::string shown =
      IsNearKnownValue(value, rule.valid_values)
          ? Concat(attribute, " is ", Quote(value), ", which is not a valid ", rule.kind, " mode.")
          : Concat(attribute, " is not a valid ", rule.kind, " mode (", CountCharacters(value),
                   CountCharacters(value) == 1 ? " character)." : " characters).");
  outcome.Fail({mode.place,
                Concat(shown, " Valid values are ", ValidValueList(rule),
                       " (case-sensitive), so this control fails until the value is fixed."),
                /*invalid_value=*/true});
  return outcome;
}

}  // namespace checks
