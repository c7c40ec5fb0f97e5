// File: checks/text_quote.h
//
// Puts user-supplied text into messages safely: valid UTF-8 (protobuf string
// fields and terminals need it), control characters escaped, and bounded in
// length so a 4 MiB value does not become a 4 MiB diagnostic.

#ifndef COMPLIANCECHECK_CHECKS_TEXT_QUOTE_H_
#define COMPLIANCECHECK_CHECKS_TEXT_QUOTE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace checks {

// Length of the valid UTF-8 sequence at the start of `text` (1 to 4), or 0
// when it does not start with one (overlong forms, surrogates and code points
// above U+10FFFF are invalid, as RFC 3629 says). `text` must not be empty.
std::size_t Utf8SequenceLength(std::string_view text);

// `text` cut to at most `max_bytes` bytes (a "..." marks the cut), with every
// invalid UTF-8 sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view text, std::size_t max_bytes);

// `text` as a JSON string literal: "HOST", " host", "a\u0000b"; cut after 64
// bytes. What messages use to show a value exactly.
std::string Quote(std::string_view text);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_TEXT_QUOTE_H_
