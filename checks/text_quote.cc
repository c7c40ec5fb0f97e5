// File: checks/text_quote.cc

#include "checks/text_quote.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "checks/concat.h"

namespace checks {
namespace {

constexpr std::size_t kMaxQuotedBytes = 64;
constexpr std::string_view kCut = "...";

// Length of the invalid sequence at the start of `text`, where
// Utf8SequenceLength found none: its lead byte and the continuation bytes
// that still fit it (Unicode's "maximal subpart"), at least 1.
std::size_t InvalidSequenceLength(std::string_view text) {
  const auto b0 = static_cast<unsigned char>(text[0]);
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  std::size_t i = 1;
  for (; i < len && i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) break;
  }
  return i;
}

// ASCII bytes a JSON string literal holds as they are.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

// True when none of the 8 bytes at `p` is below 0x20, '"', '\\' or above
// 0x7F (bit tricks: a byte is 0 after the XOR only where it matched).
bool IsPlainAscii8(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHigh = 0x8080808080808080u;
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
  return ((word & kHigh) | below_space | has_zero(word ^ (kOnes * '"')) |
          has_zero(word ^ (kOnes * '\\'))) == 0;
}

// True when none of the 16 bytes at `p` is below 0x20, '"', '\\' or above
// 0x7F (IsPlainAscii8 on two words where SSE2 is not there).
bool IsPlainAscii16(const char* p) {
#if defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed: bytes above 0x7F are negative, so below 0x20 too.
  const __m128i special = _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                                       _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
  return _mm_movemask_epi8(special) == 0;
#else
  return IsPlainAscii8(p) && IsPlainAscii8(p + 8);
#endif
}

}  // namespace

std::size_t Utf8SequenceLength(std::string_view text) {
  const auto b0 = static_cast<unsigned char>(text[0]);
  if (b0 < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < len) return 0;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return 0;
  }
  return len;
}

std::string ValidUtf8(std::string_view text, std::size_t max_bytes) {
  const bool cut = text.size() > max_bytes;
  if (cut) text = text.substr(0, max_bytes);
  std::string out;
  out.reserve(text.size() + (cut ? kCut.size() : 0));
  while (!text.empty()) {
    std::size_t len = Utf8SequenceLength(text);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      len = 1;
    } else {
      out.append(text.substr(0, len));
    }
    text.remove_prefix(len);
  }
  if (cut) out += kCut;
  return out;
}

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // start of the bytes not yet appended
  for (std::size_t i = 0; i < text.size();) {
    if (i + 16 <= text.size() && IsPlainAscii16(text.data() + i)) {
      i += 16;
      continue;
    }
    if (i + 8 <= text.size() && IsPlainAscii8(text.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (kPlainAscii[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (const std::size_t len = Utf8SequenceLength(text.substr(i)); len > 0) {
        i += len;
        continue;
      }
    }
    out.append(text.substr(plain, i - plain));
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += "\xEF\xBF\xBD";  // U+FFFD for an invalid sequence
          i += InvalidSequenceLength(text.substr(i));
          plain = i;
          continue;
        }
        break;
    }
    plain = ++i;
  }
  out.append(text.substr(plain));
  out += '"';
}

std::string Quote(std::string_view text) {
  const bool cut = text.size() > kMaxQuotedBytes;
  std::string quoted;
  quoted.reserve(std::min(text.size(), kMaxQuotedBytes) + 2 + (cut ? kCut.size() : 0));
  AppendJsonString(quoted, text.substr(0, kMaxQuotedBytes));
  if (cut) quoted += kCut;
  return quoted;
}

bool IsNearKnownValue(std::string_view value, std::span<const std::string_view> known) {
  const absl::string_view trimmed =
      absl::StripAsciiWhitespace(absl::string_view(value.data(), value.size()));
  for (std::string_view k : known) {
    if (absl::EqualsIgnoreCase(trimmed, absl::string_view(k.data(), k.size()))) return true;
  }
  return false;
}

std::size_t CountCharacters(std::string_view text) {
  std::size_t characters = 0;
  for (; !text.empty(); ++characters) {
    const std::size_t len = Utf8SequenceLength(text);
    text.remove_prefix(len == 0 ? 1 : len);
  }
  return characters;
}

std::string ShowValue(std::string_view value, std::span<const std::string_view> known) {
  if (IsNearKnownValue(value, known)) return Quote(value);
  const std::size_t characters = CountCharacters(value);
  return Concat("a string of ", characters, characters == 1 ? " character" : " characters");
}

}  // namespace checks
