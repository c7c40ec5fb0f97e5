// File: tests/integration/go_plugin_faults_test.cc
//
// What goes wrong around a provider, and what the host must see then: a
// parent killed without warning, a crash, StopProvider, a request over the
// message limit, a data source or a call the provider does not know. Each
// fault ends the one request or the process cleanly; none leaves an orphan
// or a silent failure.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tests/support/client_cert.h"
#include "tests/support/process_stats.h"
#include "tests/support/provider_client.h"

namespace cc_test {
namespace {

using cty::Type;
using cty::Value;
using std::chrono::milliseconds;
using std::chrono::seconds;

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// Reads from `fd` until `stop` is in what was read, EOF, or `timeout`.
std::string ReadUntil(int fd, char stop, milliseconds timeout) {
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (text.find(stop) == std::string::npos) {
    const auto left =
        std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[512];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, static_cast<size_t>(n));
  }
  return text;
}

// go-plugin's host is the provider's parent. When Terraform is killed with
// SIGKILL nothing tells the provider, so it must notice by itself
// (PR_SET_PDEATHSIG) and end, removing its socket on the way out.
TEST(GoPluginFaults, ExitsSoonAfterItsParentIsKilled) {
  TempDir socket_dir("cc-orphan");
  const ClientCertificate client = GenerateClientCertificate();
  // Everything the children need is made before fork: after it, only
  // async-signal-safe calls (fork, dup2, execve, write, pause, _exit).
  std::vector<std::string> env = {kMagicCookie,
                                  "PLUGIN_PROTOCOL_VERSIONS=5,6",
                                  "PLUGIN_MIN_PORT=10000",
                                  "PLUGIN_MAX_PORT=25000",
                                  "PLUGIN_CLIENT_CERT=" + client.certificate_pem,
                                  "PLUGIN_UNIX_SOCKET_DIR=" + socket_dir.path()};
  PluginOptions sanitizer;
  PassSanitizerOptions(&sanitizer);
  for (const auto& entry : sanitizer.extra_environment) env.push_back(entry);
  std::vector<char*> envp;
  for (auto& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::string binary = CC_PROVIDER_BINARY;
  char* argv[] = {binary.data(), nullptr};

  int pid_pipe[2], stdout_pipe[2];
  ASSERT_EQ(::pipe2(pid_pipe, O_CLOEXEC), 0);
  ASSERT_EQ(::pipe2(stdout_pipe, O_CLOEXEC), 0);
  const pid_t parent = ::fork();
  ASSERT_GE(parent, 0);
  if (parent == 0) {
    // The stand-in for Terraform: starts the provider, reports its pid, waits.
    const pid_t provider = ::fork();
    if (provider == 0) {
      ::dup2(stdout_pipe[1], STDOUT_FILENO);  // dup2 clears O_CLOEXEC on the copy
      ::execve(argv[0], argv, envp.data());
      ::_exit(127);
    }
    if (::write(pid_pipe[1], &provider, sizeof provider) != sizeof provider) ::_exit(1);
    for (;;) ::pause();
  }
  ::close(pid_pipe[1]);
  ::close(stdout_pipe[1]);
  pid_t provider = -1;
  bool parent_reaped = false;
  // A failed assertion below must not leave either process behind.
  absl::Cleanup reap = [&] {
    if (!parent_reaped) {
      ::kill(parent, SIGKILL);
      ::waitpid(parent, nullptr, 0);
    }
    if (provider > 0 && !HasEnded(provider)) ::kill(provider, SIGKILL);
  };

  pollfd pid_ready{pid_pipe[0], POLLIN, 0};
  ASSERT_EQ(::poll(&pid_ready, 1, 10000), 1) << "the stand-in parent reported no pid";
  ASSERT_EQ(::read(pid_pipe[0], &provider, sizeof provider), static_cast<ssize_t>(sizeof provider));
  ::close(pid_pipe[0]);
  ASSERT_GT(provider, 0);
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, provider, 0));
  ASSERT_GE(pidfd, 0);

  // Serving (signal handling armed) before the parent dies.
  const std::string line = ReadUntil(stdout_pipe[0], '\n', seconds(30));
  ::close(stdout_pipe[0]);
  EXPECT_TRUE(absl::StartsWith(line, "1|6|unix|")) << line;
  auto handshake = ParseHandshakeLine(line.substr(0, line.find('\n')));
  ASSERT_TRUE(handshake.ok()) << handshake.status();

