// File: provider/plugin/stdio.cc

#include "provider/plugin/stdio.h"

namespace plugin {
namespace {

class SilentStream final : public grpc::ServerWriteReactor<StdioData> {
 public:
  void OnCancel() override { Finish(grpc::Status::OK); }
  void OnDone() override { delete this; }
};

}  // namespace

grpc::ServerWriteReactor<StdioData>* StdioService::StreamStdio(grpc::CallbackServerContext*,
                                                               const google::protobuf::Empty*) {
  return new SilentStream();
}

}  // namespace plugin
