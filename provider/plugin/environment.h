// File: provider/plugin/environment.h
//
// Reading go-plugin's environment variables (PLUGIN_*, TF_*): the one
// helper the plugin layer uses for it. Unset and set-but-empty differ
// (TF_DISABLE_PLUGIN_TLS="" is not "1", PLUGIN_CLIENT_CERT="" is garbage).

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_ENVIRONMENT_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_ENVIRONMENT_H_

#include <cstdlib>
#include <optional>
#include <string_view>

namespace plugin {

// The value of `name`, or nullopt when it is unset. The view points into the
// environment: valid until the variable is changed (we never change it).
inline std::optional<std::string_view> Getenv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string_view(value);
}

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_ENVIRONMENT_H_
