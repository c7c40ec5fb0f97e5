// File: tests/integration/go_plugin_mtls_test.cc
//
// AutoMTLS as Terraform uses it: only the host holding the certificate it put
// in PLUGIN_CLIENT_CERT gets through, and it gets the side services and the
// provider.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/plugin_process.h"
#include "tfplugin6.grpc.pb.h"

namespace cc_test {
namespace {

using std::chrono::seconds;

class GoPluginMtls : public testing::Test {
 protected:
  void SetUp() override {
    auto process = PluginProcess::Start();
    ASSERT_TRUE(process.ok()) << process.status();
    process_ = *std::move(process);
    auto line = process_->ReadHandshake();
    ASSERT_TRUE(line.ok()) << line.status();
  }

  // A health check over `channel`: the status code of the attempt.
  absl::StatusCode Attempt(const std::shared_ptr<grpc::Channel>& channel) {
    return CheckHealth(*channel, "plugin", seconds(3)).status().code();
  }

  std::unique_ptr<PluginProcess> process_;
};

TEST_F(GoPluginMtls, ReportsPluginServingOverHealth) {
  auto health = CheckHealth(*process_->Channel(), "plugin");
  ASSERT_TRUE(health.ok()) << health.status() << "\nstderr: " << process_->Stderr();
  EXPECT_EQ(*health, 1);  // SERVING
}

TEST_F(GoPluginMtls, ServesTheProviderSchema) {
  auto stub = tfplugin6::Provider::NewStub(process_->Channel());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + seconds(5));
  tfplugin6::GetProviderSchema::Request request;
  tfplugin6::GetProviderSchema::Response response;
  const grpc::Status status = stub->GetProviderSchema(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(response.has_provider());
  EXPECT_TRUE(response.data_source_schemas().contains("compliancecheck_ecs_task_definition"));
  for (const char* name :
       {"ecs_pid_mode_compliant", "check_ecs_task_definition", "assert_ecs_task_definition"}) {
    EXPECT_TRUE(response.functions().contains(name)) << name;
  }
  for (const auto& diagnostic : response.diagnostics()) {
    EXPECT_NE(diagnostic.severity(), tfplugin6::Diagnostic::ERROR) << diagnostic.summary();
  }
}

TEST_F(GoPluginMtls, RefusesAForeignClientCertificate) {
  const ClientCertificate stranger = GenerateClientCertificate();
  EXPECT_NE(Attempt(process_->ChannelWith(process_->TlsCredentials(&stranger))),
            absl::StatusCode::kOk);
  // The process keeps serving its own host.
  EXPECT_EQ(Attempt(process_->Channel()), absl::StatusCode::kOk);
}

TEST_F(GoPluginMtls, RefusesAClientWithoutCertificate) {
  EXPECT_NE(Attempt(process_->ChannelWith(process_->TlsCredentials(nullptr))),
            absl::StatusCode::kOk);
}

TEST_F(GoPluginMtls, RefusesPlaintext) {
  EXPECT_NE(Attempt(process_->ChannelWith(grpc::InsecureChannelCredentials())),
            absl::StatusCode::kOk);
}

}  // namespace
}  // namespace cc_test
