// Start-up as go-plugin's client sees it: the environment it sets, the one
// line on stdout, and the refusals when something is missing.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "tests/support/plugin_process.h"

namespace cc_test {
namespace {

using std::chrono::seconds;

TEST(GoPluginHandshake, PrintsOneSixFieldLineNamingAPrivateUnixSocket) {
  auto process = PluginProcess::Start();
  ASSERT_TRUE(process.ok()) << process.status();
  auto line = (*process)->ReadHandshake();
  ASSERT_TRUE(line.ok()) << line.status();

  EXPECT_EQ(line->core_protocol_version, 1);
  EXPECT_EQ(line->app_protocol_version, 6);
  EXPECT_EQ(line->network, "unix");
  EXPECT_EQ(line->protocol, "grpc");
  EXPECT_FALSE(line->server_certificate.empty());
  EXPECT_EQ(line->server_certificate.find('='), std::string::npos);
  ASSERT_EQ(line->address.front(), '/');

  struct stat st {};
  ASSERT_EQ(::stat(line->address.c_str(), &st), 0) << line->address;
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_uid, ::getuid());
  EXPECT_EQ(st.st_mode & 0077, 0u) << "socket mode " << std::oct << (st.st_mode & 0777);
  const std::string directory = line->address.substr(0, line->address.rfind('/'));
  ASSERT_EQ(::stat(directory.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);

  // Exactly one line, and nothing else, on stdout.
  (*process)->SendSignal(SIGTERM);
  ASSERT_TRUE((*process)->WaitForExit(seconds(5)).has_value());
  const std::string out = (*process)->Stdout();
  EXPECT_EQ(out.find('\n'), out.size() - 1) << out;
}

TEST(GoPluginHandshake, AnswersProtocolSixWhateverTheOrderOffered) {
  for (const char* offered : {"5,6", "6,5", "6"}) {
    PluginOptions options;
    options.protocol_versions = offered;
    auto process = PluginProcess::Start(options);
    ASSERT_TRUE(process.ok()) << process.status();
    auto line = (*process)->ReadHandshake();
    ASSERT_TRUE(line.ok()) << line.status();
    EXPECT_EQ(line->app_protocol_version, 6) << offered;
  }
}

TEST(GoPluginHandshake, PutsTheSocketInPluginUnixSocketDir) {
  char dir[] = "/tmp/cc-socket-dir-XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  {
    PluginOptions options;
    options.unix_socket_dir = dir;
    auto process = PluginProcess::Start(options);
    ASSERT_TRUE(process.ok()) << process.status();
    auto line = (*process)->ReadHandshake();
    ASSERT_TRUE(line.ok()) << line.status();
    EXPECT_EQ(line->address.rfind(std::string(dir) + "/", 0), 0u) << line->address;
    (*process)->SendSignal(SIGTERM);
    ASSERT_TRUE((*process)->WaitForExit(seconds(5)).has_value());
  }
  EXPECT_EQ(::rmdir(dir), 0) << "the plugin left something in " << dir;
}

TEST(GoPluginHandshake, RefusesToRunWithoutTheMagicCookie) {
  PluginOptions options;
  options.magic_cookie = false;
  auto process = PluginProcess::Start(options);
  ASSERT_TRUE(process.ok()) << process.status();
  const auto exit = (*process)->WaitForExit(seconds(5));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, 1);
  EXPECT_EQ((*process)->Stdout(), "");
  EXPECT_NE((*process)->Stderr().find("This binary is a plugin. These are not meant to be "
                                      "executed directly."),
            std::string::npos)
      << (*process)->Stderr();
}

TEST(GoPluginHandshake, RefusesAClientCertificateThatIsNotPem) {
  PluginOptions options;
  options.client_certificate_override = "not a certificate";
  auto process = PluginProcess::Start(options);
  ASSERT_TRUE(process.ok()) << process.status();
  const auto exit = (*process)->WaitForExit(seconds(5));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited);
  EXPECT_NE(exit->code, 0);
  EXPECT_EQ((*process)->Stdout(), "");
  EXPECT_NE((*process)->Stderr().find("PLUGIN_CLIENT_CERT"), std::string::npos)
      << (*process)->Stderr();
}

TEST(GoPluginHandshake, RequiresAClientCertificateUnlessTlsIsDisabled) {
  PluginOptions options;
  options.client_certificate_override = "";  // no PLUGIN_CLIENT_CERT at all
  auto process = PluginProcess::Start(options);
  ASSERT_TRUE(process.ok()) << process.status();
  const auto exit = (*process)->WaitForExit(seconds(5));
  ASSERT_TRUE(exit.has_value());
  EXPECT_NE(exit->code, 0);
  EXPECT_EQ((*process)->Stdout(), "");
  EXPECT_NE((*process)->Stderr().find("PLUGIN_CLIENT_CERT"), std::string::npos)
      << (*process)->Stderr();
}

TEST(GoPluginHandshake, ServesPlaintextWithAnEmptyCertificateFieldWhenTlsIsDisabled) {
  PluginOptions options;
  options.disable_tls = true;
  auto process = PluginProcess::Start(options);
  ASSERT_TRUE(process.ok()) << process.status();
  auto line = (*process)->ReadHandshake();
  ASSERT_TRUE(line.ok()) << line.status();
  EXPECT_EQ(line->server_certificate, "");
  EXPECT_EQ((*process)->Stdout().substr(0, (*process)->Stdout().find('\n')).back(), '|');
  auto channel = (*process)->Channel();
  auto health = CheckHealth(*channel, "plugin");
  ASSERT_TRUE(health.ok()) << health.status();
  EXPECT_EQ(*health, 1);
}

}  // namespace
}  // namespace cc_test
