// File: checks/controls/linux_user_non_root.cc
//
// ecs_container_linux_user_non_root (AWS Security Hub ECS.20): on Linux (the
// OS family when none is given), every container names a user that is not
// root. Absent means root.

#include <string_view>

#include "checks/concat.h"
#include "checks/controls/container_rule.h"
#include "checks/controls/os_family.h"

namespace checks {
namespace {

// uid 0 however it is written: the runtime reads a numeric user as a
// decimal number, so "00" is root too.
bool IsUidZero(std::string_view uid) {
  return !uid.empty() && uid.find_first_not_of('0') == std::string_view::npos;
}

// "", "root", uid 0, and either with a group after a colon (":1000" names
// no user at all: the default, root).
bool IsRoot(std::string_view user) {
  const std::string_view name = user.substr(0, user.find(':'));
  return name.empty() || name == "root" || IsUidZero(name);
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
          // Says which of the three it is; never quotes the value.
          std::string_view why = " names root (user root or uid 0).";
          if (user.text.empty()) {
            why = " is empty, so the container runs as root.";
          } else if (user.text.front() == ':') {
            why = " names only a group, so the container runs as the default user, root.";
          }
          outcome.Fail({.place = user.place, .message = Concat(user.place.attribute, why)});
        }
      });
}

}  // namespace checks
