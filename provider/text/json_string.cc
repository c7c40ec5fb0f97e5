// File: provider/text/json_string.cc

#include "provider/text/json_string.h"

#include "nlohmann/json.hpp"
#include "provider/text/utf8.h"

namespace text {

std::string JsonQuoted(std::string_view s) {
  // ValidUtf8 first, so nlohmann's own validator (which would throw) always
  // passes and the replacement policy is utf8.h's alone.
  return nlohmann::json(ValidUtf8(s)).dump(-1, ' ', /*ensure_ascii=*/false);
}

}  // namespace text
