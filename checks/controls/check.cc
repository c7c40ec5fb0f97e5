// File: checks/controls/check.cc

#include "checks/controls/check.h"

#include "checks/concat.h"

namespace checks {

std::optional<Outcome> DocumentOutcome(const TaskDefinition& definition,
                                       std::string_view cannot_verify) {
  if (definition.form != TaskDefinition::Form::kDocument) return std::nullopt;
  switch (definition.document_state) {
    case Text::State::kUnknown:
      return Outcome::Unknown();
    case Text::State::kMalformed: {
      // Fail closed: an unreadable document proves nothing either way.
      Outcome outcome;
      outcome.Fail(Violation{.place = definition.document_problem->place,
                             .message = Concat(definition.document_problem->message, " So ",
                                               cannot_verify, " cannot be verified."),
                             .unverifiable = true});
      return outcome;
    }
    case Text::State::kNull:
    case Text::State::kKnown:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace checks
