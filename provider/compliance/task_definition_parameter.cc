// File: provider/compliance/task_definition_parameter.cc

#include "provider/compliance/task_definition_parameter.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "provider/compliance/evaluate.h"
#include "provider/compliance/task_definition_input.h"

namespace compliance {
namespace {

constexpr char kExpected[] =
    "task_definition must be an object with aws_ecs_task_definition arguments (pid_mode, "
    "ipc_mode, container_definitions, ...)";

// "a string", "a tuple of 2 elements": what was given, never its value.
std::string Given(const cty::Value& value) {
  switch (value.type().kind()) {
    case cty::Kind::kString:
      return "a string";
    case cty::Kind::kNumber:
      return "a number";
    case cty::Kind::kBool:
      return "a bool";
    case cty::Kind::kList:
    case cty::Kind::kSet:
    case cty::Kind::kTuple: {
      const std::string kind = value.type().kind() == cty::Kind::kList  ? "list"
                               : value.type().kind() == cty::Kind::kSet ? "set"
                                                                        : "tuple";
      if (!value.is_known()) return absl::StrCat("a ", kind);
      const std::size_t n = value.Elements().size();
      return absl::StrCat("a ", kind, " of ", n, n == 1 ? " element" : " elements");
    }
    default:
      return "a value of another type";
  }
}

}  // namespace

tf::Parameter TaskDefinitionParameter() {
  tf::Parameter p;
  p.name = "task_definition";
  p.type = cty::Type::Dynamic();
  p.allow_null = false;
  p.allow_unknown = true;
  p.description =
      "An object or map with any of the data source's argument names (`pid_mode`, `ipc_mode`, "
      "`network_mode`, `requires_compatibilities`, `container_definitions`, "
      "`runtime_platform`, `task_definition_json`, `family`): for example `self` in a "
      "postcondition of "
      "`aws_ecs_task_definition`, the resource itself, or a literal object. Other attributes are "
      "ignored; values may be unknown. Anything else (a string, a list, the instances of a "
      "`count` or `for_each` resource) is an error: pass one instance, or use a `for` expression.";
  return p;
}

std::optional<std::string> TaskDefinitionShapeError(std::string_view function,
                                                    const cty::Value& value) {
  const std::string call = "provider::compliancecheck::" + std::string(function);
  if (value.is_unknown()) return std::nullopt;
  if (value.is_null()) return absl::StrCat(kExpected, ", but it is null.");
  switch (value.type().kind()) {
    case cty::Kind::kObject:
    case cty::Kind::kMap: {
      const auto& attributes = value.Attributes();
      const bool readable = std::any_of(attributes.begin(), attributes.end(), [](const auto& a) {
        return IsTaskDefinitionAttribute(a.first);
      });
      if (readable) return std::nullopt;
      return absl::StrCat(
          kExpected,
          ", but it has none of the attributes this function reads. A resource with "
          "for_each is a map of its instances: pass one, as aws_ecs_task_definition.x[\"key\"], "
          "or check each with a for expression, as [for td in values(aws_ecs_task_definition.x) : ",
          call, "(td)].");
    }
    case cty::Kind::kList:
    case cty::Kind::kSet:
    case cty::Kind::kTuple:
      return absl::StrCat(kExpected, ", but it is ", Given(value),
                          ". A resource with count is a list of its instances: pass one, as "
                          "aws_ecs_task_definition.x[0], or check each with a for expression, "
                          "as [for td in aws_ecs_task_definition.x : ",
                          call, "(td)].");
    default:
      return absl::StrCat(kExpected, ", but it is ", Given(value),
                          ". Pass the resource (aws_ecs_task_definition.x, or self in its "
                          "conditions) or a literal object, as ",
                          call, "({ pid_mode = var.pid_mode }).");
  }
}

checks::Evaluation EvaluateArgument(std::string_view function, const cty::Value& task_definition) {
  return EvaluateLogged(function, ReadTaskDefinitionInput(task_definition), checks::Settings{});
}

bool ResultIsPending(const checks::Evaluation& evaluation) {
  const bool something_fails =
      !evaluation.problems.empty() ||
      std::any_of(evaluation.controls.begin(), evaluation.controls.end(),
                  [](const checks::ControlResult& r) { return r.status == checks::Status::kFail; });
  return evaluation.has_unknown() && !something_fails;
}

}  // namespace compliance
