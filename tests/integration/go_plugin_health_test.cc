// File: tests/integration/go_plugin_health_test.cc
//
// grpc.health.v1.Health as go-plugin's client and health probes use it:
// Check answers as gRPC's built-in service would, and an open Watch never
// holds up the plugin's exit.

#include <gtest/gtest.h>

#include <string>

#include "grpc_controller.grpc.pb.h"
#include "health.grpc.pb.h"
#include "tests/support/plugin_process.h"

namespace cc_test {
namespace {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;
using std::chrono::seconds;

class GoPluginHealth : public ::testing::Test {
 protected:
  void SetUp() override {
    auto process = PluginProcess::Start();
    ASSERT_TRUE(process.ok()) << process.status();
    process_ = *std::move(process);
    auto line = process_->ReadHandshake();
    ASSERT_TRUE(line.ok()) << line.status();
    channel_ = process_->Channel();
  }

  std::unique_ptr<PluginProcess> process_;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(GoPluginHealth, ChecksServingForTheServerAndForPlugin) {
  for (const std::string service : {"", "plugin"}) {
    auto health = CheckHealth(*channel_, service);
    ASSERT_TRUE(health.ok()) << "service \"" << service << "\": " << health.status();
    EXPECT_EQ(*health, HealthCheckResponse::SERVING) << "service \"" << service << "\"";
  }
}

TEST_F(GoPluginHealth, ChecksNotFoundForAnUnknownService) {
  auto health = CheckHealth(*channel_, "tfplugin6.Provider");
  EXPECT_EQ(health.status().code(), absl::StatusCode::kNotFound) << health.status();
}

TEST_F(GoPluginHealth, WatchSendsServingAndEndsWhenThePluginShutsDown) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext watch_context;
  HealthCheckRequest request;
  request.set_service("plugin");
  auto watch = health->Watch(&watch_context, request);
  HealthCheckResponse response;
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);

  auto controller = plugin::GRPCController::NewStub(channel_);
  grpc::ClientContext shutdown_context;
  shutdown_context.set_deadline(std::chrono::system_clock::now() + seconds(5));
  plugin::Empty empty;
  const grpc::Status shutdown = controller->Shutdown(&shutdown_context, empty, &empty);
  EXPECT_TRUE(shutdown.ok()) << shutdown.error_code() << " " << shutdown.error_message();
  const auto exit = process_->WaitForExit(seconds(5));  // a bound, not a benchmark
  ASSERT_TRUE(exit.has_value()) << "still running 5 s after Shutdown with a Watch open";
  EXPECT_EQ(exit->code, 0) << process_->Stderr();
  EXPECT_FALSE(watch->Read(&response));
}

}  // namespace
}  // namespace cc_test
