// File: provider/cty/msgpack_wire.h
//
// Private to provider/cty: the msgpack format itself, without Terraform
// meaning. A reader that hands out one token at a time from a byte span
// (never reading past it, never allocating), and writer helpers that pick
// the smallest header form as vmihailenco/msgpack (used by go-cty) does.
//
// Ours rather than msgpack-cxx's unpacker (tests/bench/cty_msgpack_bench,
// measured 2026-12): msgpack-cxx parses raw bytes faster, but decoding cost
// is in building cty values, which it would need too; this reader checks
// every announced count against the bytes left (refusing dd ff ff ff ff in
// 0.4 us without allocating, where msgpack-cxx needs an array limit set and
// throws), reads every ext form as unknown and str/bin alike, and needs no
// exceptions.

#ifndef COMPLIANCECHECK_PROVIDER_CTY_MSGPACK_WIRE_H_
#define COMPLIANCECHECK_PROVIDER_CTY_MSGPACK_WIRE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace cty::internal {

enum class WireKind { kNil, kBool, kInt, kUint, kFloat, kStr, kBin, kArray, kMap, kExt };

// One msgpack item header, with the payload of str, bin and ext.
struct WireToken {
  WireKind kind = WireKind::kNil;
  bool boolean = false;
  int64_t int_value = 0;    // kInt (negative or small ints)
  uint64_t uint_value = 0;  // kUint; element count of kArray / kMap
  double float_value = 0;   // kFloat (float32 widened)
  int8_t ext_type = 0;      // kExt
  std::string_view bytes;   // kStr, kBin, kExt payload
};

// "array", "string", ... for error messages.
const char* WireKindName(WireKind kind);

class WireReader {
 public:
  explicit WireReader(std::string_view input) : input_(input) {}

  // Reads the next token. On failure returns false and sets *error to a
  // short reason (truncation, reserved byte 0xc1, a count larger than the
  // remaining input could hold). Array and map counts are checked against
  // the remaining bytes, so a caller may reserve `uint_value` elements.
  bool Next(WireToken* token, std::string* error);

  // Skips one complete item, including nested ones, without recursion.
  bool Skip(std::string* error);

  size_t remaining() const { return input_.size() - pos_; }

 private:
  bool Take(size_t n, std::string_view* out, std::string* error);
  bool ReadBig(size_t n, uint64_t* out, std::string* error);

  std::string_view input_;
  size_t pos_ = 0;
};

// Writers append to `out`, choosing the smallest form.
void WriteNil(std::string* out);
void WriteBool(std::string* out, bool b);
void WriteInt(std::string* out, int64_t v);
void WriteFloat64(std::string* out, double v);
void WriteStr(std::string* out, std::string_view s);
void WriteBin(std::string* out, std::string_view s);
void WriteArrayHeader(std::string* out, uint64_t n);
void WriteMapHeader(std::string* out, uint64_t n);

}  // namespace cty::internal

#endif  // COMPLIANCECHECK_PROVIDER_CTY_MSGPACK_WIRE_H_
