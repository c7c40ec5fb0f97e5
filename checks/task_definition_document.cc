// File: checks/task_definition_document.cc
//
// The document form: task_definition_json holds DescribeTaskDefinition output
// ({"taskDefinition": {...}, "tags": [...]}) or RegisterTaskDefinition input
// (the task definition object itself), with camelCase keys. Paths shown to
// users leave the wrapper out: task_definition_json.containerDefinitions[0].

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/concat.h"
#include "checks/container_list_reader.h"
#include "checks/json_scan.h"
#include "checks/read_problem.h"
#include "checks/task_definition.h"

namespace checks {
namespace {

constexpr std::string_view kArgument = "task_definition_json";
constexpr std::string_view kWrapper = "taskDefinition";

// Keys of which a task definition object holds at least one: a document with
// none of them (a typo in the wrapper, an unrelated document) must not pass
// silently with "nothing set".
bool IsTaskDefinitionKey(std::string_view key) {
  static constexpr std::string_view kKeys[] = {"family",
                                               "containerDefinitions",
                                               "taskDefinitionArn",
                                               "revision",
                                               "pidMode",
                                               "ipcMode",
                                               "networkMode",
                                               "requiresCompatibilities",
                                               "compatibilities",
                                               "cpu",
                                               "memory",
                                               "volumes",
                                               "taskRoleArn",
                                               "executionRoleArn",
                                               "status",
                                               "runtimePlatform",
                                               "placementConstraints",
                                               "proxyConfiguration"};
  for (std::string_view k : kKeys) {
    if (k == key) return true;
  }
  return false;
}

Place DocumentPlace(std::string_view key) { return Place{kArgument, Concat(kArgument, ".", key)}; }

// What one task definition object says; a document may hold two (the root and
// the wrapped one) until the scan knows whether there is a wrapper.
struct Members {
  explicit Members() : containers_reader(containers, /*null_is_absent=*/true) {
    containers.place = DocumentPlace("containerDefinitions");
  }
  Members(const Members&) = delete;
  Members& operator=(const Members&) = delete;

  std::optional<Text> pid_mode;
  bool pid_mode_ambiguous = false;
  std::optional<Text> ipc_mode;
  bool ipc_mode_ambiguous = false;
  std::optional<Text> network_mode;
  bool network_mode_ambiguous = false;
  std::optional<Text> os_family;  // runtimePlatform.operatingSystemFamily
  bool os_family_ambiguous = false;
  TextSet requires_compatibilities;
  ContainerList containers;
  ContainerListReader containers_reader;
  bool looks_like_task_definition = false;
};

void SetMode(std::optional<Text>& mode, bool& ambiguous, JsonKind kind, std::string_view value) {
  Text text;
  if (kind == JsonKind::kString) {
    text = Text::Known(std::string(value));
  } else if (kind != JsonKind::kNull) {
    text = Text::Malformed(std::string(JsonKindName(kind)));
  }
  if (!mode.has_value()) {
    mode = std::move(text);
  } else if (mode->state != text.state || mode->value != text.value) {
    ambiguous = true;
  }
}

class DocumentVisitor final : public JsonVisitor {
 public:
  absl::Status OnValue(std::span<const JsonFrame> path, JsonKind kind,
                       std::string_view value) override {
    if (path.empty()) {
      if (kind == JsonKind::kObject) return absl::OkStatus();
      return Reject(std::string(kArgument),
                    "a JSON object (a DescribeTaskDefinition or "
                    "RegisterTaskDefinition document)",
                    kind);
    }
    const bool wrapped = path[0].key == kWrapper;
    if (wrapped && path.size() == 1) {
      has_wrapper_ = true;
      if (kind == JsonKind::kObject) return absl::OkStatus();
      return Reject(Concat(kArgument, ".", kWrapper), "an object", kind);
    }
    Members& members = wrapped ? wrapped_ : root_;
    const std::size_t object_depth = wrapped ? 1 : 0;  // the task definition
    const std::string& key = path[object_depth].key;
    const std::span<const JsonFrame> inside = path.subspan(object_depth + 1);
    if (inside.empty() && IsTaskDefinitionKey(key)) {
      members.looks_like_task_definition = true;
    }
    if (key == "pidMode") {
      if (inside.empty()) {
        SetMode(members.pid_mode, members.pid_mode_ambiguous, kind, value);
      }
    } else if (key == "ipcMode") {
      if (inside.empty()) {
        SetMode(members.ipc_mode, members.ipc_mode_ambiguous, kind, value);
      }
    } else if (key == "networkMode") {
      if (inside.empty()) {
        SetMode(members.network_mode, members.network_mode_ambiguous, kind, value);
      }
    } else if (key == "runtimePlatform") {
      // Not an object: no OS family can be read from it.
      if (inside.empty() && kind != JsonKind::kObject && kind != JsonKind::kNull) {
        members.os_family = Text::Malformed(Concat("runtimePlatform is ", JsonKindName(kind)));
      } else if (inside.size() == 1 && inside[0].key == "operatingSystemFamily") {
        SetMode(members.os_family, members.os_family_ambiguous, kind, value);
      }
    } else if (key == "requiresCompatibilities") {
      ReadCompatibility(members.requires_compatibilities, inside, kind, value);
    } else if (key == "containerDefinitions") {
      members.containers_reader.OnValue(inside, kind, value);
      last_containers_ = &members.containers_reader;
    }
    return absl::OkStatus();
  }

