// File: checks/controls/os_family.cc

#include "checks/controls/os_family.h"

#include <string_view>

#include "checks/concat.h"
#include "checks/text_quote.h"

namespace checks {
namespace {

constexpr std::string_view kLinux = "LINUX";
constexpr std::string_view kWindowsPrefix = "WINDOWS_";

}  // namespace

std::optional<Outcome> OsFamilyOutcome(const TaskDefinition& definition, OsFamily family) {
  if (auto outcome = DocumentOutcome(definition, "which user each container runs as")) {
    return outcome;
  }
  const NamespaceMode& os = definition.os_family;
  Outcome outcome;
  switch (os.value.state) {
    case Text::State::kNull:
      return family == OsFamily::kLinux ? std::nullopt : std::optional<Outcome>(Outcome::Pass());
    case Text::State::kUnknown:
      return Outcome::Unknown();
    case Text::State::kMalformed:
      outcome.Fail({.place = os.place,
                    .message = Concat(os.place.attribute, " cannot be read (", os.value.value,
                                      "), so the user rules for Linux and Windows cannot be "
                                      "chosen."),
                    .invalid_value = true});
      return outcome;
    case Text::State::kKnown:
      break;
  }
  if (os.ambiguous) {
    outcome.Fail({.place = os.place,
                  .message = Concat(os.place.attribute,
                                    " is given more than once with different values, so the "
                                    "user rules for Linux and Windows cannot be chosen; give it "
                                    "once."),
                  .invalid_value = true});
    return outcome;
  }
  const std::string& value = os.value.value;
  const bool linux = value.empty() || value == kLinux;
  const bool windows = value.rfind(kWindowsPrefix, 0) == 0;
  if (linux || windows) {
    const bool applies = family == OsFamily::kLinux ? linux : windows;
    return applies ? std::nullopt : std::optional<Outcome>(Outcome::Pass());
  }
  // Fail closed: neither rule can be chosen. Only a case or white-space
  // variant of LINUX is quoted; anything else may be a secret.
  const std::string_view known[] = {kLinux};
  outcome.Fail({.place = os.place,
                .message = Concat(os.place.attribute, " is ",
                                  IsNearKnownValue(value, known)
                                      ? Quote(value)
                                      : Concat("not an OS family ECS knows (",
                                               CountCharacters(value), " characters)"),
                                  ", so the user rules for Linux and Windows cannot be chosen. "
                                  "Use LINUX or a WINDOWS_ family (case-sensitive)."),
                .invalid_value = true});
  return outcome;
}

}  // namespace checks
