// File: checks/text_quote.h
//
// Puts user-supplied text into messages safely. Input may be a secret
// (Terraform does not tell a provider which values are sensitive), so a
// value is shown only when it is one of the values a control knows, or
// differs from one only in case or surrounding white space; anything else is
// described by its length. What is shown is valid UTF-8 (protobuf string
// fields and terminals need it), with control characters escaped.

#ifndef COMPLIANCECHECK_CHECKS_TEXT_QUOTE_H_
#define COMPLIANCECHECK_CHECKS_TEXT_QUOTE_H_

#include <cstddef>
#include <span>
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

// Appends `text` to `out` as a JSON string literal, byte for byte as
// nlohmann-json's dump(-1, ' ', false, replace) writes it: '"', '\\' and
// control characters escaped (\b \f \n \r \t, else \u001f), the rest of
// valid UTF-8 as it is, and each maximal invalid UTF-8 subpart replaced by
// U+FFFD.
void AppendJsonString(std::string& out, std::string_view text);

// `text` as a JSON string literal: "HOST", " host", "a\u0000b"; cut after 64
// bytes. Only for text that is not input, or that ShowValue allows.
std::string Quote(std::string_view text);

// True when `value` equals one of `known` after trimming ASCII white space
// and ignoring ASCII case ("HOST", " host" for "host").
bool IsNearKnownValue(std::string_view value, std::span<const std::string_view> known);

// Code points in `text`, counting each invalid UTF-8 byte as one.
std::size_t CountCharacters(std::string_view text);

// How a message may show the input string `value`: Quote(value) when
// IsNearKnownValue, else "a string of 17 characters" (code points).
std::string ShowValue(std::string_view value, std::span<const std::string_view> known);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_TEXT_QUOTE_H_
