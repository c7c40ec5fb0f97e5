// File: checks/container_keys.h
//
// The container definition keys the controls read, and the near misses of
// them that the misplaced-key control reports: a key Go's encoding/json
// would not decode into any ContainerDefinition field, but that looks like
// one a control reads ("privilege", "read_only_root_filesystem", "users").
// Internal to checks/.

#ifndef COMPLIANCECHECK_CHECKS_CONTAINER_KEYS_H_
#define COMPLIANCECHECK_CHECKS_CONTAINER_KEYS_H_

#include <optional>
#include <string_view>

namespace checks {

// The fields of the AWS SDK's ContainerDefinition a control reads.
enum class ContainerField {
  kPrivileged,
  kReadonlyRootFilesystem,
  kUser,
  kLogConfiguration,
  kEnvironment,
};

// The field `key` decodes into (Go's matching), if it is one a control reads.
std::optional<ContainerField> MatchContainerField(std::string_view key);

// The camelCase name users write for `field`: "readonlyRootFilesystem".
std::string_view ContainerFieldName(ContainerField field);

// What a key of a container object that decodes into nothing a control
// reads probably meant: "pidMode" or "ipcMode" for a namespace key in any
// spelling (ECS ignores those in a container), the camelCase name of a read
// key for a near miss, or nullopt (a valid ECS key, or nothing like one).
struct NearMiss {
  std::string_view meant;
  bool namespace_mode = false;
};
std::optional<NearMiss> ContainerKeyNearMiss(std::string_view key);

// Inside logConfiguration: whether `key` decodes into LogDriver, and whether
// it is a near miss of it ("driver", "log_driver").
bool IsLogDriverKey(std::string_view key);
bool IsLogDriverNearMiss(std::string_view key);

// Inside an environment element: whether `key` decodes into Name.
bool IsEnvironmentNameKey(std::string_view key);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONTAINER_KEYS_H_
