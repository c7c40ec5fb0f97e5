// File: checks/go_json_key.cc

#include "checks/go_json_key.h"

namespace checks {

namespace {

// The fold of the character at the start of `text`, and how many bytes it
// takes: an ASCII byte upper-cased, one of the four letters Go folds to
// ASCII, or any other byte as it is (it never equals an ASCII fold).
char FoldAt(std::string_view text, std::size_t* length) {
  const auto c = static_cast<unsigned char>(text[0]);
  *length = 1;
  if (c < 0x80) return static_cast<char>(c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
  const std::string_view two = text.substr(0, 2);
  if (two == "\xC4\xB0" || two == "\xC4\xB1") {  // U+0130, U+0131: I
    *length = 2;
    return 'I';
  }
  if (two == "\xC5\xBF") {  // U+017F LATIN SMALL LETTER LONG S
    *length = 2;
    return 'S';
  }
  if (text.substr(0, 3) == "\xE2\x84\xAA") {  // U+212A KELVIN SIGN
    *length = 3;
    return 'K';
  }
  return static_cast<char>(c);
}

}  // namespace

std::string GoFoldKey(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0, n = 0; i < key.size(); i += n) out += FoldAt(key.substr(i), &n);
  return out;
}

namespace go_json_key_internal {

// The rest of GoKeyMatches, after its inline checks (a key shorter than the
// field, a differing ASCII first character).
bool KeyMatches(std::string_view key, std::string_view field) {
  // Each character of `field` (ASCII) matches one byte of `key`, or two or
  // three bytes of the non-ASCII characters Go folds to ASCII: one as long
  // matches only byte for byte, ASCII case aside (a non-ASCII byte there
  // folds to itself, never to ASCII).
  if (key.size() == field.size()) {
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (AsciiUpper(key[i]) != AsciiUpper(field[i])) return false;
    }
    return true;
  }
  std::size_t i = 0, j = 0;
  for (std::size_t n = 0; i < key.size() && j < field.size(); i += n, ++j) {
    std::size_t unused = 0;
    if (FoldAt(key.substr(i), &n) != FoldAt(field.substr(j), &unused)) return false;
  }
  return i == key.size() && j == field.size();
}

}  // namespace go_json_key_internal
}  // namespace checks
