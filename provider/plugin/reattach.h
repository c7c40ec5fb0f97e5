// File: provider/plugin/reattach.h
//
// Debug mode (-debug), as terraform-plugin-go's managed debug mode does it:
// the provider serves on its own, without go-plugin's host, and prints the
// TF_REATTACH_PROVIDERS value with which Terraform connects to it instead of
// starting one. Terraform's reattach client (hashicorp/terraform
// internal/getproviders/reattach) reads the fields below; with "Test": true
// it never stops the process, so one debug server outlives many commands.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_REATTACH_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_REATTACH_H_

#include <string>
#include <string_view>

namespace plugin {

// The provider address users write in required_providers, fully qualified.
inline constexpr std::string_view kProviderAddress =
    "registry.terraform.io/compliancecheck/compliancecheck";

// What Terraform needs to reach a running provider (go-plugin's
// ReattachConfig). Plaintext: Terraform's reattach client has no TLS.
struct ReattachConfig {
  int protocol_version = 6;
  int pid = 0;
  std::string network;  // "unix" or "tcp"
  std::string address;  // socket path, or host:port
};

// The TF_REATTACH_PROVIDERS value: a JSON object with `provider_address` as
// its one key, holding Protocol "grpc", ProtocolVersion, Pid, Test true and
// Addr {Network, String}.
std::string FormatReattachProviders(std::string_view provider_address,
                                    const ReattachConfig& config);

// The text printed on stdout in debug mode: what to do, then the line
// `\tTF_REATTACH_PROVIDERS='...'` quoted for a POSIX shell, ready to paste.
std::string FormatDebugInstructions(std::string_view provider_address,
                                    const ReattachConfig& config);

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_REATTACH_H_
