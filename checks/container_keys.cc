// File: checks/container_keys.cc
//
// Facts from the AWS SDK for Go v2 (service/ecs/types: ContainerDefinition,
// LogConfiguration, KeyValuePair), which the AWS provider decodes
// container_definitions into with encoding/json: the Go field names below.

#include "checks/container_keys.h"

#include <algorithm>
#include <string>
#include <vector>

#include "checks/go_json_key.h"

namespace checks {
namespace {

struct ReadField {
  ContainerField field;
  std::string_view go_name;
  std::string_view camel_name;
};

constexpr ReadField kReadFields[] = {
    {ContainerField::kPrivileged, "Privileged", "privileged"},
    {ContainerField::kReadonlyRootFilesystem, "ReadonlyRootFilesystem", "readonlyRootFilesystem"},
    {ContainerField::kUser, "User", "user"},
    {ContainerField::kLogConfiguration, "LogConfiguration", "logConfiguration"},
    {ContainerField::kEnvironment, "Environment", "environment"},
};

// Every field of ContainerDefinition: a key that decodes into one of them is
// never a near miss, whatever it looks like.
constexpr std::string_view kContainerDefinitionFields[] = {
    "Command",
    "Cpu",
    "CredentialSpecs",
    "DependsOn",
    "DisableNetworking",
    "DnsSearchDomains",
    "DnsServers",
    "DockerLabels",
    "DockerSecurityOptions",
    "EntryPoint",
    "Environment",
    "EnvironmentFiles",
    "Essential",
    "ExtraHosts",
    "FirelensConfiguration",
    "HealthCheck",
    "Hostname",
    "Image",
    "Interactive",
    "Links",
    "LinuxParameters",
    "LogConfiguration",
    "Memory",
    "MemoryReservation",
    "MountPoints",
    "Name",
    "PortMappings",
    "Privileged",
    "PseudoTerminal",
    "ReadonlyRootFilesystem",
    "RepositoryCredentials",
    "ResourceRequirements",
    "RestartPolicy",
    "Secrets",
    "StartTimeout",
    "StopTimeout",
    "SystemControls",
    "Ulimits",
    "User",
    "VersionConsistency",
    "VolumesFrom",
    "WorkingDirectory",
};

// Folded as Go folds, without the separators people put in by habit
// (snake_case, kebab-case): "read_only_root_filesystem" -> READONLYROOTFILESYSTEM.
std::string Normalized(std::string_view key) {
  std::string folded = GoFoldKey(key);
  folded.erase(std::remove_if(folded.begin(), folded.end(),
                              [](char c) { return c == '_' || c == '-' || c == ' '; }),
               folded.end());
  return folded;
}

// Levenshtein distance, stopping early once it is over `limit`.
std::size_t Distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

// A near miss of `target` (an upper-case normalized name): the same name
// with other separators, a typo or two, or a clipped form of it.
bool IsNearMissOf(const std::string& key, std::string_view target) {
  if (key.empty()) return false;
  if (key == target) return true;
  const std::size_t limit = target.size() <= 4 ? 1 : 2;
  if (Distance(key, target, limit) <= limit) return true;
  // "logConfig", "driver": a clipped form at least half as long.
  const bool clipped =
      key.size() * 2 >= target.size() && key.size() >= 5 &&
      (target.substr(0, key.size()) == key ||
       (key.size() <= target.size() && target.substr(target.size() - key.size()) == key));
  return clipped;
}

}  // namespace

std::optional<ContainerField> MatchContainerField(std::string_view key) {
  for (const ReadField& f : kReadFields) {
    if (GoKeyMatches(key, f.go_name)) return f.field;
  }
  return std::nullopt;
}

std::string_view ContainerFieldName(ContainerField field) {
  for (const ReadField& f : kReadFields) {
    if (f.field == field) return f.camel_name;
  }
  return "";
}

std::optional<NearMiss> ContainerKeyNearMiss(std::string_view key) {
  // Most keys are valid ECS keys: answer those without allocating.
  for (std::string_view field : kContainerDefinitionFields) {
    if (GoKeyMatches(key, field)) return std::nullopt;
  }
  const std::string normalized = Normalized(key);
  // ECS ignores namespace modes in a container whatever the spelling.
  if (normalized == "PIDMODE") return NearMiss{"pidMode", true};
  if (normalized == "IPCMODE") return NearMiss{"ipcMode", true};
  for (const ReadField& f : kReadFields) {
    if (IsNearMissOf(normalized, GoFoldKey(f.go_name))) return NearMiss{f.camel_name, false};
  }
  return std::nullopt;
}

bool IsLogDriverKey(std::string_view key) { return GoKeyMatches(key, "LogDriver"); }

bool IsLogDriverNearMiss(std::string_view key) {
  if (IsLogDriverKey(key) || GoKeyMatches(key, "Options") || GoKeyMatches(key, "SecretOptions")) {
    return false;
  }
  return IsNearMissOf(Normalized(key), "LOGDRIVER");
}

bool IsEnvironmentNameKey(std::string_view key) { return GoKeyMatches(key, "Name"); }

}  // namespace checks
