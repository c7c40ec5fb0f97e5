// File: provider/tf/attribute_path.h
//
// A path to an attribute of a configuration, built fluently:
//   AttributePath::Root("container_definitions").AtListIndex(0).AtName("x")
// Terraform uses it to print the source line of the attribute.

#ifndef COMPLIANCECHECK_PROVIDER_TF_ATTRIBUTE_PATH_H_
#define COMPLIANCECHECK_PROVIDER_TF_ATTRIBUTE_PATH_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace tf {

class AttributePath {
 public:
  struct Name {
    std::string name;
  };
  struct StringKey {
    std::string key;
  };
  struct IntKey {
    int64_t index;
  };
  using Step = std::variant<Name, StringKey, IntKey>;

  static AttributePath Root(std::string name);

  // AtName and AtListIndex are kept though only tests call them today: the
  // fluent path STYLE.md asks for, which a finding inside a nested block needs.
  AttributePath AtName(std::string name) const;
  AttributePath AtMapKey(std::string key) const;
  AttributePath AtListIndex(int64_t index) const;

  const std::vector<Step>& steps() const { return steps_; }
  bool empty() const { return steps_.empty(); }
  // "a.b[0][\"k\"]", for logs and tests.
  std::string ToString() const;

  friend bool operator==(const AttributePath&, const AttributePath&) = default;

 private:
  std::vector<Step> steps_;
};

inline bool operator==(const AttributePath::Name& a, const AttributePath::Name& b) {
  return a.name == b.name;
}
inline bool operator==(const AttributePath::StringKey& a, const AttributePath::StringKey& b) {
  return a.key == b.key;
}
inline bool operator==(const AttributePath::IntKey& a, const AttributePath::IntKey& b) {
  return a.index == b.index;
}

}  // namespace tf

#endif  // COMPLIANCECHECK_PROVIDER_TF_ATTRIBUTE_PATH_H_
