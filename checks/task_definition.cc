// File: checks/task_definition.cc
//
// The argument form: values come from the aws_ecs_task_definition arguments,
// container_definitions is a JSON string.

#include "checks/task_definition.h"

#include <algorithm>
#include <string>
#include <utility>

#include "checks/container_list_reader.h"
#include "checks/json_scan.h"
#include "checks/read_problem.h"

namespace checks {
namespace {

// `name` is a string literal (see Place).
Place ArgumentPlace(std::string_view name) { return Place{name, std::string(name)}; }

// Stops nothing: the reader records shape errors and the scan checks syntax.
class ContainerDefinitionsVisitor final : public JsonVisitor {
 public:
  explicit ContainerDefinitionsVisitor(ContainerList& list)
      : reader_(list, /*null_is_absent=*/false) {}
  absl::Status OnValue(std::span<const JsonFrame> path, JsonKind kind,
                       std::string_view string_value) override {
    reader_.OnValue(path, kind, string_value);
    return absl::OkStatus();
  }
  const ContainerListReader& reader() const { return reader_; }

 private:
  ContainerListReader reader_;
};

}  // namespace

bool TaskDefinition::RequiresFargate() const {
  return requires_compatibilities.state == TextSet::State::kKnown &&
         std::find(requires_compatibilities.values.begin(), requires_compatibilities.values.end(),
                   "FARGATE") != requires_compatibilities.values.end();
}

void ReadContainerDefinitions(std::string_view json, ContainerList& list) {
  ContainerDefinitionsVisitor visitor(list);
  absl::Status status = ScanJson(json, visitor);
  if (status.ok()) return;
  // Invalid JSON outranks a shape error found before the syntax error.
  list.state = Text::State::kMalformed;
  list.misplaced_keys.clear();
  list.problem = ScanProblem(list.place, status, visitor.reader().CurrentContainer());
}

TaskDefinition ReadTaskDefinition(const Input& input) {
  TaskDefinition definition;
  if (input.task_definition_json.state != Text::State::kNull) {
    definition.form = TaskDefinition::Form::kDocument;
    const Place place = ArgumentPlace("task_definition_json");
    definition.pid_mode.place = definition.ipc_mode.place = place;
    definition.network_mode.place = definition.os_family.place = place;
    definition.containers.place = place;
    definition.document_state = input.task_definition_json.state;
    if (input.task_definition_json.state == Text::State::kMalformed) {
      definition.document_problem = NotAString(place, input.task_definition_json.value);
    } else if (input.task_definition_json.state == Text::State::kKnown) {
      ReadTaskDefinitionDocument(input.task_definition_json.value, definition);
    }
    return definition;
  }

  definition.pid_mode = {ArgumentPlace("pid_mode"), input.pid_mode, false};
  definition.ipc_mode = {ArgumentPlace("ipc_mode"), input.ipc_mode, false};
  definition.network_mode = {ArgumentPlace("network_mode"), input.network_mode, false};
  definition.os_family = {{"runtime_platform", "runtime_platform[0].operating_system_family"},
                          input.operating_system_family,
                          false};
  definition.requires_compatibilities = input.requires_compatibilities;
  ContainerList& containers = definition.containers;
  containers.place = ArgumentPlace("container_definitions");
  containers.state = input.container_definitions.state;
  if (input.container_definitions.state == Text::State::kMalformed) {
    containers.problem = NotAString(containers.place, input.container_definitions.value);
  } else if (input.container_definitions.state == Text::State::kKnown) {
    ReadContainerDefinitions(input.container_definitions.value, containers);
  }
  return definition;
}

}  // namespace checks
