// File: checks/json_stream.cc
//
// StreamJson on RapidJSON's SAX reader: iterative (no recursion), strict
// UTF-8, numbers passed through as text (we need only their kind), nothing
// allowed after the root value. Text that is valid UTF-8 as a whole (checked
// first, eight bytes at a time) is parsed without RapidJSON's per-byte
// validation, so its SIMD string scan runs; other text with it, so the first
// error in reading order is the one reported. RapidJSON reads a NUL-padded
// copy in place (strings are decoded inside it, not copied out); the copy,
// the reader and the path frames are kept per thread and reused.

#include "checks/json_stream.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "checks/text_quote.h"

// SSE2 is part of x86-64; RapidJSON uses it to skip white space and scan
// strings. Only this file includes RapidJSON.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
#include "rapidjson/encodings.h"
#include "rapidjson/error/error.h"
#include "rapidjson/reader.h"

namespace checks {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag |
                                 rapidjson::kParseNumbersAsStringsFlag |
                                 rapidjson::kParseInsituFlag;
constexpr unsigned kValidatingParseFlags = kParseFlags | rapidjson::kParseValidateEncodingFlag;

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 32 <= text.size()) {
      std::uint64_t words[4];
      std::memcpy(words, text.data() + i, 32);
      if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080u) == 0) {
        i += 32;
        continue;
      }
    }
    if (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = Utf8SequenceLength(text.substr(i));
    if (length == 0) return false;
    i += length;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code point of the \uXXXX escape at `at` in `text` (RapidJSON has
// checked its four hex digits already).
unsigned EscapedCodePoint(std::string_view text, std::size_t at) {
  unsigned code_point = 0;
  for (std::size_t i = at + 2; i < at + 6 && i < text.size(); ++i) {
    code_point = code_point * 16 + static_cast<unsigned>(HexValue(text[i]));
  }
  return code_point;
}

// The offset of the first \uDC00-\uDFFF escape that no high surrogate escape
// precedes, in the raw string literal that ends (closing quote included) at
// `end`; RapidJSON 1.1 pairs high surrogates but lets a lone low one through.
// Returns npos when there is none.
std::size_t LoneLowSurrogate(std::string_view text, std::size_t end) {
  // The opening quote: the last '"' before the closing one that an even
  // number of backslashes precedes (a string holds no other raw '"').
  std::size_t start = end - 1;
  while (start > 0) {
    --start;
    if (text[start] != '"') continue;
    std::size_t backslashes = 0;
    while (backslashes < start && text[start - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) break;
  }
  for (std::size_t i = start + 1; i + 1 < end;) {
    if (text[i] != '\\') {
      ++i;
      continue;
    }
    if (text[i + 1] != 'u') {
      i += 2;
      continue;
    }
    const unsigned code_point = EscapedCodePoint(text, i);
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      i += 12;  // RapidJSON checked the pair
    } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
      return i;
    } else {
      i += 6;
    }
  }
  return std::string_view::npos;
}

// Decoded text holds the UTF-8 form of a surrogate (ED A0..BF) only when an
// escape put it there: raw input with one fails UTF-8 validation.
bool HasEncodedSurrogate(std::string_view decoded) {
  for (std::size_t i = decoded.find('\xED'); i != std::string_view::npos;
       i = decoded.find('\xED', i + 1)) {
    if (i + 1 < decoded.size() && static_cast<unsigned char>(decoded[i + 1]) >= 0xA0) return true;
  }
  return false;
}

// What is wrong, for "is not valid JSON: <message> at line L, column C".
// Our own words for RapidJSON's codes; never the input.
std::string Explain(rapidjson::ParseErrorCode code, std::string_view text, std::size_t offset) {
  const bool at_end = offset >= text.size();
  const std::string end = "unexpected end of input; ";
  switch (code) {
    case rapidjson::kParseErrorDocumentEmpty:
      return end + "expected a value";
    case rapidjson::kParseErrorDocumentRootNotSingular:
      return "unexpected text after the value";
    case rapidjson::kParseErrorValueInvalid:
      return at_end ? end + "expected a value" : "expected a value";
    case rapidjson::kParseErrorObjectMissName:
      return at_end ? end + "expected a key in double quotes" : "expected a key in double quotes";
    case rapidjson::kParseErrorObjectMissColon:
      return at_end ? end + "expected ':'" : "expected ':'";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket:
      return at_end ? end + "expected ',' or '}'" : "expected ',' or '}'";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket:
      return at_end ? end + "expected ',' or ']'" : "expected ',' or ']'";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex:
      return "a \\u escape needs four hexadecimal digits";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid:
      return "a \\u escape is an unpaired UTF-16 surrogate";
    case rapidjson::kParseErrorStringEscapeInvalid:
      return offset < text.size() && text[offset] == '\\'
                 ? "invalid escape sequence in a string"
                 : "a control character in a string must be escaped";
    case rapidjson::kParseErrorStringMissQuotationMark:
      return end + "expected '\"' to close a string";
    case rapidjson::kParseErrorStringInvalidEncoding:
      return "ill-formed UTF-8 in a string";
    case rapidjson::kParseErrorNumberTooBig:
      return "a number is too large";
    case rapidjson::kParseErrorNumberMissFraction:
      return at_end ? end + "expected a digit after the decimal point"
                    : "expected a digit after the decimal point";
    case rapidjson::kParseErrorNumberMissExponent:
      return at_end ? end + "expected a digit in the exponent" : "expected a digit in the exponent";
    case rapidjson::kParseErrorNone:
    case rapidjson::kParseErrorTermination:
    case rapidjson::kParseErrorUnspecificSyntaxError:
      break;
  }
  return "invalid JSON";
}

// What a parse needs besides the text, kept per thread so that a parse
// allocates nothing once the buffers have grown: the NUL-padded copy that
// RapidJSON reads (and decodes strings in), the reader (its stack keeps its
// capacity) and the path frames (their keys keep theirs).
struct Scratch {
  std::string buffer;
  rapidjson::Reader reader;
  std::vector<JsonFrame> frames;
  bool in_use = false;  // a visitor that scans JSON itself gets its own Scratch

  // Memory above this stays with the thread only for the parse that needed it.
  static constexpr std::size_t kKeepBytes = std::size_t{64} * 1024;
  void Release() {
    if (buffer.capacity() > kKeepBytes) std::string().swap(buffer);
    for (JsonFrame& frame : frames) {
      if (frame.key.capacity() > kKeepBytes) std::string().swap(frame.key);
    }
  }
};

// RapidJSON's SAX handler: keeps the path and calls the visitor. The path is
// the first `depth_` of `frames_`; frames past it are kept for reuse.
class Adapter final {
 public:
  Adapter(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits,
          std::vector<JsonFrame>& frames)
      : has_escapes_(text.find("\\u") != std::string_view::npos),
        visitor_(visitor),
        limits_(limits),
        frames_(frames) {}

  bool Null() { return Scalar(JsonKind::kNull); }
  bool Bool(bool value) { return Scalar(JsonKind::kBoolean, value ? "true" : "false"); }
  // Only RawNumber is called (kParseNumbersAsStringsFlag); the rest complete the concept.
  bool Int(int) { return Scalar(JsonKind::kNumber); }
  bool Uint(unsigned) { return Scalar(JsonKind::kNumber); }
  bool Int64(std::int64_t) { return Scalar(JsonKind::kNumber); }
  bool Uint64(std::uint64_t) { return Scalar(JsonKind::kNumber); }
  bool Double(double) { return Scalar(JsonKind::kNumber); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    if (Overflows(std::string_view(text, length))) {
      return Fail(Pending::kNumberTooLarge, "a number is too large");
    }
    return Scalar(JsonKind::kNumber);
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    const std::string_view value(text, length);
    if (has_escapes_ && HasEncodedSurrogate(value)) return FailLoneSurrogate();
    return Scalar(JsonKind::kString, value);
  }
  bool StartObject() { return Open(JsonKind::kObject, /*is_array=*/false); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    const std::string_view key(text, length);
    if (has_escapes_ && HasEncodedSurrogate(key)) return FailLoneSurrogate();
    frames_[depth_ - 1].key.assign(key);
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool StartArray() { return Open(JsonKind::kArray, /*is_array=*/true); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  // The result, once the reader stopped at `offset` (its error offset).
  StreamResult Take(std::string_view text, std::size_t offset) {
    if (pending_ == Pending::kNumberTooLarge) result_.offset = offset;
    if (pending_ == Pending::kLoneSurrogate) {
      const std::size_t at = LoneLowSurrogate(text, offset);
      result_.offset = at != std::string_view::npos ? at : offset - 1;
    }
    return std::move(result_);
  }

 private:
  // RapidJSON rejects most numbers beyond a double's range but not all
  // ("1234e306"); the value is infinite for exactly those.
  static bool Overflows(std::string_view number) {
    if (number.find_first_of("eE") == std::string_view::npos && number.size() < 300) return false;
    const std::string copy(number);
    return std::isinf(std::strtod(copy.c_str(), nullptr));
  }

  // A stop that the reader's error offset places: the number's first byte,
  // or the end of the string that holds a lone surrogate.
  enum class Pending { kNone, kNumberTooLarge, kLoneSurrogate };

  bool Fail(Pending pending, std::string message) {
    result_.kind = StreamResult::Kind::kSyntax;
    result_.message = std::move(message);
    pending_ = pending;
    return false;
  }

  bool FailLoneSurrogate() {
    return Fail(Pending::kLoneSurrogate, "a \\u escape is an unpaired UTF-16 surrogate");
  }

  bool Visit(JsonKind kind, std::string_view value) {
    absl::Status status =
        visitor_.OnValue(std::span<const JsonFrame>(frames_.data(), depth_), kind, value);
    if (status.ok()) return true;
    result_.kind = StreamResult::Kind::kStopped;
    result_.status = std::move(status);
    return false;
  }

  // A value is done: the enclosing array moves on to its next index.
  void Done() {
    if (depth_ > 0 && frames_[depth_ - 1].is_array) ++frames_[depth_ - 1].index;
  }

  bool Scalar(JsonKind kind, std::string_view value = {}) {
    if (!Visit(kind, value)) return false;
    Done();
    return true;
  }

  bool Open(JsonKind kind, bool is_array) {
    if (depth_ + 1 > limits_.max_depth) {
      result_.kind = StreamResult::Kind::kTooDeep;
      return false;
    }
    if (!Visit(kind, {})) return false;
    if (depth_ == frames_.size()) frames_.emplace_back();
    JsonFrame& frame = frames_[depth_++];
    frame.is_array = is_array;
    frame.index = 0;
    frame.key.clear();
    return true;
  }

  bool Close() {
    --depth_;
    Done();
    return true;
  }

  bool has_escapes_;  // a \u escape somewhere: strings may hold a lone surrogate
  Pending pending_ = Pending::kNone;
  JsonVisitor& visitor_;
  const JsonLimits& limits_;
  std::vector<JsonFrame>& frames_;
  std::size_t depth_ = 0;
  StreamResult result_;
};

StreamResult Parse(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits,
                   Scratch& scratch) {
  // RapidJSON reads up to a NUL, which the copy adds (the text has none).
  // Its SSE2 scans read whole aligned 16-byte blocks, so the block that
  // holds the terminating NUL may reach up to 15 bytes past it: the copy
  // carries 16 NULs, and no read leaves the buffer. Strings are decoded in
  // place, behind the reading position, so what is still to be read is
  // the text as given.
  std::string& terminated = scratch.buffer;
  terminated.assign(text);
  terminated.append(16, '\0');
  rapidjson::InsituStringStream stream(terminated.data());
  Adapter adapter(text, visitor, limits, scratch.frames);
  rapidjson::Reader& reader = scratch.reader;
  const rapidjson::ParseResult parsed = IsValidUtf8(text)
                                            ? reader.Parse<kParseFlags>(stream, adapter)
                                            : reader.Parse<kValidatingParseFlags>(stream, adapter);
  StreamResult result = adapter.Take(text, parsed.Offset());
  if (!parsed.IsError() || result.kind != StreamResult::Kind::kOk) return result;
  // RapidJSON found the error; the adapter stopped nothing.
  result.kind = StreamResult::Kind::kSyntax;
  result.offset = parsed.Offset();
  result.message = Explain(parsed.Code(), text, parsed.Offset());
  return result;
}

}  // namespace

StreamResult StreamJson(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    return StreamResult{StreamResult::Kind::kSyntax, 0, "a byte order mark is not allowed", {}};
  }
  // RapidJSON reads a NUL byte as the end of the input and would ignore what
  // follows; JSON allows none anywhere (inside strings it must be escaped).
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return StreamResult{StreamResult::Kind::kSyntax, nul, "a NUL byte is not allowed", {}};
  }
  thread_local Scratch scratch;
  if (scratch.in_use) {
    Scratch own;
    return Parse(text, visitor, limits, own);
  }
  struct InUse {
    explicit InUse(Scratch& s) : scratch(s) { scratch.in_use = true; }
    ~InUse() {
      scratch.in_use = false;
      scratch.Release();
    }
    Scratch& scratch;
  } in_use(scratch);
  return Parse(text, visitor, limits, scratch);
}

}  // namespace checks