  // Moves what the document says into `definition`.
  void Finish(TaskDefinition& definition) {
    Members& members = has_wrapper_ ? wrapped_ : root_;
    if (!members.looks_like_task_definition) {
      definition.document_state = Text::State::kMalformed;
      definition.document_problem = ReadProblem{
          .kind = ReadProblem::Kind::kWrongShape,
          .place = {kArgument, std::string(kArgument)},
          .message = Concat(kArgument,
                            " does not look like a task definition: it has none of its "
                            "keys (family, containerDefinitions, pidMode, ...), neither at "
                            "the top level nor inside a \"taskDefinition\" object.")};
      return;
    }
    definition.pid_mode = {DocumentPlace("pidMode"), members.pid_mode.value_or(Text::Null()),
                           members.pid_mode_ambiguous};
    definition.ipc_mode = {DocumentPlace("ipcMode"), members.ipc_mode.value_or(Text::Null()),
                           members.ipc_mode_ambiguous};
    definition.network_mode = {DocumentPlace("networkMode"),
                               members.network_mode.value_or(Text::Null()),
                               members.network_mode_ambiguous};
    definition.os_family = {DocumentPlace("runtimePlatform.operatingSystemFamily"),
                            members.os_family.value_or(Text::Null()), members.os_family_ambiguous};
    definition.requires_compatibilities = std::move(members.requires_compatibilities);
    definition.containers = std::move(members.containers);
  }

  std::optional<ReadProblem>& problem() { return problem_; }
  // The container a syntax error was found in, if any.
  std::string CurrentContainer() const {
    return last_containers_ != nullptr ? last_containers_->CurrentContainer() : std::string();
  }

 private:
  // requiresCompatibilities only words the Fargate note: anything but an
  // array of strings counts as "not known to be Fargate".
  static void ReadCompatibility(TextSet& set, std::span<const JsonFrame> inside, JsonKind kind,
                                std::string_view value) {
    if (inside.empty()) {
      set.values.clear();
      set.state = kind == JsonKind::kArray  ? TextSet::State::kKnown
                  : kind == JsonKind::kNull ? TextSet::State::kNull
                                            : TextSet::State::kMalformed;
    } else if (inside.size() == 1 && set.state == TextSet::State::kKnown) {
      if (kind == JsonKind::kString) set.values.emplace_back(value);
    }
  }

  absl::Status Reject(std::string attribute, std::string_view expected, JsonKind kind) {
    std::string message =
        Concat(attribute, " must be ", expected, ", but it is ", JsonKindName(kind), ".");
    problem_ = ReadProblem{.kind = ReadProblem::Kind::kWrongShape,
                           .place = {kArgument, attribute},
                           .message = message};
    return absl::InvalidArgumentError(message);
  }

  Members root_;
  Members wrapped_;
  bool has_wrapper_ = false;
  const ContainerListReader* last_containers_ = nullptr;
  std::optional<ReadProblem> problem_;
};

}  // namespace

void ReadTaskDefinitionDocument(std::string_view json, TaskDefinition& definition) {
  definition.form = TaskDefinition::Form::kDocument;
  const Place argument{kArgument, std::string(kArgument)};
  definition.pid_mode.place = DocumentPlace("pidMode");
  definition.ipc_mode.place = DocumentPlace("ipcMode");
  definition.network_mode.place = DocumentPlace("networkMode");
  definition.os_family.place = DocumentPlace("runtimePlatform.operatingSystemFamily");
  definition.containers.place = DocumentPlace("containerDefinitions");

  DocumentVisitor visitor;
  absl::Status status = ScanJson(json, visitor);
  if (!status.ok()) {
    definition.document_state = Text::State::kMalformed;
    definition.document_problem = visitor.problem().has_value()
                                      ? std::move(*visitor.problem())
                                      : ScanProblem(argument, status, visitor.CurrentContainer());
    return;
  }
  definition.document_state = Text::State::kKnown;
  visitor.Finish(definition);
}

}  // namespace checks
