// File: checks/input_forms.cc
//
// Problems with the input's shape, reported whatever the control levels are:
// they are mistakes in the configuration, not compliance findings.

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "checks/concat.h"
#include "checks/evaluation.h"
#include "checks/task_definition.h"

namespace checks {
namespace {

bool IsSet(const Text& text) { return text.state != Text::State::kNull; }
bool IsSet(const TextSet& set) { return set.state != TextSet::State::kNull; }

std::string JoinWithAnd(const std::vector<std::string>& names) {
  if (names.size() <= 1) return names.empty() ? "" : names[0];
  return Concat(absl::StrJoin(names.begin(), names.end() - 1, ", "), " and ", names.back());
}

InputProblem InvalidContainerDefinitions(const ReadProblem& problem) {
  return InputProblem{
      .argument = "container_definitions",
      .summary = "Invalid container_definitions JSON",
      .detail = Concat(problem.message,
                       " Build it with jsonencode, e.g. jsonencode([{ name = \"app\", "
                       "image = \"nginx\" }])."),
  };
}

}  // namespace

std::vector<InputProblem> ValidateInputForms(const Input& input) {
  std::vector<InputProblem> problems;
  if (IsSet(input.task_definition_json)) {
    std::vector<std::string> conflicting;
    if (IsSet(input.pid_mode)) conflicting.push_back("pid_mode");
    if (IsSet(input.ipc_mode)) conflicting.push_back("ipc_mode");
    if (IsSet(input.network_mode)) conflicting.push_back("network_mode");
    if (IsSet(input.requires_compatibilities)) {
      conflicting.push_back("requires_compatibilities");
    }
    if (IsSet(input.container_definitions)) {
      conflicting.push_back("container_definitions");
    }
    if (!conflicting.empty()) {
      problems.push_back(InputProblem{
          .kind = InputProblem::Kind::kConflictingForms,
          .argument = "task_definition_json",
          .summary = "Conflicting task definition forms",
          .detail =
              Concat("task_definition_json cannot be combined with ", JoinWithAnd(conflicting),
                     ". Give either the task definition arguments or one "
                     "task_definition_json document, not both; family and "
                     "enforcement go with either. Only task_definition_json is "
                     "checked until this is fixed."),
      });
    }
  }

  // Invalid JSON is reported here as well as by the controls: a control that
  // cannot read its input fails closed, but when that control is off (or at
  // warning level) the broken JSON must still fail visibly, because the
  // other controls' verdicts and AWS itself depend on it.
  const TaskDefinition definition = ReadTaskDefinition(input);
  if (definition.form == TaskDefinition::Form::kDocument) {
    if (definition.document_problem.has_value() && definition.document_problem->invalid_json) {
      problems.push_back(InputProblem{
          .argument = "task_definition_json",
          .summary = "Invalid task_definition_json document",
          .detail = Concat(definition.document_problem->message,
                           " Give the output of aws ecs describe-task-definition or the "
                           "input of register-task-definition, as JSON."),
      });
    } else if (definition.containers.problem.has_value()) {
      problems.push_back(InputProblem{
          .argument = "task_definition_json",
          .summary = "Invalid task_definition_json document",
          .detail = Concat(definition.containers.problem->message,
                           " containerDefinitions must be an array of container "
                           "definition objects."),
      });
    }
  } else if (definition.containers.problem.has_value() &&
             definition.containers.problem->invalid_json) {
    problems.push_back(InvalidContainerDefinitions(*definition.containers.problem));
  }
  // Both forms given: the argument form's container JSON is not evaluated,
  // but a broken one is still worth naming.
  if (definition.form == TaskDefinition::Form::kDocument &&
      input.container_definitions.state == Text::State::kKnown) {
    ContainerList list;
    list.place = {"container_definitions", "container_definitions"};
    ReadContainerDefinitions(input.container_definitions.value, list);
    if (list.problem.has_value()) {
      problems.push_back(InvalidContainerDefinitions(*list.problem));
    }
  }
  return problems;
}

}  // namespace checks
