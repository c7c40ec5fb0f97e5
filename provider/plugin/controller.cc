// File: provider/plugin/controller.cc

#include "provider/plugin/controller.h"

namespace plugin {

grpc::Status ControllerService::Shutdown(grpc::ServerContext*, const Empty*, Empty*) {
  shutdown_->Request();
  return grpc::Status::OK;
}

}  // namespace plugin
