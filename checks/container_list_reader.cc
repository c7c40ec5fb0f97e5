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

}  // namespace

void ContainerListReader::OnValue(std::span<const JsonFrame> path, JsonKind kind,
                                  std::string_view string_value) {
  if (list_.problem.has_value()) return;  // the first shape error stands
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
          .value =
              kind == JsonKind::kString ? Quote(string_value) : std::string(JsonKindName(kind)),
      });
      return;
    }
    default:
      return;
  }
}

void ContainerListReader::Reject(std::string attribute, std::string_view expected, JsonKind kind) {
  std::string message =
      Concat(attribute, " must be ", expected, ", but it is ", JsonKindName(kind), ".");
  list_.state = Text::State::kMalformed;
  list_.misplaced_keys.clear();
  list_.problem = ReadProblem{.place = {list_.place.argument, std::move(attribute)},
                              .message = std::move(message),
                              .invalid_json = true};
}

}  // namespace checks
