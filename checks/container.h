// File: checks/container.h
//
// One container definition as the controls need it: each key they read,
// matched the way the AWS provider decodes it (see go_json_key.h), with its
// place and the spelling the user wrote, so a finding can point at
// `container_definitions[1].Privileged`. Read in the same single pass over
// the JSON as everything else (see container_list_reader.h).

#ifndef COMPLIANCECHECK_CHECKS_CONTAINER_H_
#define COMPLIANCECHECK_CHECKS_CONTAINER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "checks/json_scan.h"
#include "checks/place.h"

namespace checks {

// A key of a container (or of an object inside it). Absent until seen; when
// a key appears more than once (in any spelling Go matches), the last one
// wins, as in encoding/json.
struct ContainerKey {
  bool present = false;
  Place place;  // where it is, or where it belongs when absent
  JsonKind kind = JsonKind::kNull;
  std::string text;  // kString: the value; kBoolean: "true" or "false"

  // Present with a value other than null (Go leaves a pointer nil for null).
  bool IsSet() const { return present && kind != JsonKind::kNull; }
  bool IsTrue() const { return kind == JsonKind::kBoolean && text == "true"; }
};

// One element of a container's `environment`: only its name is kept. The
// value may be a secret and is never read.
struct EnvironmentName {
  std::size_t index = 0;            // in the environment list
  std::string key = "name";         // the name's key as written ("Name")
  JsonKind kind = JsonKind::kNull;  // of the name; of the element when !is_object
  std::string name;                 // kString only
  bool is_object = true;            // false: the element itself is not an object
};

// A key ECS ignores or a near miss of one a control reads ("privilege",
// "pid_mode" inside a container), with what it probably meant.
struct MisplacedKey {
  Place place;  // "container_definitions[1].pidMode"
  std::size_t container_index = 0;
  std::string key;              // as written
  std::string meant;            // "privileged"; for namespace keys "pidMode"/"ipcMode"
  bool namespace_mode = false;  // pidMode or ipcMode, which are task-level settings
  std::string value;            // how a message may show the value: "\"host\"", "a number"
};

// Where `variable` is: container_definitions[0].environment[3].name. Built
// only for a finding: most variables never need it.
Place PlaceOf(const ContainerKey& environment, const EnvironmentName& variable);

struct Container {
  std::size_t index = 0;
  Place place;                            // container_definitions[1]
  ContainerKey privileged;                // Privileged
  ContainerKey readonly_root_filesystem;  // ReadonlyRootFilesystem
  ContainerKey user;                      // User
  ContainerKey log_configuration;         // LogConfiguration (an object)
  ContainerKey log_driver;                // LogConfiguration.LogDriver
  ContainerKey environment;               // Environment (an array)
  std::vector<EnvironmentName> environment_names;
};

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONTAINER_H_
