// File: checks/controls/container_rule.cc

#include "checks/controls/container_rule.h"

#include "checks/concat.h"

namespace checks {

Outcome CheckEachContainer(const TaskDefinition& definition, std::string_view cannot_verify,
                           const ContainerRule& rule) {
  if (auto outcome = DocumentOutcome(definition, cannot_verify)) return *outcome;
  const ContainerList& containers = definition.containers;
  Outcome outcome;
  switch (containers.state) {
    case Text::State::kNull:
      return Outcome::Pass();  // no containers, nothing to judge
    case Text::State::kUnknown:
      return Outcome::Unknown();
    case Text::State::kMalformed:
      // Fail closed: a list that cannot be read proves nothing. (It is also
      // an input problem, reported even when this control is off.)
      outcome.Fail({.place = containers.problem->place,
                    .message = Concat(containers.problem->message, " So ", cannot_verify,
                                      " cannot be verified."),
                    .unverifiable = true});
      return outcome;
    case Text::State::kKnown:
      break;
  }
  for (const Container& container : containers.containers) rule(container, outcome);
  return outcome;
}

Violation WrongKind(const ContainerKey& key, std::string_view expected) {
  return Violation{.place = key.place,
                   .message = Concat(key.place.attribute, " must be ", expected, ", but it is ",
                                     JsonKindName(key.kind),
                                     ". The AWS provider cannot decode it, so this control "
                                     "fails until it is fixed."),
                   .invalid_value = true};
}

}  // namespace checks
