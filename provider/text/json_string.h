// File: provider/text/json_string.h
//
// Text as a JSON string literal: the one quoter for log lines (provider/log)
// and for names in cty's error messages (provider/cty).

#ifndef COMPLIANCECHECK_PROVIDER_TEXT_JSON_STRING_H_
#define COMPLIANCECHECK_PROVIDER_TEXT_JSON_STRING_H_

#include <string>
#include <string_view>

namespace text {

// `s` as a JSON string literal, quotes included: `"`, `\` and control
// characters escaped (RFC 8259), other bytes as they are except that bytes
// which are not UTF-8 become U+FFFD (utf8.h), so the result is always valid
// JSON and never an exception.
std::string JsonQuoted(std::string_view s);

}  // namespace text

#endif  // COMPLIANCECHECK_PROVIDER_TEXT_JSON_STRING_H_