  const auto killed_at = std::chrono::steady_clock::now();
  ASSERT_EQ(::kill(parent, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(parent, &status, 0), parent);
  parent_reaped = true;
  // The pidfd becomes readable when the provider exits, whoever reaps it.
  pollfd pfd{pidfd, POLLIN, 0};
  const bool ended = ::poll(&pfd, 1, 5000) == 1 || HasEnded(provider);
  const double ms = MillisSince(killed_at);
  ::close(pidfd);
  ASSERT_TRUE(ended) << "the provider outlived its SIGKILLed parent by 5 s: an orphan";
  std::printf("provider gone %.2f ms after its parent was SIGKILLed\n", ms);
  RecordProperty("parent_death_exit_us", static_cast<int>(ms * 1000));
  EXPECT_LT(ms, 1000) << "a bound, not a benchmark: PR_SET_PDEATHSIG acts at once";
  // It ended through SIGTERM's clean path: the socket and its directory are gone.
  const auto left = DirectoryEntries(socket_dir.path());
  EXPECT_TRUE(left.empty()) << absl::StrJoin(left, ", ");
}

// Terraform prints its crash banner when a plugin's stderr has a line
// starting "fatal error: " and the plugin dies; the backtrace goes into the
// crash log the user is asked to report.
TEST(GoPluginFaults, ACrashWritesAFatalErrorLineAndABacktraceAndDiesOfTheSignal) {
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);  // inherited: no core file from the crash
  TempDir socket_dir("cc-crash");
  PluginOptions options;
  options.unix_socket_dir = socket_dir.path();
  auto process = StartServing(std::move(options));
  ASSERT_TRUE(process.ok()) << process.status();
  ProviderClient client((*process)->Channel());
  ASSERT_TRUE(client.GetProviderSchema().ok());  // serving, threads running

  (*process)->SendSignal(SIGSEGV);
  const auto exit = (*process)->WaitForExit(seconds(10));
  ASSERT_TRUE(exit.has_value()) << "still running 10 s after SIGSEGV";
  EXPECT_FALSE(exit->exited) << "exit code " << exit->code;
  EXPECT_EQ(exit->signal, SIGSEGV);

  const std::string err = (*process)->Stderr();
  std::vector<std::string> lines = absl::StrSplit(err, '\n');
  bool banner = false;
  for (const auto& l : lines) banner = banner || absl::StartsWith(l, "fatal error: ");
  EXPECT_TRUE(banner) << "no line starts with \"fatal error: \":\n" << err;
  EXPECT_TRUE(absl::StrContains(err, "backtrace:")) << err;
  const size_t after = err.find("backtrace:");
  EXPECT_TRUE(after != std::string::npos && err.find('\n', after) + 1 < err.size())
      << "an empty backtrace";
  lines.resize(std::min<size_t>(lines.size(), 8));
  std::printf("crash output (first lines):\n%s\n", absl::StrJoin(lines, "\n").c_str());
}

class GoPluginServingFaults : public testing::Test {
 protected:
  void SetUp() override {
    PluginOptions options;
    options.unix_socket_dir = socket_dir_.path();
    auto process = StartServing(std::move(options));
    ASSERT_TRUE(process.ok()) << process.status();
    process_ = *std::move(process);
    client_ = std::make_unique<ProviderClient>(process_->Channel());
  }

  void ExpectStillServing(ProviderClient& client) { ExpectServesRightAnswers(*process_, client); }

  TempDir socket_dir_{"cc-faults"};
  std::unique_ptr<PluginProcess> process_;
  std::unique_ptr<ProviderClient> client_;
};

// Terraform sends StopProvider on Ctrl-C and waits for the answer before it
// goes on: it must come at once, with an empty Error, and the process must go
// on serving (Terraform still calls Shutdown, and may call more RPCs first).
TEST_F(GoPluginServingFaults, StopProviderAnswersAtOnceWithAnEmptyErrorAndServingGoesOn) {
  ASSERT_TRUE(client_->GetProviderSchema().ok());  // connection up
  for (int i = 0; i < 2; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto stopped = client_->StopProvider();
    const double ms = MillisSince(start);
    ASSERT_TRUE(stopped.ok()) << stopped.status();
    EXPECT_EQ(stopped->error(), "");
    std::printf("StopProvider answered in %.3f ms\n", ms);
  }
  ExpectStillServing(*client_);
}

// About 2 MiB of compliant container definitions: a read that takes tens to
// hundreds of milliseconds (parsing, checking, echoing it back in the state).
std::string LargeCompliantContainers() {
  std::string json = "[";
  for (int i = 0; i < 500; ++i) {
    if (i != 0) json += ",";
    json +=
        R"({"name":"c)" + std::to_string(i) + R"(","image":"nginx","essential":true,)" +
        R"("readonlyRootFilesystem":true,"user":"1000","logConfiguration":{"logDriver":"awslogs"},)" +
        R"("environment":[{"name":"PADDING","value":")" + std::string(4000, 'p') + R"("}]})";
  }
  return json + "]";
}

