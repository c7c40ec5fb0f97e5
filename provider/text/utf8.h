// File: provider/text/utf8.h
//
// The provider's one UTF-8 policy: bytes that are not UTF-8 become U+FFFD,
// as Go's encoding/json and strings.ToValidUTF8 do, so what we print reads
// like what Terraform prints. Protobuf string fields (diagnostics) and
// terminals need valid UTF-8. Lowest layer: depends on nothing of ours.

#ifndef COMPLIANCECHECK_PROVIDER_TEXT_UTF8_H_
#define COMPLIANCECHECK_PROVIDER_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace text {

// Length of the valid UTF-8 sequence at the start of `s` (1 to 4), or 0 when
// `s` is empty or does not start with one (overlong forms, surrogates and
// code points above U+10FFFF are invalid, as RFC 3629 says).
std::size_t Utf8SequenceLength(std::string_view s);

// `s` with every byte that starts no valid sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);

}  // namespace text

#endif  // COMPLIANCECHECK_PROVIDER_TEXT_UTF8_H_
