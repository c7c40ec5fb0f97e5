// File: checks/controls/logging_configured.cc
//
// ecs_container_logging_configured (AWS Security Hub ECS.9): every container
// sends its logs somewhere: a logConfiguration with a logDriver.

#include "checks/concat.h"
#include "checks/controls/container_rule.h"

namespace checks {

Outcome CheckLoggingConfigured(const TaskDefinition& definition) {
  return CheckEachContainer(
      definition, "that every container has a log driver",
      [](const Container& c, Outcome& outcome) {
        const ContainerKey& configuration = c.log_configuration;
        if (!configuration.IsSet()) {
          outcome.Fail({.place = configuration.place,
                        .message = Concat(configuration.place.attribute,
                                          " is not set: the container's logs are not sent "
                                          "anywhere.")});
          return;
        }
        if (configuration.kind != JsonKind::kObject) {
          outcome.Fail(WrongKind(configuration, "an object with a logDriver"));
          return;
        }
        const ContainerKey& driver = c.log_driver;
        if (!driver.IsSet() || (driver.kind == JsonKind::kString && driver.text.empty())) {
          outcome.Fail({.place = driver.place,
                        .message = Concat(driver.place.attribute,
                                          " is not set: without a log driver the container's "
                                          "logs are not sent anywhere.")});
        } else if (driver.kind != JsonKind::kString) {
          outcome.Fail(WrongKind(driver, "a string"));
        }
      });
}

}  // namespace checks
