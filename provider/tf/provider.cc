// File: provider/tf/provider.cc

#include "provider/tf/provider.h"

namespace tf {

const DataSource* Provider::FindDataSource(std::string_view type_name) const {
  for (const DataSource* d : DataSources()) {
    if (d->TypeName() == type_name) return d;
  }
  return nullptr;
}

const Function* Provider::FindFunction(std::string_view name) const {
  for (const Function* f : Functions()) {
    if (f->Name() == name) return f;
  }
  return nullptr;
}

}  // namespace tf
