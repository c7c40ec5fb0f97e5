// File: provider/plugin/listener.cc

#include "provider/plugin/listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "provider/plugin/environment.h"

namespace plugin {
namespace {

int PortFromEnvironment(const char* name, int fallback) {
  int port = 0;
  const auto value = Getenv(name);
  if (!value.has_value() || !absl::SimpleAtoi(std::string(*value), &port) || port < 0 ||
      port > 65535) {
    return fallback;
  }
  return port;
}

// True when 127.0.0.1:port can be bound now. gRPC binds it a moment later;
// the race with another process is what go-plugin's own TCP listener has too.
bool TcpPortIsFree(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return free;
}

absl::StatusOr<std::string> MakePrivateDirectory(const std::string& parent) {
  std::string tmpl = absl::StrCat(parent.empty() ? "/tmp" : parent, "/plugin-XXXXXX");
  if (::mkdtemp(tmpl.data()) == nullptr) {  // mode 0700
    return absl::ErrnoToStatus(errno, absl::StrCat("creating a socket directory in ", parent));
  }
  if (tmpl.front() != '/') {
    char* absolute = ::realpath(tmpl.c_str(), nullptr);
    if (absolute == nullptr) {
      const int error = errno;
      ::rmdir(tmpl.c_str());
      return absl::ErrnoToStatus(error, "resolving the socket directory");
    }
    tmpl = absolute;
    std::free(absolute);
  }
  return tmpl;
}

}  // namespace

std::string SocketParentDirectory(std::optional<std::string_view> plugin_unix_socket_dir,
                                  std::optional<std::string_view> tmpdir) {
  if (plugin_unix_socket_dir.has_value() && !plugin_unix_socket_dir->empty()) {
    return std::string(*plugin_unix_socket_dir);
  }
  if (tmpdir.has_value() && !tmpdir->empty()) return std::string(*tmpdir);
  return "/tmp";
}

ListenerSettings ListenerSettingsFromEnvironment() {
  ListenerSettings settings;
  settings.socket_parent =
      SocketParentDirectory(Getenv("PLUGIN_UNIX_SOCKET_DIR"), Getenv("TMPDIR"));
  settings.min_port = PortFromEnvironment("PLUGIN_MIN_PORT", settings.min_port);
  settings.max_port = PortFromEnvironment("PLUGIN_MAX_PORT", settings.max_port);
  return settings;
}

absl::StatusOr<std::unique_ptr<Listener>> Listener::Create(const ListenerSettings& settings) {
  auto directory = MakePrivateDirectory(settings.socket_parent);
  absl::Status unix_status = directory.status();
  if (directory.ok()) {
    std::string path = absl::StrCat(*directory, "/plugin.sock");
    if (path.size() < sizeof(sockaddr_un{}.sun_path)) {
      return std::unique_ptr<Listener>(new Listener("unix", std::move(path), *directory));
    }
    ::rmdir(directory->c_str());
    unix_status =
        absl::OutOfRangeError(absl::StrCat("socket path ", path, " is too long for a unix socket"));
  }
  for (int port = settings.min_port; port <= settings.max_port && port > 0; ++port) {
    if (TcpPortIsFree(port)) {
      return std::unique_ptr<Listener>(new Listener("tcp", absl::StrCat("127.0.0.1:", port), ""));
    }
  }
  return absl::UnavailableError(absl::StrCat("no unix socket (", unix_status.message(),
                                             ") and no free TCP port in ", settings.min_port, "..",
                                             settings.max_port));
}

Listener::~Listener() {
  if (directory_.empty()) return;
  ::unlink(address_.c_str());
  ::rmdir(directory_.c_str());
}

std::string Listener::GrpcUri() const {
  return network_ == "unix" ? absl::StrCat("unix:", address_) : address_;
}

absl::Status Listener::RestrictToOwner() const {
  if (network_ != "unix") return absl::OkStatus();
  if (::chmod(address_.c_str(), S_IRUSR | S_IWUSR) != 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("restricting ", address_));
  }
  return absl::OkStatus();
}

}  // namespace plugin
