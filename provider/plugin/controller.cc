// File: provider/plugin/controller.cc

#include "provider/plugin/controller.h"

namespace plugin {
namespace {

// Finishes at once; OnDone runs when the reply has left the handler.
class ShutdownReactor final : public grpc::ServerUnaryReactor {
 public:
  explicit ShutdownReactor(const ShutdownSignal* shutdown) : shutdown_(shutdown) {
    Finish(grpc::Status::OK);
  }

  void OnDone() override {
    shutdown_->Request();
    delete this;
  }

 private:
  const ShutdownSignal* shutdown_;
};

}  // namespace

grpc::ServerUnaryReactor* ControllerService::Shutdown(grpc::CallbackServerContext*, const Empty*,
                                                      Empty*) {
  return new ShutdownReactor(shutdown_);
}

}  // namespace plugin
