// File: tests/support/rpc_mix.h
//
// A mixed workload for a running provider: the RPCs Terraform sends during
// validate, plan and function calls, each with the answer PRODUCT.md
// requires. Every exchange's request is built from its index (a family name
// "family-<index>" where the answer echoes it), so an answer delivered to the
// wrong caller is caught, not only a wrong answer. Used concurrently by the
// stress test and sequentially by the soak test.

#ifndef COMPLIANCECHECK_TESTS_SUPPORT_RPC_MIX_H_
#define COMPLIANCECHECK_TESTS_SUPPORT_RPC_MIX_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "tfplugin6.grpc.pb.h"

namespace cc_test {

// One RPC: its request and the check of its answer. Owns both messages, so
// it must outlive the call it starts.
class Exchange {
 public:
  virtual ~Exchange() = default;

  // What is sent, e.g. "ValidateDataResourceConfig(pid_mode=host)".
  virtual std::string Name() const = 0;
  // Starts the call with gRPC's callback API; `done` runs once, on a gRPC
  // thread, with the call's status.
  virtual void Start(tfplugin6::Provider::Stub& stub, grpc::ClientContext* context,
                     std::function<void(grpc::Status)> done) = 0;
  // After `done`: "" when the answer is what PRODUCT.md requires, else what
  // is wrong with it.
  virtual std::string Check() const = 0;
};

// How many kinds of exchange the mix cycles through.
inline constexpr int kMixKinds = 12;

// The `index`th exchange of the mix (kind index % kMixKinds).
std::unique_ptr<Exchange> MixedExchange(int index);

// Runs `exchange` and waits for it. "" when the call succeeded and the
// answer checks out, else the status or the problem, prefixed by the name.
std::string RunBlocking(Exchange& exchange, tfplugin6::Provider::Stub& stub,
                        std::chrono::milliseconds deadline);

}  // namespace cc_test

#endif  // COMPLIANCECHECK_TESTS_SUPPORT_RPC_MIX_H_
