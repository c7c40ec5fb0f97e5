// File: provider/tf/schema.cc

#include "provider/tf/schema.h"

#include <map>

namespace tf {

cty::Type Block::ObjectType() const {
  std::map<std::string, cty::Type> attrs;
  for (const Attribute& a : attributes) attrs.emplace(a.name, a.type);
  for (const NestedBlock& b : block_types) {
    attrs.emplace(b.type_name, cty::Type::List(b.block.ObjectType()));
  }
  return cty::Type::Object(std::move(attrs));
}

}  // namespace tf
