// File: checks/concat.h
//
// String concatenation for messages. absl::StrCat would do, but the system
// abseil is built with its own string_view, which std::string_view does not
// convert to; these take std::string_view and integers alike.

#ifndef COMPLIANCECHECK_CHECKS_CONCAT_H_
#define COMPLIANCECHECK_CHECKS_CONCAT_H_

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>

namespace checks {
namespace concat_internal {

inline void AppendPart(std::string& out, std::string_view part) { out += part; }
inline void AppendPart(std::string& out, char part) { out += part; }
// absl::string_view and other contiguous character ranges.
template <typename Chars>
requires(!std::convertible_to<const Chars&, std::string_view> && requires(const Chars& c) {
  { c.data() } -> std::convertible_to<const char*>;
  { c.size() } -> std::convertible_to<std::size_t>;
}) void AppendPart(std::string& out, const Chars& part) {
  out.append(part.data(), part.size());
}
template <std::integral Number>
requires(!std::same_as<Number, char> &&
         !std::same_as<Number, bool>) void AppendPart(std::string& out, Number part) {
  out += std::to_string(part);
}

// An upper bound of the bytes AppendPart adds, so Concat allocates once.
inline std::size_t PartSize(std::string_view part) { return part.size(); }
inline std::size_t PartSize(char) { return 1; }
template <typename Chars>
requires(!std::convertible_to<const Chars&, std::string_view> && requires(const Chars& c) {
  { c.data() } -> std::convertible_to<const char*>;
  { c.size() } -> std::convertible_to<std::size_t>;
}) std::size_t PartSize(const Chars& part) {
  return part.size();
}
template <std::integral Number>
requires(!std::same_as<Number, char> && !std::same_as<Number, bool>) std::size_t PartSize(Number) {
  return 20;  // the digits of a 64-bit integer, or a sign and 19 digits
}

}  // namespace concat_internal

// Appends each part (anything convertible to std::string_view, or an integer)
// to `out`.
template <typename... Parts>
void Append(std::string& out, const Parts&... parts) {
  (concat_internal::AppendPart(out, parts), ...);
}

template <typename... Parts>
std::string Concat(const Parts&... parts) {
  std::string out;
  out.reserve((concat_internal::PartSize(parts) + ... + std::size_t{0}));
  Append(out, parts...);
  return out;
}

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONCAT_H_
