// File: provider/tf/attribute_path.cc

#include "provider/tf/attribute_path.h"

#include "absl/strings/str_cat.h"

namespace tf {

AttributePath AttributePath::Root(std::string name) {
  AttributePath p;
  p.steps_.push_back(Name{std::move(name)});
  return p;
}

AttributePath AttributePath::AtName(std::string name) const {
  AttributePath p = *this;
  p.steps_.push_back(Name{std::move(name)});
  return p;
}

AttributePath AttributePath::AtMapKey(std::string key) const {
  AttributePath p = *this;
  p.steps_.push_back(StringKey{std::move(key)});
  return p;
}

AttributePath AttributePath::AtListIndex(int64_t index) const {
  AttributePath p = *this;
  p.steps_.push_back(IntKey{index});
  return p;
}

std::string AttributePath::ToString() const {
  std::string out;
  for (const Step& step : steps_) {
    if (const auto* n = std::get_if<Name>(&step)) {
      absl::StrAppend(&out, out.empty() ? "" : ".", n->name);
    } else if (const auto* k = std::get_if<StringKey>(&step)) {
      absl::StrAppend(&out, "[\"", k->key, "\"]");
    } else {
      absl::StrAppend(&out, "[", std::get<IntKey>(step).index, "]");
    }
  }
  return out;
}

}  // namespace tf
