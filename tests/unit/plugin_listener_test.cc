// File: tests/unit/plugin_listener_test.cc
//
// Where the plugin listens: a private unix socket directory, or TCP.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "provider/plugin/listener.h"

namespace plugin {
namespace {

std::string TempDir() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

TEST(SocketParentDirectory, PrefersPluginUnixSocketDirThenTmpdirThenTmp) {
  EXPECT_EQ(SocketParentDirectory("/a", "/b"), "/a");
  EXPECT_EQ(SocketParentDirectory("", "/b"), "/b");
  EXPECT_EQ(SocketParentDirectory(std::nullopt, "/b"), "/b");
  EXPECT_EQ(SocketParentDirectory(std::nullopt, ""), "/tmp");
  EXPECT_EQ(SocketParentDirectory(std::nullopt, std::nullopt), "/tmp");
}

TEST(Listener, MakesAPrivateDirectoryForTheSocketAndRemovesIt) {
  ListenerSettings settings;
  settings.socket_parent = TempDir();
  std::string directory;
  {
    auto listener = Listener::Create(settings);
    ASSERT_TRUE(listener.ok()) << listener.status();
    EXPECT_EQ((*listener)->network(), "unix");
    const std::string& path = (*listener)->address();
    ASSERT_EQ(path.front(), '/');
    EXPECT_EQ((*listener)->GrpcUri(), "unix:" + path);
    directory = path.substr(0, path.rfind('/'));
    struct stat st {};
    ASSERT_EQ(::stat(directory.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    EXPECT_EQ(st.st_uid, ::getuid());
  }
  EXPECT_NE(::access(directory.c_str(), F_OK), 0) << directory << " was left behind";
}

TEST(Listener, TwoListenersGetDifferentSockets) {
  ListenerSettings settings;
  settings.socket_parent = TempDir();
  auto a = Listener::Create(settings);
  auto b = Listener::Create(settings);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE((*a)->address(), (*b)->address());
}

TEST(Listener, FallsBackToLoopbackTcpWhenTheSocketPathIsTooLong) {
  const std::string deep = TempDir() + "/" + std::string(100, 'd');
  ASSERT_TRUE(::mkdir(deep.c_str(), 0700) == 0 || errno == EEXIST);
  ListenerSettings settings;
  settings.socket_parent = deep;
  settings.min_port = 20000;
  settings.max_port = 20100;
  {
    auto listener = Listener::Create(settings);
    ASSERT_TRUE(listener.ok()) << listener.status();
    EXPECT_EQ((*listener)->network(), "tcp");
    EXPECT_EQ((*listener)->address().rfind("127.0.0.1:", 0), 0u);
    EXPECT_EQ((*listener)->GrpcUri(), (*listener)->address());
  }
  ::rmdir(deep.c_str());
}

TEST(Listener, FailsWithoutSocketOrPort) {
  ListenerSettings settings;
  settings.socket_parent = "/nonexistent/directory";
  settings.min_port = 0;
  settings.max_port = 0;
  EXPECT_FALSE(Listener::Create(settings).ok());
}

}  // namespace
}  // namespace plugin
