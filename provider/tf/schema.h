// File: provider/tf/schema.h
//
// The configuration schema of a provider block or a data source: a block of
// attributes, each with a cty type and exactly one of required / optional /
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

struct Block {
  std::vector<Attribute> attributes;
  std::string description;  // Markdown

  // The object type Terraform uses for values of this block. Built anew on
  // each call: callers that need it per request keep it (ProviderService).
  cty::Type ObjectType() const;
};

struct Schema {
  int64_t version = 0;
  Block block;
};

}  // namespace tf

#endif  // COMPLIANCECHECK_PROVIDER_TF_SCHEMA_H_
