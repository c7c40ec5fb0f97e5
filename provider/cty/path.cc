// File: provider/cty/path.cc

#include "provider/cty/path.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "provider/cty/json_tree.h"

namespace cty::internal {

std::string DecodePath::ToString() const {
  std::string out;
  for (const Step& s : steps_) {
    switch (s.kind) {
      case Step::kAttr:
        if (!out.empty()) out.push_back('.');
        out.append(s.name);
        break;
      case Step::kKey:
        out.push_back('[');
        AppendJsonString(&out, s.name.substr(0, 256));
        out.push_back(']');
        break;
      case Step::kIndex:
        absl::StrAppend(&out, "[", s.index, "]");
        break;
    }
  }
  return out;
}

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if there is none.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  size_t len;
  uint32_t cp;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) {
    len = 2;
    cp = b & 0x1f;
  } else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    cp = b & 0x0f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3f);
  }
  // Overlong forms, surrogates and code points past U+10FFFF.
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
      (cp >= 0xd800 && cp <= 0xdfff)) {
    return 0;
  }
  return len;
}

}  // namespace

std::string SafeText(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0 || b < 0x20 || b == 0x7f) {
      out.append("\\x");
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xf]);
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

absl::Status Sanitized(const absl::Status& status) {
  if (status.ok()) return status;
  return absl::Status(status.code(), SafeText(MessageOf(status)));
}

absl::Status DecodePath::Error(std::string_view message) const {
  std::string text(message);
  if (steps_.empty()) return absl::InvalidArgumentError(text);
  return absl::InvalidArgumentError(absl::StrCat(ToString(), ": ", text));
}

}  // namespace cty::internal
