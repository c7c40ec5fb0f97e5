// File: provider/compliance/task_definition_input.cc

#include "provider/compliance/task_definition_input.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/str_cat.h"

namespace compliance {
namespace {

// "a number", "a list of string": how a value of the wrong kind is named.
std::string Described(const cty::Type& type) {
  const std::string name = type.FriendlyName();
  const bool vowel =
      !name.empty() && std::string_view("aeiou").find(name[0]) != std::string_view::npos;
  return absl::StrCat(vowel ? "an " : "a ", name);
}

checks::Text ReadText(const cty::Value& v) {
  if (v.is_unknown()) return checks::Text::Unknown();
  if (v.is_null()) return checks::Text::Null();
  if (v.type().kind() == cty::Kind::kString) return checks::Text::Known(v.AsString());
  return checks::Text::Malformed(Described(v.type()));
}

checks::TextSet ReadTextSet(const cty::Value& v) {
  checks::TextSet out;
  if (v.is_unknown()) {
    out.state = checks::TextSet::State::kUnknown;
    return out;
  }
  if (v.is_null()) return out;
  const cty::Kind kind = v.type().kind();
  if (kind != cty::Kind::kSet && kind != cty::Kind::kList && kind != cty::Kind::kTuple) {
    out.state = checks::TextSet::State::kMalformed;
    return out;
  }
  out.state = checks::TextSet::State::kKnown;
  for (const cty::Value& e : v.Elements()) {
    if (e.is_unknown()) {
      out.has_unknown_element = true;
    } else if (e.is_known() && e.type().kind() == cty::Kind::kString) {
      out.values.push_back(e.AsString());
    }
  }
  return out;
}

constexpr std::string_view kAttributes[] = {
    "family",
    "pid_mode",
    "ipc_mode",
    "network_mode",
    "requires_compatibilities",
    "container_definitions",
    "task_definition_json",
    "runtime_platform",
};

// runtime_platform: the data source's block and `self` of
// aws_ecs_task_definition give a list of at most one object; a literal
// object is accepted as well.
checks::Text ReadOsFamily(const cty::Value& v) {
  if (v.is_unknown()) return checks::Text::Unknown();
  if (v.is_null()) return checks::Text::Null();
  switch (v.type().kind()) {
    case cty::Kind::kObject:
    case cty::Kind::kMap:
      return ReadText(v.GetAttr("operating_system_family"));
    case cty::Kind::kList:
    case cty::Kind::kSet:
    case cty::Kind::kTuple: {
      const std::vector<cty::Value>& blocks = v.Elements();
      if (blocks.empty()) return checks::Text::Null();
      if (blocks.size() > 1) {
        return checks::Text::Malformed(absl::StrCat("there are ", blocks.size(), " blocks"));
      }
      const cty::Value& block = blocks[0];
      if (block.is_unknown()) return checks::Text::Unknown();
      if (block.is_null()) return checks::Text::Null();
      const cty::Kind kind = block.type().kind();
      if (kind != cty::Kind::kObject && kind != cty::Kind::kMap) {
        return checks::Text::Malformed(absl::StrCat("the block is ", Described(block.type())));
      }
      checks::Text family = ReadText(block.GetAttr("operating_system_family"));
      if (family.state == checks::Text::State::kMalformed) {
        return checks::Text::Malformed(absl::StrCat("it is ", family.value));
      }
      return family;
    }
    default:
      return checks::Text::Malformed(absl::StrCat("runtime_platform is ", Described(v.type())));
  }
}

}  // namespace

bool IsTaskDefinitionAttribute(std::string_view name) {
  return std::find(std::begin(kAttributes), std::end(kAttributes), name) != std::end(kAttributes);
}

checks::Input ReadTaskDefinitionInput(const cty::Value& value) {
  checks::Input in;
  if (value.is_unknown()) {
    // Nothing is known yet: every argument is pending.
    for (checks::Text* t : {&in.family, &in.pid_mode, &in.ipc_mode, &in.network_mode,
                            &in.container_definitions, &in.operating_system_family}) {
      *t = checks::Text::Unknown();
    }
    in.requires_compatibilities.state = checks::TextSet::State::kUnknown;
    return in;
  }
  in.family = ReadText(value.GetAttr("family"));
  in.pid_mode = ReadText(value.GetAttr("pid_mode"));
  in.ipc_mode = ReadText(value.GetAttr("ipc_mode"));
  in.network_mode = ReadText(value.GetAttr("network_mode"));
  in.requires_compatibilities = ReadTextSet(value.GetAttr("requires_compatibilities"));
  in.container_definitions = ReadText(value.GetAttr("container_definitions"));
  in.task_definition_json = ReadText(value.GetAttr("task_definition_json"));
  in.operating_system_family = ReadOsFamily(value.GetAttr("runtime_platform"));
  return in;
}

}  // namespace compliance
