// File: checks/container_list_reader.cc

#include "checks/container_list_reader.h"

#include <string>
#include <utility>

#include "checks/concat.h"
#include "checks/container_keys.h"
#include "checks/text_quote.h"

namespace checks {
namespace {

// The values a namespace mode may take: only these (or a near miss) are
// quoted in a message; anything else may be a secret.
constexpr std::string_view kNamespaceModeValues[] = {"host", "task", "none"};

// `key` is where it is now: `parent`'s attribute, a dot and the key as
// written. Written into the place it had, which usually has room for it.
void Set(ContainerKey& key, const Place& parent, std::string_view written, JsonKind kind,
         std::string_view string_value) {
  key.present = true;
  key.place.argument = parent.argument;
  key.place.attribute.assign(parent.attribute).append(".").append(written);
  key.kind = kind;
  if (kind == JsonKind::kString || kind == JsonKind::kBoolean) {
    key.text.assign(string_value);
  } else {
    key.text.clear();
  }
}

// Where an absent key belongs: "container_definitions[1].privileged".
Place Absent(const Place& container, std::string_view name) {
  return Place{container.argument, Concat(container.attribute, ".", name)};
}

}  // namespace

void ContainerListReader::OnValue(std::span<const JsonFrame> path, JsonKind kind,
                                  std::string_view string_value) {
  if (list_.problem.has_value()) return;  // the first shape error stands
  if (!path.empty()) current_container_ = path[0].index;
  switch (path.size()) {
    case 0:
      if (kind == JsonKind::kArray) {
        list_.state = Text::State::kKnown;
      } else if (kind == JsonKind::kNull && null_is_absent_) {
        list_.state = Text::State::kNull;
      } else {
        Reject(list_.place.attribute, "a JSON array of container definitions", kind);
      }
      return;
    case 1:
      if (kind != JsonKind::kObject) {
        Reject(Concat(list_.place.attribute, "[", path[0].index, "]"),
               "a container definition object", kind);
        return;
      }
      StartContainer(path[0].index);
      return;
    case 2:
      OnContainerKey(path, kind, string_value);
      return;
    default:
      OnNestedValue(path, kind, string_value);
      return;
  }
}

void ContainerListReader::StartContainer(std::size_t index) {
  Container container;
  container.index = index;
  container.place = {list_.place.argument, Concat(list_.place.attribute, "[", index, "]")};
  container.privileged.place = Absent(container.place, "privileged");
  container.readonly_root_filesystem.place = Absent(container.place, "readonlyRootFilesystem");
  container.user.place = Absent(container.place, "user");
  container.log_configuration.place = Absent(container.place, "logConfiguration");
  container.log_driver.place = Absent(container.place, "logConfiguration.logDriver");
  container.environment.place = Absent(container.place, "environment");
  list_.containers.push_back(std::move(container));
}

void ContainerListReader::OnContainerKey(std::span<const JsonFrame> path, JsonKind kind,
                                         std::string_view string_value) {
  if (list_.containers.empty()) return;
  Container& container = list_.containers.back();
  const std::string& key = path[1].key;
  current_field_ = MatchContainerField(key);
  if (const std::optional<ContainerField> field = current_field_) {
    switch (*field) {
      case ContainerField::kPrivileged:
        Set(container.privileged, container.place, key, kind, string_value);
        return;
      case ContainerField::kReadonlyRootFilesystem:
        Set(container.readonly_root_filesystem, container.place, key, kind, string_value);
        return;
      case ContainerField::kUser:
        Set(container.user, container.place, key, kind, string_value);
        return;
      case ContainerField::kLogConfiguration:
        Set(container.log_configuration, container.place, key, kind, string_value);
        // null resets the pointer; a second object decodes into the first.
        if (kind != JsonKind::kObject) container.log_driver.present = false;
        container.log_driver.place.argument = list_.place.argument;
        container.log_driver.place.attribute.assign(container.log_configuration.place.attribute)
            .append(".logDriver");
        return;
      case ContainerField::kEnvironment:
        Set(container.environment, container.place, key, kind, string_value);
        container.environment_names.clear();  // a second array replaces the first
        return;
    }
  }
  if (std::optional<NearMiss> miss = ContainerKeyNearMiss(key)) {
    const Place place{list_.place.argument, Concat(container.place.attribute, ".", key)};
    AddMisplaced(container.index, place, key, *miss, kind, string_value);
  }
}

void ContainerListReader::OnNestedValue(std::span<const JsonFrame> path, JsonKind kind,
                                        std::string_view string_value) {
  if (list_.containers.empty()) return;
  Container& container = list_.containers.back();
  const std::optional<ContainerField> field = current_field_;  // path[1]'s field
  if (field == ContainerField::kLogConfiguration && path.size() == 3 &&
      container.log_configuration.kind == JsonKind::kObject) {
    const std::string& key = path[2].key;
    if (IsLogDriverKey(key)) {
      Set(container.log_driver, container.log_configuration.place, key, kind, string_value);
    } else if (IsLogDriverNearMiss(key)) {
      const Place place{list_.place.argument,
                        Concat(container.log_configuration.place.attribute, ".", key)};
      AddMisplaced(container.index, place, key, NearMiss{"logDriver", false}, kind, string_value);
    }
    return;
  }
  if (field != ContainerField::kEnvironment || container.environment.kind != JsonKind::kArray) {
    return;
  }
  if (path.size() == 3) {
    // An element that is not an object has no name to read: kept with its
    // kind, so the control fails closed on it.
    container.environment_names.push_back(
        EnvironmentName{.index = path[2].index,
                        .key = "name",
                        .kind = kind == JsonKind::kObject ? JsonKind::kNull : kind,
                        .name = {},
                        .is_object = kind == JsonKind::kObject});
    return;
  }
  if (path.size() == 4 && IsEnvironmentNameKey(path[3].key) &&
      !container.environment_names.empty()) {
    EnvironmentName& name = container.environment_names.back();
    name.key = path[3].key;
    name.kind = kind;
    name.name = kind == JsonKind::kString ? std::string(string_value) : std::string();
  }
}

void ContainerListReader::AddMisplaced(std::size_t index, const Place& place,
                                       const std::string& key, const NearMiss& miss, JsonKind kind,
                                       std::string_view string_value) {
  // A duplicated key in one container is one finding.
  for (const MisplacedKey& seen : list_.misplaced_keys) {
    if (seen.container_index == index && seen.place.attribute == place.attribute) return;
  }
  std::string value;
  if (kind != JsonKind::kString) {
    value = std::string(JsonKindName(kind));
  } else if (miss.namespace_mode) {
    value = ShowValue(string_value, kNamespaceModeValues);
  } else {
    value = ShowValue(string_value, {});
  }
  list_.misplaced_keys.push_back(MisplacedKey{
      .place = place,
      .container_index = index,
      .key = key,
      .meant = std::string(miss.meant),
      .namespace_mode = miss.namespace_mode,
      .value = std::move(value),
  });
}

Place PlaceOf(const ContainerKey& environment, const EnvironmentName& variable) {
  return Place{environment.place.argument,
               Concat(environment.place.attribute, "[", variable.index, "].", variable.key)};
}

std::string ContainerListReader::CurrentContainer() const {
  if (!current_container_.has_value()) return {};
  return Concat(list_.place.attribute, "[", *current_container_, "]");
}

void ContainerListReader::Reject(std::string attribute, std::string_view expected, JsonKind kind) {
  std::string message =
      Concat(attribute, " must be ", expected, ", but it is ", JsonKindName(kind), ".");
  list_.state = Text::State::kMalformed;
  list_.misplaced_keys.clear();
  list_.containers.clear();
  list_.problem = ReadProblem{.kind = ReadProblem::Kind::kWrongShape,
                              .place = {list_.place.argument, std::move(attribute)},
                              .message = std::move(message)};
}

}  // namespace checks
