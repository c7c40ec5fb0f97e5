// File: checks/json_stream.cc
//
// An iterative reader: the nesting lives in a vector of frames, never on the
// call stack, so depth is bounded by limits.max_depth alone.

#include "checks/json_stream.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "checks/text_quote.h"

namespace checks {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, unsigned code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

class Stream {
 public:
  Stream(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits)
      : begin_(text.data()),
        p_(text.data()),
        end_(text.data() + text.size()),
        visitor_(visitor),
        limits_(limits) {
    path_.reserve(8);
  }

  StreamResult Run() {
    if (!Value()) return result_;
    while (depth_ > 0) {
      SkipSpace();
      JsonFrame& frame = path_[depth_ - 1];
      const char close = frame.is_array ? ']' : '}';
      if (p_ == end_) return Fail("unexpected end of input");
      if (*p_ == close) {
        ++p_;
        --depth_;
        if (depth_ > 0 && path_[depth_ - 1].is_array) ++path_[depth_ - 1].index;
        continue;
      }
      if (*p_ != ',') {
        return Fail(frame.is_array ? "expected ',' or ']'"
                                   : "expected ',' or '}'");
      }
      ++p_;
      if (!frame.is_array && !Key()) return result_;
      if (!Value()) return result_;
    }
    SkipSpace();
    if (p_ != end_) return Fail("unexpected data after the value");
    return result_;
  }

 private:
  StreamResult Fail(std::string_view message) {
    result_.kind = StreamResult::Kind::kSyntax;
    result_.offset = static_cast<std::size_t>(p_ - begin_);
    result_.message = message;
    return result_;
  }
  bool FailFalse(std::string_view message) {
    Fail(message);
    return false;
  }

  void SkipSpace() {
    while (p_ != end_ &&
           (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) {
      ++p_;
    }
  }

  std::span<const JsonFrame> Path() const {
    return std::span<const JsonFrame>(path_.data(), depth_);
  }

  bool Visit(JsonKind kind, std::string_view value) {
    absl::Status status = visitor_.OnValue(Path(), kind, value);
    if (status.ok()) return true;
    result_.kind = StreamResult::Kind::kStopped;
    result_.status = std::move(status);
    return false;
  }

  // After the ',' or '{' of an object: a key, then ':'.
  bool Key() {
    SkipSpace();
    if (p_ == end_ || *p_ != '"') return FailFalse("expected a string key");
    std::string_view key;
    if (!String(key)) return false;
    path_[depth_ - 1].key.assign(key.data(), key.size());
    SkipSpace();
    if (p_ == end_ || *p_ != ':') return FailFalse("expected ':'");
    ++p_;
    return true;
  }

  // One value; an array or object is entered and its first member read up to
  // its value, the rest is Run's loop.
  bool Value() {
    for (;;) {
      SkipSpace();
      if (p_ == end_) return FailFalse("unexpected end of input");
      const char c = *p_;
      if (c == '{' || c == '[') {
        const bool is_array = c == '[';
        if (depth_ >= limits_.max_depth) {
          result_.kind = StreamResult::Kind::kTooDeep;
          return false;
        }
        if (!Visit(is_array ? JsonKind::kArray : JsonKind::kObject, {})) {
          return false;
        }
        ++p_;
        if (depth_ == path_.size()) path_.emplace_back();
        JsonFrame& frame = path_[depth_++];
        frame.is_array = is_array;
        frame.index = 0;
        frame.key.clear();
        SkipSpace();
        if (p_ != end_ && *p_ == (is_array ? ']' : '}')) {
          return true;  // empty: Run's loop closes it
        }
        if (!is_array && !Key()) return false;
        continue;  // the first member's value
      }
      return Scalar();
    }
  }

  bool Scalar() {
    const char c = *p_;
    if (c == '"') {
      std::string_view value;
      return String(value) && Advanced(JsonKind::kString, value);
    }
    if (c == 't') return Literal("true") && Advanced(JsonKind::kBoolean, {});
    if (c == 'f') return Literal("false") && Advanced(JsonKind::kBoolean, {});
    if (c == 'n') return Literal("null") && Advanced(JsonKind::kNull, {});
    if (c == '-' || IsDigit(c)) {
      return Number() && Advanced(JsonKind::kNumber, {});
    }
    return FailFalse("expected a value");
  }

  // A scalar was read: report it, then move the enclosing array on.
  bool Advanced(JsonKind kind, std::string_view value) {
    if (!Visit(kind, value)) return false;
    if (depth_ > 0 && path_[depth_ - 1].is_array) ++path_[depth_ - 1].index;
    return true;
  }

  bool Literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      return FailFalse("invalid literal");
    }
    p_ += word.size();
    return true;
  }

