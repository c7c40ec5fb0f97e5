// File: provider/plugin/stdio.cc

#include "provider/plugin/stdio.h"

#include "provider/plugin/hold_open.h"

namespace plugin {

grpc::Status StdioService::StreamStdio(grpc::ServerContext* context, const google::protobuf::Empty*,
                                       grpc::ServerWriter<StdioData>*) {
  HoldOpen(*context, *shutdown_);
  return grpc::Status::OK;
}

}  // namespace plugin