// Ctrl-C during a long plan: Terraform sends StopProvider while reads are
// running. The answer must not wait for them (each StopProvider call below
// is spanned by a read that started before it and ended after it), and the
// reads must still finish with their right answers.
TEST_F(GoPluginServingFaults, StopProviderDuringLongReadsAnswersBeforeTheyEndAndTheyEndRight) {
  constexpr int kReaders = 4;
  constexpr int kStops = 5;
  using Clock = std::chrono::steady_clock;
  const Value containers = Value::String(LargeCompliantContainers());
  const tfplugin6::DynamicValue config = TaskDefinitionMsgpack(
      {{"pid_mode", Value::String("task")}, {"container_definitions", containers}});

  struct Span {
    Clock::time_point start, end;
  };
  std::mutex mu;
  std::vector<Span> reads;
  std::atomic<int> in_flight{0};
  std::atomic<bool> done{false};
  std::atomic<int> wrong{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < kReaders; ++t) {
    readers.emplace_back([&, t] {
      ProviderClient client(DistinctChannel(*process_, t), seconds(120));
      while (!done.load()) {
        const Clock::time_point start = Clock::now();
        ++in_flight;
        auto read = client.ReadDataSource(kTaskDefinitionDataSource, config);
        --in_flight;
        const Clock::time_point end = Clock::now();
        {
          std::lock_guard lock(mu);
          reads.push_back({start, end});
        }
        std::optional<Value> state;
        if (read.ok() && read->diagnostics_size() == 0) {
          if (auto decoded = Decode(read->state(), TaskDefinitionType()); decoded.ok())
            state = *decoded;
        }
        if (!state.has_value() || state->GetAttr("compliant") != Value::Bool(true) ||
            state->GetAttr("container_definitions") != containers) {
          ADD_FAILURE() << "reader " << t << ": wrong answer or none"
                        << (read.ok() ? Describe(read->diagnostics()) : read.status().ToString());
          ++wrong;
        }
      }
    });
  }

  ProviderClient stopper(DistinctChannel(*process_, kReaders), seconds(30));
  std::vector<Span> stops;
  for (int i = 0; i < kStops; ++i) {
    const Clock::time_point wait_until = Clock::now() + seconds(60);
    while (in_flight.load() < kReaders - 1 && Clock::now() < wait_until) {
      std::this_thread::sleep_for(milliseconds(1));
    }
    const Clock::time_point start = Clock::now();
    auto stopped = stopper.StopProvider();
    const Clock::time_point end = Clock::now();
    // No ASSERT while the readers run: returning would leave them unjoined.
    if (!stopped.ok()) {
      ADD_FAILURE() << "StopProvider " << i << ": " << stopped.status();
      break;
    }
    EXPECT_EQ(stopped->error(), "");
    stops.push_back({start, end});
    std::this_thread::sleep_for(milliseconds(20));
  }
  std::this_thread::sleep_for(milliseconds(200));  // the last reads end after the last stop
  done = true;
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(wrong.load(), 0);

  double read_ms_total = 0;
  for (const Span& r : reads)
    read_ms_total += std::chrono::duration<double, std::milli>(r.end - r.start).count();
  std::printf("%zu reads of %zu bytes, mean %.1f ms\n", reads.size(), containers.AsString().size(),
              read_ms_total / static_cast<double>(reads.size()));
  for (size_t i = 0; i < stops.size(); ++i) {
    const Span& stop = stops[i];
    const auto spanning = std::count_if(reads.begin(), reads.end(), [&](const Span& r) {
      return r.start < stop.start && r.end > stop.end;
    });
    std::printf("StopProvider %zu answered in %.3f ms, during %ld reads\n", i,
                std::chrono::duration<double, std::milli>(stop.end - stop.start).count(),
                static_cast<long>(spanning));
    EXPECT_GT(spanning, 0) << "StopProvider " << i << " waited for the reads running beside it";
  }
  ExpectStillServing(*client_);
}

