// File: tests/integration/go_plugin_foreign_host_test.cc
//
// The static binary on a machine that is not the build machine: it must not
// pick up that machine's OpenSSL configuration, written for another OpenSSL
// (RHEL-family crypto policies, a FIPS provider module), which would leave
// it without the algorithms AutoMTLS needs.

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/support/plugin_process.h"
#include "tests/support/process_stats.h"
#include "tests/support/provider_client.h"

namespace cc_test {
namespace {

TEST(GoPluginForeignHost, ServesOverMtlsWhenOpenSslConfigNamesAModuleItCannotLoad) {
  TempDir dir("cc-foreign");
  const std::string config = dir.path() + "/openssl.cnf";
  std::ofstream(config) << "openssl_conf = openssl_init\n"
                           "config_diagnostics = 1\n"
                           "[openssl_init]\n"
                           "providers = provider_sect\n"
                           "[provider_sect]\n"
                           "elsewhere = elsewhere_sect\n"
                           "[elsewhere_sect]\n"
                           "module = "
                        << dir.path()
                        << "/no-such-module.so\n"
                           "activate = 1\n";
  PluginOptions options;
  options.unix_socket_dir = dir.path();
  options.extra_environment = {"OPENSSL_CONF=" + config};
  auto process = PluginProcess::Start(std::move(options));
  ASSERT_TRUE(process.ok()) << process.status();
  auto handshake = (*process)->ReadHandshake();
  ASSERT_TRUE(handshake.ok()) << handshake.status() << "\n" << (*process)->Stderr();
  EXPECT_FALSE(handshake->server_certificate.empty());
  ProviderClient client((*process)->Channel());
  EXPECT_TRUE(client.GetProviderSchema().ok());
  EXPECT_TRUE(client.Shutdown().ok());
}

}  // namespace
}  // namespace cc_test
