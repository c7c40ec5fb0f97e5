// File: checks/container_list_reader.cc

#include "checks/container_list_reader.h"

#include <string>
#include <utility>

#include "checks/concat.h"
#include "checks/text_quote.h"

namespace checks {
namespace {

// The container keys ECS ignores: namespace modes are task-level settings.
bool IsNamespaceKey(std::string_view key) { return key == "pidMode" || key == "ipcMode"; }

// The values a namespace mode may take: only these (or a near miss) are
// quoted in a message; anything else may be a secret.
constexpr std::string_view kNamespaceModeValues[] = {"host", "task", "none"};
constexpr std::span<const std::string_view> kNamespaceModes(kNamespaceModeValues);

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
      }
      return;
    case 2: {
      const std::string& key = path[1].key;
      if (!IsNamespaceKey(key)) return;
      const std::size_t index = path[0].index;
      // A duplicated key in one container is one finding.
      for (const MisplacedKey& seen : list_.misplaced_keys) {
        if (seen.container_index == index && seen.key == key) return;
      }
      std::string attribute = Concat(list_.place.attribute, "[", index, "].", key);
      list_.misplaced_keys.push_back(MisplacedKey{
          .place = {list_.place.argument, std::move(attribute)},
          .container_index = index,
          .key = key,
          .value = kind == JsonKind::kString ? ShowValue(string_value, kNamespaceModes)
                                             : std::string(JsonKindName(kind)),
      });
      return;
    }
    default:
      return;
  }
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
  list_.problem = ReadProblem{.kind = ReadProblem::Kind::kWrongShape,
                              .place = {list_.place.argument, std::move(attribute)},
                              .message = std::move(message)};
}

}  // namespace checks
