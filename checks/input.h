// File: checks/input.h
//
// What a caller hands the checks: the aws_ecs_task_definition arguments (or a
// task definition JSON document) as plain C++ values, each tri-state, with no
// knowledge of Terraform's types or wire format.

#ifndef COMPLIANCECHECK_CHECKS_INPUT_H_
#define COMPLIANCECHECK_CHECKS_INPUT_H_

#include <string>
#include <vector>

namespace checks {

// One argument as the caller received it.
struct Text {
  enum class State {
    kNull,       // absent or null: the argument is not set
    kUnknown,    // not known yet (Terraform: known after apply)
    kKnown,      // a string in `value`
    kMalformed,  // set, but not a string: `value` names what it was ("a list")
  };
  State state = State::kNull;
  std::string value;

  static Text Null() { return {}; }
  static Text Unknown() { return {State::kUnknown, {}}; }
  static Text Known(std::string v) { return {State::kKnown, std::move(v)}; }
  static Text Malformed(std::string what) { return {State::kMalformed, std::move(what)}; }
};

// A set(string) argument such as requires_compatibilities.
struct TextSet {
  enum class State { kNull, kUnknown, kKnown, kMalformed };
  State state = State::kNull;
  std::vector<std::string> values;   // kKnown: the known elements
  bool has_unknown_element = false;  // kKnown: some elements are not known yet
};

// The arguments of compliancecheck_ecs_task_definition, named as on
// aws_ecs_task_definition. `task_definition_json` is the alternative form:
// when it is set, the fields between it and `family` must be null.
struct Input {
  Text family;
  Text pid_mode;
  Text ipc_mode;
  Text network_mode;
  TextSet requires_compatibilities;
  Text container_definitions;
  // runtime_platform { operating_system_family }: kMalformed when the block
  // (or `self`'s list of one object) has the wrong shape, `value` saying what
  // it was.
  Text operating_system_family;
  Text task_definition_json;
};

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_INPUT_H_
