// File: provider/main.cc
//
// terraform-provider-compliancecheck: build the provider, serve it the way
// go-plugin expects (or, with -debug, on its own for Terraform to reattach
// to), and exit with what serving returned.
//
//   terraform-provider-compliancecheck            started by Terraform
//   terraform-provider-compliancecheck -version   prints the version
//   terraform-provider-compliancecheck -debug     debug mode (plugin/reattach.h)

#include <cstdio>
#include <string>
#include <string_view>

#include "provider/build_info.h"
#include "provider/compliance/provider.h"
#include "provider/log/crash.h"
#include "provider/log/log.h"
#include "provider/plugin/serve.h"
#include "provider/server/provider_service.h"

namespace {

constexpr std::string_view kUsage =
    "Usage: terraform-provider-compliancecheck [-version | -debug]\n"
    "  Terraform starts this provider itself; run it by hand only with\n"
    "  -version  print the version and exit\n"
    "  -debug    serve for Terraform to attach to through TF_REATTACH_PROVIDERS\n";

// Go's flag package, which provider authors know, takes -name and --name.
bool IsFlag(std::string_view arg, std::string_view name) {
  if (arg.substr(0, 2) == "--") {
    arg.remove_prefix(2);
  } else if (arg.substr(0, 1) == "-") {
    arg.remove_prefix(1);
  } else {
    return false;
  }
  return arg == name || (name == "debug" && arg == "debug=true");
}

}  // namespace

int main(int argc, char** argv) {
  tflog::InstallCrashHandler();
  plugin::ServeMode mode = plugin::ServeMode::kPlugin;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (IsFlag(arg, "version")) {
      std::printf("%s\n", build_info::VersionLine().c_str());
      return 0;
    }
    if (IsFlag(arg, "debug")) {
      mode = plugin::ServeMode::kDebug;
      continue;
    }
    if (IsFlag(arg, "help") || IsFlag(arg, "h")) {
      std::fputs(std::string(kUsage).c_str(), stdout);
      return 0;
    }
    std::fputs(std::string(kUsage).c_str(), stderr);
    return 2;
  }
  tflog::SetVersion(build_info::VersionLine());
  compliance::Provider provider;
  server::ProviderService service(provider);
  return plugin::Serve({&service}, mode);
}
