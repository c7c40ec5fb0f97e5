// File: checks/controls/misplaced_namespace_key.cc
//
// ecs_container_definitions_misplaced_namespace_key: pidMode and ipcMode are
// task-level settings; ECS ignores them inside a container definition, so an
// author who writes them there believes a namespace is set (or unset) when it
// is not.

#include "checks/concat.h"
#include "checks/controls/check.h"

namespace checks {

Outcome CheckMisplacedNamespaceKey(const TaskDefinition& definition) {
  if (auto outcome = DocumentOutcome(definition, "the absence of ignored namespace keys")) {
    return *outcome;
  }
  const ContainerList& containers = definition.containers;
  const bool document = definition.form == TaskDefinition::Form::kDocument;
  Outcome outcome;
  switch (containers.state) {
    case Text::State::kNull:
      return Outcome::Pass();
    case Text::State::kUnknown:
      return Outcome::Unknown();
    case Text::State::kMalformed:
      // Fail closed: keys ECS ignores cannot be ruled out in a list that
      // cannot be read. (Unreadable JSON is also an input problem, reported
      // even when this control is off; see InputProblems.)
      outcome.Fail({.place = containers.problem->place,
                    .message = Concat(containers.problem->message,
                                      " So namespace keys that ECS ignores cannot be ruled out."),
                    .unverifiable = true});
      return outcome;
    case Text::State::kKnown:
      break;
  }
  for (const MisplacedKey& key : containers.misplaced_keys) {
    const bool pid = key.key == "pidMode";
    const std::string_view task_level =
        document ? std::string_view(key.key) : (pid ? "pid_mode" : "ipc_mode");
    outcome.Fail(
        {key.place, Concat(key.place.attribute, " is ", key.value, ", but ECS ignores ", key.key,
                           " inside a container definition. The ", pid ? "PID" : "IPC",
                           " namespace is set only by the "
                           "task-level ",
                           task_level, ", so this setting has no effect.")});
  }
  return outcome;
}

}  // namespace checks
