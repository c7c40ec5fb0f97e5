// File: provider/plugin/health.cc

#include "provider/plugin/health.h"

#include <string>

#include "provider/plugin/hold_open.h"

namespace plugin {
namespace {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

bool IsServed(const std::string& service) { return service.empty() || service == "plugin"; }

}  // namespace

grpc::Status HealthService::Check(grpc::ServerContext*, const HealthCheckRequest* request,
                                  HealthCheckResponse* response) {
  // gRPC's built-in service's words, which clients may already match.
  if (!IsServed(request->service())) {
    return grpc::Status(grpc::StatusCode::NOT_FOUND, "service name unknown");
  }
  response->set_status(HealthCheckResponse::SERVING);
  return grpc::Status::OK;
}

grpc::Status HealthService::Watch(grpc::ServerContext* context, const HealthCheckRequest* request,
                                  grpc::ServerWriter<HealthCheckResponse>* writer) {
  HealthCheckResponse response;
  response.set_status(IsServed(request->service()) ? HealthCheckResponse::SERVING
                                                   : HealthCheckResponse::SERVICE_UNKNOWN);
  if (!writer->Write(response)) return grpc::Status::OK;  // the client is gone
  HoldOpen(*context, *shutdown_);
  return grpc::Status::OK;
}

}  // namespace plugin
