// File: checks/controls/misplaced_key.cc
//
// ecs_container_definitions_misplaced_namespace_key: a container object
// holds a key ECS ignores that its author meant as a setting. pidMode and
// ipcMode (in any spelling: PidMode, pid_mode) are task-level settings that
// ECS ignores inside a container, so the author believes a namespace is set
// or unset when it is not; a near miss of a key another control reads
// ("privilege" for privileged, "read_only_root_filesystem") is ignored by
// the AWS provider's decoder, so the setting the author meant is not made.

#include "checks/concat.h"
#include "checks/controls/check.h"

namespace checks {

Outcome CheckMisplacedKey(const TaskDefinition& definition) {
  if (auto outcome = DocumentOutcome(definition, "the absence of keys that ECS ignores")) {
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
                                      " So keys that ECS ignores cannot be ruled out."),
                    .unverifiable = true});
      return outcome;
    case Text::State::kKnown:
      break;
  }
  for (const MisplacedKey& key : containers.misplaced_keys) {
    if (key.namespace_mode) {
      const bool pid = key.meant == "pidMode";
      const std::string_view task_level =
          document ? std::string_view(key.meant) : (pid ? "pid_mode" : "ipc_mode");
      outcome.Fail(
          {.place = key.place,
           .message = Concat(key.place.attribute, " is ", key.value, ", but ECS ignores ", key.key,
                             " inside a container definition. The ", pid ? "PID" : "IPC",
                             " namespace is set only by the task-level ", task_level,
                             ", so this setting has no effect.")});
      continue;
    }
    outcome.Fail({.place = key.place,
                  .message = Concat(key.place.attribute, " is ", key.value,
                                    ", but the AWS provider reads no key of that name, so this "
                                    "setting has no effect. Did you mean ",
                                    key.meant, "?"),
                  .summary = "Container definition has a key that ECS ignores"});
  }
  return outcome;
}

}  // namespace checks
