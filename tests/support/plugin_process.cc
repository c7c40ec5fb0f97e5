// File: tests/support/plugin_process.cc

#include "tests/support/plugin_process.h"

#include <grpcpp/generic/generic_stub.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <future>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/support/child_process.h"

namespace cc_test {
namespace {

std::vector<std::string> Environment(const PluginOptions& options,
                                     const ClientCertificate& client) {
  std::vector<std::string> env;
  if (options.magic_cookie) env.emplace_back(kMagicCookie);
  env.push_back("PLUGIN_PROTOCOL_VERSIONS=" + options.protocol_versions);
  env.emplace_back("PLUGIN_MIN_PORT=10000");
  env.emplace_back("PLUGIN_MAX_PORT=25000");
  if (options.disable_tls) {
    env.emplace_back("TF_DISABLE_PLUGIN_TLS=1");
  } else if (options.client_certificate_override.has_value()) {
    if (!options.client_certificate_override->empty()) {
      env.push_back("PLUGIN_CLIENT_CERT=" + *options.client_certificate_override);
    }
  } else {
    env.push_back("PLUGIN_CLIENT_CERT=" + client.certificate_pem);
  }
  if (!options.unix_socket_dir.empty()) {
    env.push_back("PLUGIN_UNIX_SOCKET_DIR=" + options.unix_socket_dir);
  }
  // An extra entry replaces a default of the same name (getenv would
  // otherwise see the first of the two).
  for (const auto& entry : options.extra_environment) {
    const std::string name = entry.substr(0, entry.find('=') + 1);
    std::erase_if(env, [&](const std::string& e) { return e.rfind(name, 0) == 0; });
    env.push_back(entry);
  }
  return env;
}

}  // namespace

absl::StatusOr<HandshakeFields> ParseHandshakeLine(std::string_view line) {
  std::vector<std::string> parts = absl::StrSplit(absl::string_view(line.data(), line.size()), '|');
  if (parts.size() != 6) {
    return absl::InvalidArgumentError(
        absl::StrCat("handshake line has ", parts.size(), " fields, want 6: ", std::string(line)));
  }
  HandshakeFields fields;
  if (!absl::SimpleAtoi(parts[0], &fields.core_protocol_version) ||
      !absl::SimpleAtoi(parts[1], &fields.app_protocol_version)) {
    return absl::InvalidArgumentError(absl::StrCat("bad version in ", std::string(line)));
  }
  fields.network = parts[2];
  fields.address = parts[3];
  fields.protocol = parts[4];
  fields.server_certificate = parts[5];
  return fields;
}

absl::StatusOr<std::unique_ptr<PluginProcess>> PluginProcess::Start(PluginOptions options) {
  std::unique_ptr<PluginProcess> process(new PluginProcess());
  process->tls_ = !options.disable_tls;
  process->client_ = GenerateClientCertificate();

  process->spawned_at_ = std::chrono::steady_clock::now();
  std::vector<std::string> argv = {options.binary};
  argv.insert(argv.end(), options.arguments.begin(), options.arguments.end());
  auto child = Spawn({.argv = std::move(argv), .env = Environment(options, process->client_)});
  if (!child.ok()) return child.status();
  process->pid_ = child->pid;
  process->stdout_fd_ = child->stdout_fd;
  process->stderr_fd_ = child->stderr_fd;
  process->pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, process->pid_, 0));
  if (process->pidfd_ < 0) return absl::ErrnoToStatus(errno, "pidfd_open");
  process->reader_ = std::thread([p = process.get()] { p->ReadPipes(); });
  return process;
}

void PluginProcess::ReadPipes() {
  pollfd fds[2] = {{stdout_fd_, POLLIN, 0}, {stderr_fd_, POLLIN, 0}};
  int open = 2;
  char buffer[4096];
  while (open > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      const auto now = std::chrono::steady_clock::now();
      std::lock_guard lock(mu_);
      if (n <= 0) {
        fds[i].fd = -1;
        --open;
        if (i == 0) stdout_closed_ = true;
      } else if (i == 0) {
        stdout_.append(buffer, static_cast<size_t>(n));
        if (!line_at_.has_value() && stdout_.find('\n') != std::string::npos) line_at_ = now;
      } else {
        stderr_.append(buffer, static_cast<size_t>(n));
      }
      changed_.notify_all();
    }
  }
}

