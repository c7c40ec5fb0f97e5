// File: checks/controls/no_privileged.cc
//
// ecs_container_no_privileged (AWS Security Hub ECS.4): no container runs
// privileged, with root's capabilities on the host.

#include "checks/concat.h"
#include "checks/controls/container_rule.h"

namespace checks {

Outcome CheckNoPrivileged(const TaskDefinition& definition) {
  return CheckEachContainer(
      definition, "that no container is privileged", [](const Container& c, Outcome& outcome) {
        const ContainerKey& key = c.privileged;
        if (!key.IsSet()) return;
        if (key.kind != JsonKind::kBoolean) {
          outcome.Fail(WrongKind(key, "true or false"));
        } else if (key.IsTrue()) {
          outcome.Fail({.place = key.place,
                        .message = Concat(key.place.attribute,
                                          " is true: the container runs with all the "
                                          "capabilities of root on the host.")});
        }
      });
}

}  // namespace checks
