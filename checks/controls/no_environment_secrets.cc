// File: checks/controls/no_environment_secrets.cc
//
// ecs_container_no_environment_secrets (AWS Security Hub ECS.8): no container
// passes AWS credentials in plain environment variables, which anyone who
// can describe the task definition can read. The names are AWS Config's
// `secretKeys`. Only names are read: a value is never looked at, and never
// appears in a message.

#include <string_view>

#include "checks/concat.h"
#include "checks/controls/container_rule.h"
#include "checks/text_quote.h"

namespace checks {
namespace {

constexpr std::string_view kSecretNames[] = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                             "ECS_ENGINE_AUTH_DATA"};

}  // namespace

Outcome CheckNoEnvironmentSecrets(const TaskDefinition& definition) {
  return CheckEachContainer(
      definition, "that no environment variable holds AWS credentials",
      [](const Container& c, Outcome& outcome) {
        const ContainerKey& environment = c.environment;
        if (!environment.IsSet()) return;
        if (environment.kind != JsonKind::kArray) {
          outcome.Fail(WrongKind(environment, "a list of name and value objects"));
          return;
        }
        for (const EnvironmentName& variable : c.environment_names) {
          if (!variable.is_object ||
              (variable.kind != JsonKind::kString && variable.kind != JsonKind::kNull)) {
            outcome.Fail({.place = PlaceOf(environment, variable),
                          .message = Concat(PlaceOf(environment, variable).attribute,
                                            " cannot be read (it is not a name in a name and "
                                            "value object), so this control fails until it "
                                            "is fixed."),
                          .invalid_value = true});
            continue;
          }
          if (variable.kind != JsonKind::kString) continue;
          // Case and white space do not make a credential less of one.
          if (!IsNearKnownValue(variable.name, kSecretNames)) continue;
          outcome.Fail({.place = PlaceOf(environment, variable),
                        .message = Concat(PlaceOf(environment, variable).attribute, " is ",
                                          Quote(variable.name),
                                          ": a credential in a plain environment variable.")});
        }
      });
}

}  // namespace checks
