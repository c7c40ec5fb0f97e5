// File: checks/task_definition.h
//
// The task definition the controls look at, read from either input form:
// the aws_ecs_task_definition arguments (pid_mode, container_definitions, ...)
// or a task_definition_json document. Every setting carries the place it came
// from, so a finding can point at `pid_mode` or at
// `task_definition_json.containerDefinitions[0].pidMode`.

#ifndef COMPLIANCECHECK_CHECKS_TASK_DEFINITION_H_
#define COMPLIANCECHECK_CHECKS_TASK_DEFINITION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/container.h"
#include "checks/input.h"
#include "checks/place.h"

namespace checks {

// Why a value could not be read at all. `message` is a full sentence naming
// the place; it never quotes the value (it may be a secret).
struct ReadProblem {
  enum class Kind {
    kNotString,    // a value that is not a string where one belongs (functions)
    kInvalidJson,  // not valid JSON
    kWrongShape,   // valid JSON of the wrong shape (not an array, not a task definition)
    kTooLarge,     // more JSON text than the provider reads
    kTooDeep,      // nested deeper than the provider reads
  };
  Kind kind = Kind::kInvalidJson;
  Place place;
  std::string message;
};

// A task-level namespace mode (pidMode, ipcMode).
struct NamespaceMode {
  Place place;
  // kNull: absent or null. kMalformed: `value` names what it was ("a number").
  Text value;
  // Documents only: the key appears more than once with different values;
  // parsers disagree about which one wins, so the setting is ambiguous.
  bool ambiguous = false;
};

// The containers of the task, as far as the controls need them.
struct ContainerList {
  Place place;  // "container_definitions",
                // "task_definition_json.containerDefinitions"
  // kNull: no containers given. kUnknown: not known yet. kKnown: read, see
  // containers and misplaced_keys. kMalformed: could not be read, see problem.
  Text::State state = Text::State::kNull;
  std::vector<Container> containers;         // in document order
  std::vector<MisplacedKey> misplaced_keys;  // in document order
  std::optional<ReadProblem> problem;
};

struct TaskDefinition {
  enum class Form { kArguments, kDocument };
  Form form = Form::kArguments;

  // kDocument: the document as a whole. kUnknown: nothing can be decided.
  // kMalformed: it could not be read (see document_problem), so no control
  // can be verified. kArguments: always kKnown.
  Text::State document_state = Text::State::kKnown;
  std::optional<ReadProblem> document_problem;

  NamespaceMode pid_mode;
  NamespaceMode ipc_mode;
  NamespaceMode network_mode;
  // runtime_platform's operating_system_family (runtimePlatform.
  // operatingSystemFamily in a document); null means Linux, ECS's default.
  NamespaceMode os_family;
  // Only affects the wording of findings (the Fargate note), never a verdict.
  TextSet requires_compatibilities;
  ContainerList containers;

  // True when requires_compatibilities is known to contain "FARGATE".
  bool RequiresFargate() const;
};

// Reads the task definition from `input`. When task_definition_json is not
// null it is the source and the argument form is ignored (giving both is an
// input problem reported by ValidateInputForms). Never throws.
TaskDefinition ReadTaskDefinition(const Input& input);

// Reads the container_definitions argument (a JSON array of container
// objects) into `list`, whose place must be set.
void ReadContainerDefinitions(std::string_view json, ContainerList& list);

// Reads a task_definition_json document (with or without the taskDefinition
// wrapper) into `definition`; places are set here.
void ReadTaskDefinitionDocument(std::string_view json, TaskDefinition& definition);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_TASK_DEFINITION_H_