  bool Number() {
    const char* start = p_;
    bool is_float = false;
    if (*p_ == '-') ++p_;
    if (p_ == end_ || !IsDigit(*p_)) return FailFalse("invalid number");
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && IsDigit(*p_)) ++p_;
    }
    if (p_ != end_ && *p_ == '.') {
      is_float = true;
      ++p_;
      if (p_ == end_ || !IsDigit(*p_)) return FailFalse("invalid number");
      while (p_ != end_ && IsDigit(*p_)) ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      is_float = true;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !IsDigit(*p_)) return FailFalse("invalid number");
      while (p_ != end_ && IsDigit(*p_)) ++p_;
    }
    // nlohmann rejects numbers that do not fit a double ("number overflow");
    // integers of up to 19 digits always fit.
    const std::size_t length = static_cast<std::size_t>(p_ - start);
    if (is_float || length > 19) {
      const std::string copy(start, length);
      if (!std::isfinite(std::strtod(copy.c_str(), nullptr))) {
        p_ = start;
        return FailFalse("number overflow");
      }
    }
    return true;
  }

  // At the opening quote. `value` views the input when the string has no
  // escapes, else a buffer valid until the next String call.
  bool String(std::string_view& value) {
    ++p_;
    const char* start = p_;
    // Fast path: printable ASCII without escapes.
    while (p_ != end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        value = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (c == '\\' || c < 0x20 || c >= 0x80) break;
      ++p_;
    }
    buffer_.assign(start, static_cast<std::size_t>(p_ - start));
    while (p_ != end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        value = buffer_;
        return true;
      }
      if (c < 0x20) return FailFalse("control character in a string");
      if (c >= 0x80) {
        const std::size_t length = Utf8SequenceLength(
            std::string_view(p_, static_cast<std::size_t>(end_ - p_)));
        if (length == 0) return FailFalse("invalid UTF-8 in a string");
        buffer_.append(p_, length);
        p_ += length;
        continue;
      }
      if (c != '\\') {
        buffer_ += static_cast<char>(c);
        ++p_;
        continue;
      }
      if (!Escape()) return false;
    }
    return FailFalse("unterminated string");
  }

  // At a backslash inside a string.
  bool Escape() {
    ++p_;
    if (p_ == end_) return FailFalse("unterminated string");
    switch (*p_++) {
      case '"':
        buffer_ += '"';
        return true;
      case '\\':
        buffer_ += '\\';
        return true;
      case '/':
        buffer_ += '/';
        return true;
      case 'b':
        buffer_ += '\b';
        return true;
      case 'f':
        buffer_ += '\f';
        return true;
      case 'n':
        buffer_ += '\n';
        return true;
      case 'r':
        buffer_ += '\r';
        return true;
      case 't':
        buffer_ += '\t';
        return true;
      case 'u':
        break;
      default:
        --p_;
        return FailFalse("invalid escape in a string");
    }
    int unit = Hex4();
    if (unit < 0) return false;
    unsigned code_point = static_cast<unsigned>(unit);
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
      return FailFalse("unpaired surrogate in a string");
    }
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
        return FailFalse("unpaired surrogate in a string");
      }
      p_ += 2;
      const int low = Hex4();
      if (low < 0) return false;
      if (low < 0xDC00 || low > 0xDFFF) {
        return FailFalse("unpaired surrogate in a string");
      }
      code_point = 0x10000 + ((code_point - 0xD800) << 10) +
                   (static_cast<unsigned>(low) - 0xDC00);
    }
    AppendUtf8(buffer_, code_point);
    return true;
  }

  int Hex4() {
    int unit = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = p_ + i < end_ ? HexValue(p_[i]) : -1;
      if (digit < 0) {
        Fail("invalid \\u escape in a string");
        return -1;
      }
      unit = unit * 16 + digit;
    }
    p_ += 4;
    return unit;
  }

  const char* const begin_;
  const char* p_;
  const char* const end_;
  JsonVisitor& visitor_;
  const JsonLimits& limits_;
  std::vector<JsonFrame> path_;  // reused, not popped: keys keep buffers
  std::size_t depth_ = 0;
  std::string buffer_;
  StreamResult result_;
};

}  // namespace

StreamResult StreamJson(std::string_view text, JsonVisitor& visitor,
                        const JsonLimits& limits) {
  return Stream(text, visitor, limits).Run();
}

}  // namespace checks
