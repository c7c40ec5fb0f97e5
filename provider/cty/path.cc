// File: provider/cty/path.cc

#include "provider/cty/path.h"

#include "absl/strings/str_cat.h"
#include "provider/text/json_string.h"
#include "provider/text/string_view.h"
#include "provider/text/utf8.h"

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
        out += text::JsonQuoted(s.name.substr(0, 256));
        out.push_back(']');
        break;
      case Step::kIndex:
        absl::StrAppend(&out, "[", s.index, "]");
        break;
    }
  }
  return out;
}

std::string SafeText(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const auto b = static_cast<unsigned char>(s[0]);
    const size_t len = text::Utf8SequenceLength(s);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD, the policy of provider/text/utf8.h
      s.remove_prefix(1);
    } else if (b < 0x20 || b == 0x7f) {
      out.append("\\x");  // a terminal must not act on it
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xf]);
      s.remove_prefix(1);
    } else {
      out.append(s.substr(0, len));
      s.remove_prefix(len);
    }
  }
  return out;
}

absl::Status Sanitized(const absl::Status& status) {
  if (status.ok()) return status;
  return absl::Status(status.code(), SafeText(text::StdView(status.message())));
}

absl::Status DecodePath::Error(std::string_view message) const {
  std::string text(message);
  if (steps_.empty()) return absl::InvalidArgumentError(text);
  return absl::InvalidArgumentError(absl::StrCat(ToString(), ": ", text));
}

}  // namespace cty::internal