// The 256 MiB limit is what protects the process from a runaway request: a
// bigger one is a protocol fault (a gRPC status), refused without harm.
TEST_F(GoPluginServingFaults, ARequestOverTheMessageLimitIsRefusedAndServingGoesOn) {
  constexpr size_t kHuge = size_t{300} << 20;
  // A valid configuration whose `family` is 300 MiB long: encode it with a
  // marker, then put a str32 of kHuge bytes where the marker's fixstr is.
  const std::string marker = "cc-oversize-marker";
  tfplugin6::DynamicValue small = TaskDefinitionMsgpack(
      {{"family", Value::String(marker)}, {"pid_mode", Value::String("task")}});
  const std::string fixstr = static_cast<char>(0xa0 | marker.size()) + marker;
  const size_t at = small.msgpack().find(fixstr);
  ASSERT_NE(at, std::string::npos);
  std::string bytes;
  bytes.reserve(small.msgpack().size() + kHuge + 5);
  bytes.append(small.msgpack(), 0, at);
  bytes.push_back(static_cast<char>(0xdb));
  for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<char>(kHuge >> shift));
  bytes.append(kHuge, 'x');
  bytes.append(small.msgpack(), at + fixstr.size());

  tfplugin6::ValidateDataResourceConfig::Request request;
  request.set_type_name(kTaskDefinitionDataSource);
  request.mutable_config()->set_msgpack(std::move(bytes));
  // This client would send it: only the provider's limit is under test.
  grpc::ChannelArguments arguments;
  arguments.SetMaxSendMessageSize(512 << 20);
  arguments.SetMaxReceiveMessageSize(256 << 20);
  auto channel = ChannelWithArguments(*process_, std::move(arguments));
  auto stub = tfplugin6::Provider::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + seconds(120));
  tfplugin6::ValidateDataResourceConfig::Response response;
  const auto start = std::chrono::steady_clock::now();
  const grpc::Status status = stub->ValidateDataResourceConfig(&context, request, &response);
  std::printf("300 MiB request refused after %.1f ms: code %d \"%s\"; provider VmHWM %ld kB\n",
              MillisSince(start), status.error_code(), status.error_message().c_str(),
              StatusKb(process_->pid(), "VmHWM").value_or(-1));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << status.error_message();

  ProviderClient same_channel(channel);
  ExpectStillServing(same_channel);
  ExpectStillServing(*client_);
}

// Terraform shows a gRPC error as a bare "Plugin error"; a type name the
// provider does not serve must instead be a diagnostic the user can read.
TEST_F(GoPluginServingFaults, UnknownDataSourceTypeIsAnErrorDiagnosticNotAGrpcError) {
  const std::string name = "compliancecheck_no_such_data_source";
  const tfplugin6::DynamicValue config = TaskDefinitionMsgpack({});
  auto validated = client_->ValidateDataSource(name, config);
  ASSERT_TRUE(validated.ok()) << validated.status();
  auto read = client_->ReadDataSource(name, config);
  ASSERT_TRUE(read.ok()) << read.status();
  for (const auto* diags : {&validated->diagnostics(), &read->diagnostics()}) {
    ASSERT_EQ(diags->size(), 1) << Describe(*diags);
    EXPECT_EQ((*diags)[0].severity(), tfplugin6::Diagnostic::ERROR);
    EXPECT_TRUE(absl::StrContains((*diags)[0].summary() + (*diags)[0].detail(), name))
        << Describe(*diags) << (*diags)[0].detail();
  }
  EXPECT_TRUE(read->state().msgpack().empty());
  ExpectStillServing(*client_);
}

// A call with the wrong number of arguments is a FunctionError (Terraform:
// "Error in function call"), naming no argument, with no result.
TEST_F(GoPluginServingFaults, WrongFunctionArityIsAFunctionErrorNotAGrpcError) {
  struct Case {
    const char* function;
    int arguments;
  };
  for (const Case& c :
       {Case{"ecs_pid_mode_compliant", 0}, Case{"ecs_pid_mode_compliant", 2},
        Case{"check_ecs_task_definition", 0}, Case{"assert_ecs_task_definition", 3}}) {
    SCOPED_TRACE(absl::StrCat(c.function, " with ", c.arguments, " arguments"));
    std::vector<tfplugin6::DynamicValue> arguments;
    for (int i = 0; i < c.arguments; ++i) {
      arguments.push_back(c.function == std::string("ecs_pid_mode_compliant")
                              ? Msgpack(Value::String("task"), Type::String())
                              : DynamicObject({{"pid_mode", Value::String("task")}}));
    }
    auto called = client_->CallFunction(c.function, arguments);
    ASSERT_TRUE(called.ok()) << called.status();
    ASSERT_TRUE(called->has_error());
    EXPECT_TRUE(absl::StrContains(called->error().text(), "argument")) << called->error().text();
    EXPECT_FALSE(called->error().has_function_argument());
    EXPECT_TRUE(!called->has_result() || called->result().msgpack().empty());
  }
  ExpectStillServing(*client_);
}

}  // namespace
}  // namespace cc_test
