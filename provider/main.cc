// terraform-provider-compliancecheck: build the provider, serve it the way
// go-plugin expects, and exit with what serving returned.

#include "provider/compliance/provider.h"
#include "provider/log/crash.h"
#include "provider/plugin/serve.h"
#include "provider/server/provider_service.h"

int main() {
  tflog::InstallCrashHandler();
  compliance::Provider provider;
  server::ProviderService service(provider);
  return plugin::Serve({&service});
}
