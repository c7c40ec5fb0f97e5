// File: tests/integration/go_plugin_handshake_test.cc
//
// Start-up as go-plugin's client sees it: the environment it sets, the one
// line on stdout, and the refusals when something is missing.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
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
  // "x,6": an entry that is not a number is skipped; "": a legacy host
  // that lists nothing; "5": like go-plugin, answer 6 anyway, so that the
  // host reports the mismatch to the user in its own words.
  for (const char* offered : {"5,6", "6,5", "6", "x,6", "", "5"}) {
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

// A PLUGIN_UNIX_SOCKET_DIR that cannot hold a socket (a path under a
// regular file). The provider then listens on loopback TCP within
// PLUGIN_MIN_PORT..PLUGIN_MAX_PORT (mutual TLS as ever); with no port
// allowed either, it prints no handshake line, exits 1 and says why on
// stderr, at error level whatever TF_LOG says.
class UnusableSocketDirectory : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(::mkdtemp(dir_), nullptr);
    file_ = std::string(dir_) + "/not-a-directory";
    ASSERT_TRUE(std::ofstream(file_).good());
    options_.unix_socket_dir = file_ + "/sub";
  }
  void TearDown() override {
    ::unlink(file_.c_str());
    EXPECT_EQ(::rmdir(dir_), 0) << "the plugin left something in " << dir_;
  }
  char dir_[32] = "/tmp/cc-socket-file-XXXXXX";
  std::string file_;
  PluginOptions options_;
};

TEST_F(UnusableSocketDirectory, FallsBackToLoopbackTcp) {
  auto process = PluginProcess::Start(options_);
  ASSERT_TRUE(process.ok()) << process.status();
  auto line = (*process)->ReadHandshake();
  ASSERT_TRUE(line.ok()) << line.status() << "\n" << (*process)->Stderr();
  EXPECT_EQ(line->network, "tcp");
  EXPECT_EQ(line->address.rfind("127.0.0.1:", 0), 0u) << line->address;
  EXPECT_FALSE(line->server_certificate.empty()) << "TCP without mutual TLS";
  (*process)->SendSignal(SIGTERM);
  const auto exit = (*process)->WaitForExit(seconds(5));
  ASSERT_TRUE(exit.has_value());
  EXPECT_EQ(exit->code, 0) << (*process)->Stderr();
}

TEST_F(UnusableSocketDirectory, WithNoPortAllowedExitsOneSayingWhy) {
  options_.extra_environment = {"PLUGIN_MIN_PORT=1", "PLUGIN_MAX_PORT=0"};
  auto process = PluginProcess::Start(options_);
  ASSERT_TRUE(process.ok()) << process.status();
  const auto exit = (*process)->WaitForExit(seconds(5));
  ASSERT_TRUE(exit.has_value()) << "still running with no socket and no port\n"
                                << (*process)->Stderr();
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, 1);
  EXPECT_EQ((*process)->Stdout(), "");
  const std::string err = (*process)->Stderr();
  EXPECT_NE(err.find("cannot listen"), std::string::npos) << err;
  EXPECT_NE(err.find("\"@level\":\"error\""), std::string::npos) << err;
  EXPECT_NE(err.find("no free TCP port"), std::string::npos) << err;
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
