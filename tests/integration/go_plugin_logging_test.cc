// File: tests/integration/go_plugin_logging_test.cc
//
// Logging as Terraform reads it from a provider's stderr: JSON lines that
// hclog understands, only when TF_LOG / TF_LOG_PROVIDER asks for them, and
// never a value from the configuration (DESIGN.md 2.8): a task definition's
// environment holds secrets, and TF_LOG=trace output ends up in bug reports.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <ostream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "checks/control.h"
#include "nlohmann/json.hpp"
#include "tests/support/process_stats.h"
#include "tests/support/provider_client.h"

namespace cc_test {
namespace {

using cty::Type;
using cty::Value;
using std::chrono::seconds;

constexpr char kSecret[] = "AKIAIOSFODNN7EXAMPLE-s3cr3t-value";

// A container whose environment holds the secret; its misplaced pidMode
// gives a finding that points into this very document.
std::string ContainerDefinitions() {
  return std::string(R"([{"name":"app","image":"nginx","pidMode":"host","environment":[)") +
         R"({"name":"DB_PASSWORD","value":")" + kSecret + R"("}]}])";
}

// Runs a provider with `env`, sends what Terraform sends for a data source
// and the functions, with the secret in every place a value can be, shuts
// it down, and returns everything it wrote to stderr.
std::string StderrOfASession(const std::vector<std::string>& env) {
  TempDir socket_dir("cc-log");
  PluginOptions options;
  options.unix_socket_dir = socket_dir.path();
  options.extra_environment = env;
  auto process = StartServing(std::move(options));
  if (!process.ok()) {
    ADD_FAILURE() << process.status();
    return "";
  }
  ProviderClient client((*process)->Channel());
  const Value containers = Value::String(ContainerDefinitions());
  const Value secret = Value::String(kSecret);

  // The validate walk (provider not configured): the ECS.3 error; the
  // misplaced-key warning waits for the configured provider, so a plan
  // prints it once.
  auto validated = client.ValidateDataSource(
      kTaskDefinitionDataSource, TaskDefinitionMsgpack({{"family", secret},
                                                        {"pid_mode", Value::String("host")},
                                                        {"container_definitions", containers}}));
  EXPECT_TRUE(validated.ok()) << validated.status();
  if (validated.ok()) {
    EXPECT_EQ(validated->diagnostics_size(), 1) << Describe(validated->diagnostics());
  }
  auto read = client.ReadDataSource(kTaskDefinitionDataSource,
                                    TaskDefinitionMsgpack({{"family", secret},
                                                           {"pid_mode", Value::String("task")},
                                                           {"container_definitions", containers}}));
  EXPECT_TRUE(read.ok()) << read.status();
  if (read.ok()) {
    auto state = Decode(read->state(), TaskDefinitionType());
    EXPECT_TRUE(state.ok()) << state.status() << Describe(read->diagnostics());
    if (state.ok()) {
      EXPECT_EQ(state->GetAttr("container_definitions"), containers);
    }
  }
  // A document that is not JSON, and a value of the wrong type: their error
  // messages are where a value would most easily slip into a log line.
  auto broken = client.ReadDataSource(
      kTaskDefinitionDataSource,
      TaskDefinitionMsgpack(
          {{"container_definitions", Value::String(std::string("[{\"value\":\"") + kSecret)}}));
  EXPECT_TRUE(broken.ok()) << broken.status();
  tfplugin6::DynamicValue wrong_type;
  wrong_type.set_msgpack(std::string("\xa0", 1) + std::string(kSecret));  // a string, not an object
  EXPECT_TRUE(client.ValidateDataSource(kTaskDefinitionDataSource, wrong_type).ok());
  // Functions: a finding, an assertion failure, a plain answer.
  const auto argument = DynamicObject({{"family", secret},
                                       {"pid_mode", Value::String("host")},
                                       {"container_definitions", containers}});
  EXPECT_TRUE(client.CallFunction("check_ecs_task_definition", {argument}).ok());
  EXPECT_TRUE(client.CallFunction("assert_ecs_task_definition", {argument}).ok());
  EXPECT_TRUE(
      client.CallFunction("ecs_pid_mode_compliant", {Msgpack(secret, Type::String())}).ok());

  EXPECT_TRUE(client.Shutdown().ok());
  const auto exit = (*process)->WaitForExit(seconds(10));  // stderr complete after this
  EXPECT_TRUE(exit.has_value() && exit->code == 0);
  return (*process)->Stderr();
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

// hclog's layout 2006-01-02T15:04:05.000000Z07:00, in UTC.
const std::regex& TimestampLayout() {
  static const std::regex* layout =
      new std::regex(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$)");
  return *layout;
}

// The fields each message may carry: names, sizes, durations and verdicts.
// A new field (a value from the configuration, say) must be added here on
// purpose.
const std::map<std::string, std::set<std::string>>& AllowedFields() {
  static const auto* allowed = new std::map<std::string, std::set<std::string>>{
      {"RPC received", {"rpc", "request_bytes"}},
      {"RPC handled", {"rpc", "duration_ms", "errors", "warnings", "function", "result"}},
      {"control evaluated", {"caller", "control_id", "status", "level"}},
  };
  return *allowed;
}

TEST(GoPluginLogging, TraceLogIsJsonLinesWithEveryRpcAndNoValueFromTheConfiguration) {
  const std::string err = StderrOfASession({"TF_LOG_PROVIDER=trace"});
  EXPECT_FALSE(absl::StrContains(err, kSecret)) << err;
  EXPECT_FALSE(absl::StrContains(err, "s3cr3t")) << err;
  EXPECT_FALSE(absl::StrContains(err, "AKIAIOSFODNN7EXAMPLE")) << err;
  // The very text the quieter levels' tests look for, and must not find.
  EXPECT_TRUE(absl::StrContains(err, "\"@level\":\"trace\"")) << err;
  EXPECT_TRUE(absl::StrContains(err, "\"@level\":\"debug\"")) << err;

  std::vector<std::string> handled, received;
  std::set<std::string> pid_verdicts;  // "caller status level" of the ECS.3 control
  size_t evaluated = 0;
  bool first_line = true;
  for (const std::string& line : Lines(err)) {
    SCOPED_TRACE(line);
    const nlohmann::json entry = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(entry.is_object()) << "not a JSON object: Terraform would show it as plain text";
    ASSERT_TRUE(entry.contains("@level") && entry["@level"].is_string());
    const std::string level = entry["@level"];
    EXPECT_TRUE(level == "trace" || level == "debug" || level == "info" || level == "warn" ||
                level == "error")
        << level;
    ASSERT_TRUE(entry.contains("@message") && entry["@message"].is_string());
    ASSERT_TRUE(entry.contains("@timestamp") && entry["@timestamp"].is_string());
    EXPECT_TRUE(std::regex_match(entry["@timestamp"].get<std::string>(), TimestampLayout()));
    const std::string message = entry["@message"];
    const auto allowed = AllowedFields().find(message);
    ASSERT_NE(allowed, AllowedFields().end()) << "a message no test knows: " << message;
    for (const auto& [key, value] : entry.items()) {
      // The first line of a run also says which build wrote the log.
      if (first_line && key == "version") continue;
      EXPECT_TRUE(key[0] == '@' || allowed->second.count(key) != 0) << "unexpected field " << key;
    }
    first_line = false;
    if (message == "RPC handled") {
      EXPECT_EQ(level, "debug");
      handled.push_back(entry.value("rpc", ""));
      EXPECT_TRUE(entry.contains("duration_ms") && entry["duration_ms"].is_number());
      EXPECT_TRUE((entry.contains("errors") && entry.contains("warnings")) ||
                  (entry.contains("function") && entry.contains("result")))
          << "no verdict";
    } else if (message == "RPC received") {
      EXPECT_EQ(level, "trace");
      received.push_back(entry.value("rpc", ""));
      EXPECT_TRUE(entry.contains("request_bytes") && entry["request_bytes"].is_number_integer());
    } else if (message == "control evaluated") {
      EXPECT_EQ(level, "trace");
      ++evaluated;
      EXPECT_NE(checks::FindControl(entry.value("control_id", "")), nullptr);
      if (entry.value("control_id", "") == kPidModeControl) {
        pid_verdicts.insert(entry.value("caller", "") + " " + entry.value("status", "") + " " +
                            entry.value("level", ""));
      }
    }
  }
  for (const char* rpc : {"ValidateDataResourceConfig", "ReadDataSource", "CallFunction"}) {
    EXPECT_NE(std::count(handled.begin(), handled.end(), rpc), 0)
        << "no \"RPC handled\" for " << rpc;
  }
  // validate x2, read x2, call x3: one line each, as it arrives and when done.
  EXPECT_EQ(handled.size(), 7u);
  EXPECT_EQ(received, handled);
  // Every control, for each of the six requests that reached the checks (the
  // configuration of the wrong type never does).
  EXPECT_EQ(evaluated, 6 * checks::Catalog().size());
  // pid_mode = "host" at validate, "task" at read, "host" in the functions,
  // the secret as a pid_mode (an invalid value, failing closed).
  EXPECT_EQ(pid_verdicts, (std::set<std::string>{
                              "compliancecheck_ecs_task_definition fail error",
                              "compliancecheck_ecs_task_definition pass error",
                              "check_ecs_task_definition fail error",
                              "assert_ecs_task_definition fail error",
                              "ecs_pid_mode_compliant fail error",
                          }));
  const std::vector<std::string> lines = Lines(err);
  if (!lines.empty()) std::printf("a trace line: %s\n", lines.front().c_str());
}

struct QuietCase {
  const char* name;
  std::vector<std::string> env;
};

void PrintTo(const QuietCase& c, std::ostream* os) { *os << c.name; }

class GoPluginQuietLogging : public testing::TestWithParam<QuietCase> {};

// Below debug, or with no TF_LOG* at all, the same session writes no debug
// or trace line (and nothing else: no error happened).
TEST_P(GoPluginQuietLogging, WritesNoDebugLines) {
  const std::string err = StderrOfASession(GetParam().env);
  EXPECT_FALSE(absl::StrContains(err, "RPC handled")) << err;
  EXPECT_FALSE(absl::StrContains(err, "\"@level\":\"debug\"")) << err;
  EXPECT_FALSE(absl::StrContains(err, "\"@level\":\"trace\"")) << err;
  EXPECT_FALSE(absl::StrContains(err, kSecret)) << err;
  EXPECT_EQ(err, "");
}

INSTANTIATE_TEST_SUITE_P(Environments, GoPluginQuietLogging,
                         testing::Values(QuietCase{"NoTfLog", {}},
                                         QuietCase{"TfLogProviderInfo", {"TF_LOG_PROVIDER=info"}},
                                         QuietCase{"TfLogEmpty", {"TF_LOG="}},
                                         QuietCase{"ProviderOffOverridesTfLogTrace",
                                                   {"TF_LOG=trace", "TF_LOG_PROVIDER=off"}},
                                         QuietCase{"OwnVariableOffOverridesBoth",
                                                   {"TF_LOG=trace", "TF_LOG_PROVIDER=trace",
                                                    "TF_LOG_PROVIDER_COMPLIANCECHECK=off"}}),
                         [](const testing::TestParamInfo<QuietCase>& info) {
                           return info.param.name;
                         });

// TF_LOG_PROVIDER_COMPLIANCECHECK comes first, then TF_LOG_PROVIDER, then
// TF_LOG: the provider's own variable at debug wins over the others.
TEST(GoPluginLogging, OwnVariableSetsTheLevelOverTfLogProviderAndTfLog) {
  const std::string err = StderrOfASession(
      {"TF_LOG=off", "TF_LOG_PROVIDER=trace", "TF_LOG_PROVIDER_COMPLIANCECHECK=debug"});
  EXPECT_TRUE(absl::StrContains(err, "RPC handled")) << err;
  EXPECT_FALSE(absl::StrContains(err, "\"@level\":\"trace\"")) << err;
  EXPECT_FALSE(absl::StrContains(err, "RPC received")) << err;
  EXPECT_FALSE(absl::StrContains(err, kSecret)) << err;
}

TEST(GoPluginLogging, TfLogDebugLogsRpcsButNoTraceLines) {
  const std::string err = StderrOfASession({"TF_LOG=DEBUG"});
  EXPECT_TRUE(absl::StrContains(err, "RPC handled")) << err;
  EXPECT_FALSE(absl::StrContains(err, "\"@level\":\"trace\"")) << err;
  EXPECT_FALSE(absl::StrContains(err, "RPC received")) << err;
  EXPECT_FALSE(absl::StrContains(err, kSecret)) << err;
}

}  // namespace
}  // namespace cc_test
