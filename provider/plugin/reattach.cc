// File: provider/plugin/reattach.cc

#include "provider/plugin/reattach.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "nlohmann/json.hpp"

namespace plugin {

std::string FormatReattachProviders(std::string_view provider_address,
                                    const ReattachConfig& config) {
  // Field names and case as Terraform's reattach parser reads them.
  nlohmann::ordered_json entry;
  entry["Protocol"] = "grpc";
  entry["ProtocolVersion"] = config.protocol_version;
  entry["Pid"] = config.pid;
  entry["Test"] = true;
  entry["Addr"] = {{"Network", config.network}, {"String", config.address}};
  nlohmann::ordered_json providers;
  providers[std::string(provider_address)] = entry;
  return providers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string FormatDebugInstructions(std::string_view provider_address,
                                    const ReattachConfig& config) {
  // In single quotes a POSIX shell takes everything literally except the
  // closing quote itself, which becomes '"'"'.
  const std::string quoted =
      absl::StrReplaceAll(FormatReattachProviders(provider_address, config), {{"'", "'\"'\"'"}});
  return absl::StrCat(
      "Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment "
      "variable with the following:\n\n\tTF_REATTACH_PROVIDERS='",
      quoted, "'\n\nServing until interrupted (Ctrl-C or SIGTERM).\n");
}

}  // namespace plugin
