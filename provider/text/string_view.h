// File: provider/text/string_view.h
//
// Debian's abseil is built with its own absl::string_view, which does not
// convert to or from std::string_view (our code's). These two are the one
// bridge: no copy, the view's lifetime is the argument's.

#ifndef COMPLIANCECHECK_PROVIDER_TEXT_STRING_VIEW_H_
#define COMPLIANCECHECK_PROVIDER_TEXT_STRING_VIEW_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace text {

inline std::string_view StdView(absl::string_view s) { return {s.data(), s.size()}; }
inline absl::string_view AbslView(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace text

#endif  // COMPLIANCECHECK_PROVIDER_TEXT_STRING_VIEW_H_
