// File: provider/plugin/base64.cc

#include "provider/plugin/base64.h"

#include "absl/strings/escaping.h"
#include "provider/text/string_view.h"

namespace plugin {

std::string UnpaddedBase64(std::string_view bytes) {
  std::string out = absl::Base64Escape(text::AbslView(bytes));
  // At most two '=' end a padded encoding; Go's RawStdEncoding has none.
  while (!out.empty() && out.back() == '=') out.pop_back();
  return out;
}

}  // namespace plugin
