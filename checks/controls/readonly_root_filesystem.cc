// File: checks/controls/readonly_root_filesystem.cc
//
// ecs_container_readonly_root_filesystem (AWS Security Hub ECS.5): every
// container's root filesystem is read-only. Absent means writable.

#include "checks/concat.h"
#include "checks/controls/container_rule.h"

namespace checks {

Outcome CheckReadonlyRootFilesystem(const TaskDefinition& definition) {
  return CheckEachContainer(
      definition, "that every root filesystem is read-only",
      [](const Container& c, Outcome& outcome) {
        const ContainerKey& key = c.readonly_root_filesystem;
        if (!key.IsSet()) {
          outcome.Fail({.place = key.place,
                        .message = Concat(key.place.attribute,
                                          " is not set, so the container's root filesystem "
                                          "is writable.")});
        } else if (key.kind != JsonKind::kBoolean) {
          outcome.Fail(WrongKind(key, "true or false"));
        } else if (!key.IsTrue()) {
          outcome.Fail({.place = key.place,
                        .message = Concat(key.place.attribute,
                                          " is false: the container's root filesystem is "
                                          "writable.")});
        }
      });
}

}  // namespace checks
