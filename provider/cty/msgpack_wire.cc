// File: provider/cty/msgpack_wire.cc

#include "provider/cty/msgpack_wire.h"

#include <cstring>

#include "absl/strings/str_cat.h"

namespace cty::internal {

const char* WireKindName(WireKind kind) {
  switch (kind) {
    case WireKind::kNil:
      return "null";
    case WireKind::kBool:
      return "bool";
    case WireKind::kInt:
    case WireKind::kUint:
      return "integer";
    case WireKind::kFloat:
      return "float";
    case WireKind::kStr:
      return "string";
    case WireKind::kBin:
      return "binary";
    case WireKind::kArray:
      return "array";
    case WireKind::kMap:
      return "map";
    case WireKind::kExt:
      return "unknown value";
  }
  return "value";
}

bool WireReader::Take(size_t n, std::string_view* out, std::string* error) {
  if (n > remaining()) {
    *error = absl::StrCat("unexpected end of input (need ", n, " bytes, ", remaining(), " left)");
    return false;
  }
  *out = input_.substr(pos_, n);
  pos_ += n;
  return true;
}

bool WireReader::ReadBig(size_t n, uint64_t* out, std::string* error) {
  std::string_view b;
  if (!Take(n, &b, error)) return false;
  uint64_t v = 0;
  for (char c : b) v = (v << 8) | static_cast<unsigned char>(c);
  *out = v;
  return true;
}

bool WireReader::Next(WireToken* t, std::string* error) {
  *t = WireToken{};
  std::string_view head;
  if (!Take(1, &head, error)) return false;
  const uint8_t b = static_cast<unsigned char>(head[0]);
  uint64_t n = 0;
  auto payload = [&](WireKind kind, uint64_t len) {
    t->kind = kind;
    return Take(len, &t->bytes, error);
  };
  auto count = [&](WireKind kind, uint64_t items, uint64_t bytes_each) {
    t->kind = kind;
    t->uint_value = items;
    // Every item takes at least one byte; refuse counts the input cannot hold
    // before anyone allocates for them.
    if (items > remaining() / bytes_each) {
      *error = absl::StrCat(WireKindName(kind), " announces ", items, " elements but only ",
                            remaining(), " bytes remain");
      return false;
    }
    return true;
  };
  auto ext = [&](uint64_t len) {
    std::string_view type;
    if (!Take(1, &type, error)) return false;
    t->ext_type = static_cast<int8_t>(type[0]);
    return payload(WireKind::kExt, len);
  };
  if (b <= 0x7f) {
    t->kind = WireKind::kInt;
    t->int_value = b;
    return true;
  }
  if (b >= 0xe0) {  // negative fixint: 0xe0..0xff is -32..-1
    t->kind = WireKind::kInt;
    t->int_value = static_cast<int64_t>(b) - 256;
    return true;
  }
  if (b >= 0x80 && b <= 0x8f) return count(WireKind::kMap, b & 0x0f, 2);
  if (b >= 0x90 && b <= 0x9f) return count(WireKind::kArray, b & 0x0f, 1);
  if (b >= 0xa0 && b <= 0xbf) return payload(WireKind::kStr, b & 0x1f);
  switch (b) {
    case 0xc0:
      t->kind = WireKind::kNil;
      return true;
    case 0xc2:
    case 0xc3:
      t->kind = WireKind::kBool;
      t->boolean = b == 0xc3;
      return true;
    case 0xc4:
    case 0xc5:
    case 0xc6:
      return ReadBig(size_t{1} << (b - 0xc4), &n, error) && payload(WireKind::kBin, n);
    case 0xc7:
    case 0xc8:
    case 0xc9:
      return ReadBig(size_t{1} << (b - 0xc7), &n, error) && ext(n);
    case 0xca: {
      if (!ReadBig(4, &n, error)) return false;
      uint32_t bits = static_cast<uint32_t>(n);
      float f;
      std::memcpy(&f, &bits, sizeof f);
      t->kind = WireKind::kFloat;
      t->float_value = f;
      return true;
    }
    case 0xcb: {
      if (!ReadBig(8, &n, error)) return false;
      double d;
      std::memcpy(&d, &n, sizeof d);
      t->kind = WireKind::kFloat;
      t->float_value = d;
      return true;
    }
    case 0xcc:
    case 0xcd:
    case 0xce:
    case 0xcf:
      if (!ReadBig(size_t{1} << (b - 0xcc), &n, error)) return false;
      t->kind = WireKind::kUint;
      t->uint_value = n;
      return true;
    case 0xd0:
    case 0xd1:
    case 0xd2:
    case 0xd3: {
      const size_t width = size_t{1} << (b - 0xd0);
      if (!ReadBig(width, &n, error)) return false;
      // Sign-extend from `width` bytes.
      const int shift = static_cast<int>(64 - 8 * width);
      t->kind = WireKind::kInt;
      t->int_value = static_cast<int64_t>(n << shift) >> shift;
      return true;
    }
    case 0xd4:
    case 0xd5:
    case 0xd6:
    case 0xd7:
    case 0xd8:
      return ext(size_t{1} << (b - 0xd4));
    case 0xd9:
    case 0xda:
    case 0xdb:
      return ReadBig(size_t{1} << (b - 0xd9), &n, error) && payload(WireKind::kStr, n);
    case 0xdc:
    case 0xdd:
      return ReadBig(b == 0xdc ? 2 : 4, &n, error) && count(WireKind::kArray, n, 1);
    case 0xde:
    case 0xdf:
      return ReadBig(b == 0xde ? 2 : 4, &n, error) && count(WireKind::kMap, n, 2);
    default:
      *error = "invalid msgpack byte 0xc1";
      return false;
  }
}

bool WireReader::Skip(std::string* error) {
  // Items still to skip. Counts were checked against the input, so this
  // never exceeds the input length and needs no stack.
  uint64_t pending = 1;
  WireToken t;
  while (pending > 0) {
    if (!Next(&t, error)) return false;
    --pending;
    if (t.kind == WireKind::kArray) pending += t.uint_value;
    if (t.kind == WireKind::kMap) pending += 2 * t.uint_value;
  }
  return true;
}

namespace {

void PutBig(std::string* out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void PutHeader(std::string* out, uint64_t n, uint8_t fix_base, uint64_t fix_max,
               uint8_t first_sized, int first_width_log2) {
  if (fix_max > 0 && n <= fix_max) {
    out->push_back(static_cast<char>(fix_base | n));
    return;
  }
  // Sized forms come in widths 1, 2, 4 (bytes) starting at `first_sized`.
  uint8_t code = first_sized;
  for (int w = first_width_log2; w <= 2; ++w, ++code) {
    const int width = 1 << w;
    if (w == 2 || n < (uint64_t{1} << (8 * width))) {
      out->push_back(static_cast<char>(code));
      PutBig(out, n, width);
      return;
    }
  }
}

}  // namespace

void WriteNil(std::string* out) { out->push_back(static_cast<char>(0xc0)); }
void WriteBool(std::string* out, bool b) { out->push_back(static_cast<char>(b ? 0xc3 : 0xc2)); }

void WriteInt(std::string* out, int64_t v) {
  if (v >= 0) {
    uint64_t u = static_cast<uint64_t>(v);
    if (u <= 0x7f) {
      out->push_back(static_cast<char>(u));
    } else if (u <= 0xff) {
      out->push_back(static_cast<char>(0xcc));
      PutBig(out, u, 1);
    } else if (u <= 0xffff) {
      out->push_back(static_cast<char>(0xcd));
      PutBig(out, u, 2);
    } else if (u <= 0xffffffff) {
      out->push_back(static_cast<char>(0xce));
      PutBig(out, u, 4);
    } else {
      out->push_back(static_cast<char>(0xcf));
      PutBig(out, u, 8);
    }
    return;
  }
  const uint64_t bits = static_cast<uint64_t>(v);
  if (v >= -32) {
    out->push_back(static_cast<char>(bits & 0xff));
  } else if (v >= INT8_MIN) {
    out->push_back(static_cast<char>(0xd0));
    PutBig(out, bits, 1);
  } else if (v >= INT16_MIN) {
    out->push_back(static_cast<char>(0xd1));
    PutBig(out, bits, 2);
  } else if (v >= INT32_MIN) {
    out->push_back(static_cast<char>(0xd2));
    PutBig(out, bits, 4);
  } else {
    out->push_back(static_cast<char>(0xd3));
    PutBig(out, bits, 8);
  }
}

void WriteFloat64(std::string* out, double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  out->push_back(static_cast<char>(0xcb));
  PutBig(out, bits, 8);
}

void WriteStr(std::string* out, std::string_view s) {
  PutHeader(out, s.size(), 0xa0, 31, 0xd9, 0);
  out->append(s);
}

void WriteBin(std::string* out, std::string_view s) {
  PutHeader(out, s.size(), 0, 0, 0xc4, 0);
  out->append(s);
}

void WriteArrayHeader(std::string* out, uint64_t n) { PutHeader(out, n, 0x90, 15, 0xdc, 1); }
void WriteMapHeader(std::string* out, uint64_t n) { PutHeader(out, n, 0x80, 15, 0xde, 1); }

}  // namespace cty::internal
