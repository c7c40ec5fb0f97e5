// File: provider/tf/function.h
//
// A provider-defined function: its signature and its implementation.
// Terraform calls functions on a provider process that may never have been
// configured, so a Function must not depend on provider configuration.

#ifndef COMPLIANCECHECK_PROVIDER_TF_FUNCTION_H_
#define COMPLIANCECHECK_PROVIDER_TF_FUNCTION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "provider/cty/type.h"
#include "provider/cty/value.h"

namespace tf {

struct Parameter {
  std::string name;
  cty::Type type;
  // Without it Terraform refuses null itself, before the call.
  bool allow_null = false;
  // Without it Terraform skips the call when the argument is not wholly known.
  bool allow_unknown = false;
  std::string description;  // Markdown
};

struct FunctionDefinition {
  std::vector<Parameter> parameters;
  std::optional<Parameter> variadic;
  cty::Type return_type;
  std::string summary;
  std::string description;  // Markdown
};

// A function's failure. With an argument index the user reads
// "Invalid value for "NAME" parameter: TEXT."; without it
// "Call to function ... failed: TEXT.".
struct FunctionError {
  std::string text;
  std::optional<int64_t> argument;
};

struct CallFunctionRequest {
  // One value per parameter, then one per variadic argument, each decoded
  // with its parameter's type.
  std::vector<cty::Value> arguments;
};

struct CallFunctionResponse {
  cty::Value result;  // of the definition's return type
  std::optional<FunctionError> error;
};

class Function {
 public:
  virtual ~Function() = default;
  virtual std::string_view Name() const = 0;
  virtual const FunctionDefinition& Definition() const = 0;
  // Pure and deterministic; safe to call from several threads at once.
  virtual void Call(const CallFunctionRequest& request, CallFunctionResponse* response) const = 0;
};

}  // namespace tf

#endif  // COMPLIANCECHECK_PROVIDER_TF_FUNCTION_H_