PluginProcess::~PluginProcess() {
  // As go-plugin's client ends a plugin that ignored Shutdown: ask, wait
  // 2 s, then kill. SIGTERM lets it remove its socket directory.
  if (pid_ > 0 && !exit_.has_value()) {
    ::kill(pid_, SIGTERM);
    if (!WaitForExit(std::chrono::seconds(2)).has_value()) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  if (reader_.joinable()) reader_.join();
  for (int fd : {pidfd_, stdout_fd_, stderr_fd_}) {
    if (fd >= 0) ::close(fd);
  }
}

absl::StatusOr<HandshakeFields> PluginProcess::ReadHandshake(std::chrono::milliseconds timeout) {
  std::string line;
  {
    std::unique_lock lock(mu_);
    if (!changed_.wait_for(lock, timeout, [&] { return line_at_.has_value() || stdout_closed_; })) {
      return absl::DeadlineExceededError(
          absl::StrCat("no handshake line within ", timeout.count(), " ms; stderr: ", stderr_));
    }
    if (!line_at_.has_value()) {
      return absl::UnavailableError(
          absl::StrCat("stdout closed without a handshake line; stderr: ", stderr_));
    }
    line = stdout_.substr(0, stdout_.find('\n'));
  }
  auto fields = ParseHandshakeLine(line);
  if (!fields.ok()) return fields.status();
  handshake_ = *fields;
  if (!handshake_.server_certificate.empty()) {
    auto pem = ServerCertificatePem(handshake_.server_certificate);
    if (!pem.ok()) return pem.status();
    server_certificate_pem_ = *pem;
  }
  return handshake_;
}

std::chrono::nanoseconds PluginProcess::TimeToHandshake() const {
  std::lock_guard lock(mu_);
  if (!line_at_.has_value()) return std::chrono::nanoseconds::max();
  return *line_at_ - spawned_at_;
}

std::shared_ptr<grpc::ChannelCredentials> PluginProcess::TlsCredentials(
    const ClientCertificate* client) const {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = server_certificate_pem_;
  if (client != nullptr) {
    options.pem_private_key = client->private_key_pem;
    options.pem_cert_chain = client->certificate_pem;
  }
  return grpc::SslCredentials(options);
}

std::shared_ptr<grpc::Channel> PluginProcess::ChannelWith(
    std::shared_ptr<grpc::ChannelCredentials> credentials) const {
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  const std::string target =
      handshake_.network == "unix" ? absl::StrCat("unix:", handshake_.address) : handshake_.address;
  return grpc::CreateCustomChannel(target, credentials, args);
}

std::shared_ptr<grpc::Channel> PluginProcess::Channel() const {
  return ChannelWith(tls_ ? TlsCredentials(&client_) : grpc::InsecureChannelCredentials());
}

std::optional<ProcessExit> PluginProcess::WaitForExit(std::chrono::milliseconds timeout) {
  if (exit_.has_value()) return exit_;
  pollfd pfd{pidfd_, POLLIN, 0};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    const int ready = ::poll(&pfd, 1, static_cast<int>(std::max<long>(left.count(), 0)));
    if (ready > 0) break;
    if (ready == 0) return std::nullopt;
    if (errno != EINTR) return std::nullopt;
  }
  ProcessExit result;
  result.at = std::chrono::steady_clock::now();
  int status = 0;
  if (::waitpid(pid_, &status, 0) != pid_) return std::nullopt;
  if (WIFEXITED(status)) {
    result.exited = true;
    result.code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  exit_ = result;
  // The pipes close with the process; let the reader drain them.
  if (reader_.joinable()) reader_.join();
  return exit_;
}

void PluginProcess::SendSignal(int signal) const {
  if (pid_ > 0 && !exit_.has_value()) ::kill(pid_, signal);
}

std::string PluginProcess::Stdout() const {
  std::lock_guard lock(mu_);
  return stdout_;
}

std::string PluginProcess::Stderr() const {
  std::lock_guard lock(mu_);
  return stderr_;
}

absl::StatusOr<int> CheckHealth(grpc::Channel& channel, const std::string& service,
                                std::chrono::milliseconds timeout) {
  // grpc.health.v1.HealthCheckRequest{service} is field 1, a string.
  std::string request_bytes = {0x0a, static_cast<char>(service.size())};
  request_bytes += service;
  grpc::Slice slice(request_bytes);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + timeout);

  grpc::GenericStub stub(std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  const grpc::Status status = done.get_future().get();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  std::vector<grpc::Slice> slices;
  if (!response.Dump(&slices).ok()) return absl::InternalError("unreadable health response");
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  // HealthCheckResponse{status} is field 1, a varint; absent means UNKNOWN (0).
  if (bytes.empty()) return 0;
  if (bytes.size() < 2 || bytes[0] != 0x08) return absl::InternalError("odd health response");
  return static_cast<int>(bytes[1]);
}

}  // namespace cc_test
