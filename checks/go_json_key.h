// File: checks/go_json_key.h
//
// Object keys matched the way Go's encoding/json matches them to struct
// fields, which is how the AWS provider decodes container_definitions into
// the AWS SDK's ContainerDefinition (fields without JSON tags, so the key is
// the Go field name): an exact match first, else a case-insensitive one.
// "Privileged" and "privileged" both set Privileged; "privilege" sets
// nothing. Go folds case with unicode.ToUpper(unicode.ToLower(r)), under
// which four non-ASCII letters fold to ASCII ones: U+0130 and U+0131 to I,
// U+017F (long s) to S, U+212A (Kelvin sign) to K. A key spelled with one of
// them ("uſer") still reaches ECS, so it matches here too.

#ifndef COMPLIANCECHECK_CHECKS_GO_JSON_KEY_H_
#define COMPLIANCECHECK_CHECKS_GO_JSON_KEY_H_

#include <string>
#include <string_view>

namespace checks {

// `key` folded as Go folds it: ASCII letters upper-cased, the four letters
// above mapped to their ASCII folds, everything else unchanged.
std::string GoFoldKey(std::string_view key);

namespace go_json_key_internal {
bool KeyMatches(std::string_view key, std::string_view field);
constexpr char AsciiUpper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - ('a' - 'A')) : c;
}
}  // namespace go_json_key_internal

// True when encoding/json would decode `key` into the struct field named
// `field` (an ASCII Go field name such as "ReadonlyRootFilesystem"). Inline
// for the answer most calls get: a key is compared with many fields, and
// differs from most in length or in an ASCII first character, which folds
// only to itself.
inline bool GoKeyMatches(std::string_view key, std::string_view field) {
  using go_json_key_internal::AsciiUpper;
  // A key matches only as long a field, or a longer one where it holds
  // non-ASCII letters (see go_json_key.cc); an ASCII first character folds
  // only to itself, so it decides most comparisons without reading further.
  if (key.size() < field.size()) return false;
  if (!key.empty() && !field.empty() && static_cast<unsigned char>(key[0]) < 0x80 &&
      AsciiUpper(key[0]) != AsciiUpper(field[0])) {
    return false;
  }
  return go_json_key_internal::KeyMatches(key, field);
}

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_GO_JSON_KEY_H_
