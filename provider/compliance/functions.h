// File: provider/compliance/functions.h
//
// The provider-defined functions. Each evaluates the controls at their
// default levels: Terraform calls functions on a provider that was never
// configured, OpenTofu on a configured one, and both must give one answer.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_FUNCTIONS_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_FUNCTIONS_H_

#include "provider/tf/function.h"

namespace compliance {

// ecs_pid_mode_compliant(pid_mode string|null) bool
class EcsPidModeCompliant final : public tf::Function {
 public:
  EcsPidModeCompliant();
  std::string_view Name() const override { return "ecs_pid_mode_compliant"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest& request,
            tf::CallFunctionResponse* response) const override;

 private:
  tf::FunctionDefinition definition_;
};

// check_ecs_task_definition(task_definition dynamic) object({compliant, findings})
class CheckEcsTaskDefinition final : public tf::Function {
 public:
  CheckEcsTaskDefinition();
  std::string_view Name() const override { return "check_ecs_task_definition"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest& request,
            tf::CallFunctionResponse* response) const override;

 private:
  tf::FunctionDefinition definition_;
};

// assert_ecs_task_definition(task_definition dynamic) bool, or an error on
// argument 0 listing every error-level finding.
class AssertEcsTaskDefinition final : public tf::Function {
 public:
  AssertEcsTaskDefinition();
  std::string_view Name() const override { return "assert_ecs_task_definition"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest& request,
            tf::CallFunctionResponse* response) const override;

 private:
  tf::FunctionDefinition definition_;
};

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_FUNCTIONS_H_
