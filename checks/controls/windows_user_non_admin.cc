// File: checks/controls/windows_user_non_admin.cc
//
// ecs_container_windows_user_non_admin (AWS Security Hub ECS.21): on a
// Windows OS family, every container names a user that is not the
// administrator. Absent means ContainerAdministrator.

#include "absl/strings/match.h"
#include "checks/concat.h"
#include "checks/controls/container_rule.h"
#include "checks/controls/os_family.h"

namespace checks {

Outcome CheckWindowsUserNonAdmin(const TaskDefinition& definition) {
  if (auto outcome = OsFamilyOutcome(definition, OsFamily::kWindows)) return *outcome;
  return CheckEachContainer(
      definition, "that no container runs as the administrator",
      [](const Container& c, Outcome& outcome) {
        const ContainerKey& user = c.user;
        if (!user.IsSet()) {
          outcome.Fail({.place = user.place,
                        .message = Concat(user.place.attribute,
                                          " is not set, so the container runs as "
                                          "ContainerAdministrator.")});
        } else if (user.kind != JsonKind::kString) {
          outcome.Fail(WrongKind(user, "a string"));
        } else if (absl::EqualsIgnoreCase(absl::string_view(user.text.data(), user.text.size()),
                                          "containeradministrator")) {
          outcome.Fail({.place = user.place,
                        .message = Concat(user.place.attribute,
                                          " names ContainerAdministrator, the administrator "
                                          "of the container.")});
        }
      });
}

}  // namespace checks
