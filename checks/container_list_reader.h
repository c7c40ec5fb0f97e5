// File: checks/container_list_reader.h
//
// Reads a list of ECS container definitions out of a JSON scan, wherever the
// list sits: the whole container_definitions argument, or the
// containerDefinitions member of a task_definition_json document.

#ifndef COMPLIANCECHECK_CHECKS_CONTAINER_LIST_READER_H_
#define COMPLIANCECHECK_CHECKS_CONTAINER_LIST_READER_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "checks/container_keys.h"
#include "checks/json_scan.h"
#include "checks/task_definition.h"

namespace checks {

class ContainerListReader {
 public:
  // `list` must outlive the reader; its place must be set. `null_is_absent`:
  // whether a JSON null stands for "no containers" (documents) or is a shape
  // error (the container_definitions argument must be an array).
  ContainerListReader(ContainerList& list, bool null_is_absent)
      : list_(list), null_is_absent_(null_is_absent) {}

  // One value at `path`, relative to the list: empty for the list itself,
  // one frame for an element, two for a member of an element, more for
  // what is inside it (logConfiguration, environment). A shape error
  // becomes list.problem; the scan goes on, so the rest of a document is read.
  void OnValue(std::span<const JsonFrame> path, JsonKind kind, std::string_view string_value);

  // "container_definitions[2]": the container the last value was in, to say
  // where a syntax error is; empty before the first container.
  std::string CurrentContainer() const;

 private:
  void StartContainer(std::size_t index);
  void OnContainerKey(std::span<const JsonFrame> path, JsonKind kind,
                      std::string_view string_value);
  void OnNestedValue(std::span<const JsonFrame> path, JsonKind kind, std::string_view string_value);
  void AddMisplaced(std::size_t index, const Place& place, const std::string& key,
                    const NearMiss& miss, JsonKind kind, std::string_view string_value);
  void Reject(std::string attribute, std::string_view expected, JsonKind kind);

  ContainerList& list_;
  bool null_is_absent_;
  std::optional<std::size_t> current_container_;
  // The field the current container key decodes into, for the values
  // nested under it (matched once per key, not once per nested value).
  std::optional<ContainerField> current_field_;
};

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONTAINER_LIST_READER_H_
