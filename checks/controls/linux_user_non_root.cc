// File: checks/controls/linux_user_non_root.cc
//
// ecs_container_linux_user_non_root (AWS Security Hub ECS.20): on Linux (the
// OS family when none is given), every container names a user that is not
// root. Absent means root.

#include "checks/concat.h"
#include "checks/controls/container_rule.h"
#include "checks/controls/os_family.h"

namespace checks {
namespace {

bool IsRoot(std::string_view user) {
  return user.empty() || user == "root" || user == "0" || user.rfind("root:", 0) == 0 ||
         user.rfind("0:", 0) == 0;
}

}  // namespace

Outcome CheckLinuxUserNonRoot(const TaskDefinition& definition) {
  if (auto outcome = OsFamilyOutcome(definition, OsFamily::kLinux)) return *outcome;
  return CheckEachContainer(
      definition, "that no container runs as root", [](const Container& c, Outcome& outcome) {
        const ContainerKey& user = c.user;
        if (!user.IsSet()) {
          outcome.Fail({.place = user.place,
                        .message = Concat(user.place.attribute,
                                          " is not set, so the container runs as root.")});
        } else if (user.kind != JsonKind::kString) {
          outcome.Fail(WrongKind(user, "a string"));
        } else if (IsRoot(user.text)) {
          // Only "root" or uid 0 (with a group after it) reaches here: safe to say.
          outcome.Fail(
              {.place = user.place,
               .message = Concat(user.place.attribute,
                                 user.text.empty() ? " is empty, so the container runs as root."
                                                   : " names root (user root or uid 0).")});
        }
      });
}

}  // namespace checks
