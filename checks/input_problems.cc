// File: checks/input_problems.cc
//
// Problems with the input's shape, reported whatever the control levels are:
// they are mistakes in the configuration, not compliance findings. Each
// summary says honestly what is wrong: a document too large to read is not
// "invalid JSON".

#include "checks/input_problems.h"

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_join.h"
#include "checks/concat.h"

namespace checks {
namespace {

// Given: known, or set to a value of the wrong kind. Null is not given, and
// neither is a value not known yet: it may still turn out null.
bool IsGiven(const Text& text) {
  return text.state == Text::State::kKnown || text.state == Text::State::kMalformed;
}
bool IsGiven(const TextSet& set) {
  return set.state == TextSet::State::kKnown || set.state == TextSet::State::kMalformed;
}

std::string JoinWithAnd(const std::vector<std::string>& names) {
  if (names.size() <= 1) return names.empty() ? "" : names[0];
  return Concat(absl::StrJoin(names.begin(), names.end() - 1, ", "), " and ", names.back());
}

// How to build the value right, by argument.
std::string_view Hint(std::string_view argument) {
  if (argument == "task_definition_json") {
    return " Give the output of aws ecs describe-task-definition or the input of "
           "register-task-definition, as JSON.";
  }
  return " Build it with jsonencode, e.g. jsonencode([{ name = \"app\", image = \"nginx\" }]).";
}

InputProblem Unreadable(const ReadProblem& problem) {
  const std::string_view argument = problem.place.argument;
  InputProblem out{.kind = InputProblem::Kind::kUnreadable,
                   .argument = std::string(argument),
                   .summary = {},
                   .detail = {}};
  const bool document = argument == "task_definition_json";
  switch (problem.kind) {
    case ReadProblem::Kind::kNotString:
      out.summary = Concat("Invalid ", argument);
      out.detail = Concat(problem.message, " Give a string, as on aws_ecs_task_definition.");
      break;
    case ReadProblem::Kind::kInvalidJson:
      out.summary = document ? "Invalid task_definition_json document"
                             : Concat("Invalid ", argument, " JSON");
      out.detail = Concat(problem.message, Hint(argument));
      break;
    case ReadProblem::Kind::kWrongShape:
      out.summary =
          document ? "Invalid task_definition_json document" : Concat("Invalid ", argument);
      out.detail = Concat(problem.message, Hint(argument));
      break;
    case ReadProblem::Kind::kTooLarge:
      out.summary = Concat(argument, " is too large to check");
      out.detail = Concat(problem.message,
                          " ECS accepts task definitions of at most 64 KiB, so this one would be "
                          "rejected at registration too. Check what is passed here: a whole file "
                          "or a repeated list may have been interpolated.");
      break;
    case ReadProblem::Kind::kTooDeep:
      out.summary = Concat(argument, " is nested too deeply to check");
      out.detail = Concat(problem.message,
                          " A task definition nests a few levels at most, so this is not one ECS "
                          "would accept. Check what is passed here.");
      break;
  }
  return out;
}

// Arguments that must be strings; the data source's schema guarantees it,
// a function's argument (any object) does not. Every control that reads one
// fails closed on it too, so a function reports it as a finding.
void AddNotAString(std::string_view name, const Text& text, std::vector<InputProblem>& problems) {
  if (text.state != Text::State::kMalformed) return;
  const std::string argument(name);
  problems.push_back(InputProblem{
      .kind = InputProblem::Kind::kUnreadable,
      .argument = argument,
      .summary = Concat("Invalid ", argument),
      .detail = Concat(argument, " must be a string, but it is ", text.value,
                       ". Give a string, as on aws_ecs_task_definition."),
  });
}

}  // namespace

std::vector<InputProblem> InputProblems(const Input& input, const TaskDefinition& definition) {
  std::vector<InputProblem> problems;
  const bool document = definition.form == TaskDefinition::Form::kDocument;
  if (IsGiven(input.task_definition_json)) {
    std::vector<std::string> conflicting;
    if (IsGiven(input.pid_mode)) conflicting.push_back("pid_mode");
    if (IsGiven(input.ipc_mode)) conflicting.push_back("ipc_mode");
    if (IsGiven(input.network_mode)) conflicting.push_back("network_mode");
    if (IsGiven(input.requires_compatibilities)) conflicting.push_back("requires_compatibilities");
    if (IsGiven(input.container_definitions)) conflicting.push_back("container_definitions");
    if (IsGiven(input.operating_system_family)) conflicting.push_back("runtime_platform");
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

  // Only what a control reads: family and requires_compatibilities only
  // word messages, so a value of the wrong kind there is simply not used.
  if (!document) {
    AddNotAString("pid_mode", input.pid_mode, problems);
    AddNotAString("ipc_mode", input.ipc_mode, problems);
    AddNotAString("network_mode", input.network_mode, problems);
    if (input.operating_system_family.state == Text::State::kMalformed) {
      problems.push_back(InputProblem{
          .kind = InputProblem::Kind::kUnreadable,
          .argument = "runtime_platform",
          .summary = "Invalid runtime_platform",
          .detail = Concat("runtime_platform's operating_system_family cannot be read: ",
                           input.operating_system_family.value,
                           ". Give one runtime_platform block (or a list of one object) with "
                           "operating_system_family as a string, as on "
                           "aws_ecs_task_definition."),
      });
    }
  }

  // Unreadable JSON is reported here as well as by the controls, which fail
  // closed on it: when those controls are off or at warning level, the
  // broken JSON must still fail visibly, because AWS itself depends on it.
  if (document) {
    if (definition.document_problem.has_value()) {
      problems.push_back(Unreadable(*definition.document_problem));
    } else if (definition.containers.problem.has_value()) {
      InputProblem problem = Unreadable(*definition.containers.problem);
      problem.detail = Concat(definition.containers.problem->message,
                              " containerDefinitions must be an array of container definition "
                              "objects.");
      problems.push_back(std::move(problem));
    }
    // Both forms given: the argument form's container JSON is not
    // evaluated, but a broken one is still worth naming.
    if (input.container_definitions.state == Text::State::kKnown) {
      ContainerList list;
      list.place = {"container_definitions", "container_definitions"};
      ReadContainerDefinitions(input.container_definitions.value, list);
      if (list.problem.has_value()) problems.push_back(Unreadable(*list.problem));
    }
  } else if (definition.containers.problem.has_value()) {
    problems.push_back(Unreadable(*definition.containers.problem));
  }
  return problems;
}

}  // namespace checks
