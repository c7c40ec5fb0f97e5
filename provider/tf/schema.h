// File: provider/tf/schema.h
//
// The configuration schema of a provider block or a data source: a block of
// attributes and nested blocks, each with a cty type and exactly one of required / optional /
// computed (optional + computed allowed).

#ifndef COMPLIANCECHECK_PROVIDER_TF_SCHEMA_H_
#define COMPLIANCECHECK_PROVIDER_TF_SCHEMA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "provider/cty/type.h"

namespace tf {

struct Attribute {
  std::string name;
  cty::Type type;
  std::string description;  // Markdown
  bool required = false;
  bool optional = false;
  bool computed = false;
  bool sensitive = false;
};

struct NestedBlock;

struct Block {
  std::vector<Attribute> attributes;
  std::vector<NestedBlock> block_types;  // nested blocks, e.g. runtime_platform { ... }
  std::string description;               // Markdown

  // The object type Terraform uses for values of this block. Built anew on
  // each call: callers that need it per request keep it (ProviderService).
  cty::Type ObjectType() const;
};

// A nested block type. Only list nesting is offered: its value is a list of
// the block's objects (as `self.runtime_platform` is on
// aws_ecs_task_definition), with at most `max_items` elements (0: no limit).
struct NestedBlock {
  std::string type_name;
  Block block;
  int64_t min_items = 0;
  int64_t max_items = 0;
};

struct Schema {
  int64_t version = 0;
  Block block;
};

}  // namespace tf

#endif  // COMPLIANCECHECK_PROVIDER_TF_SCHEMA_H_
