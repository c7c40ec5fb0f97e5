// File: provider/compliance/ecs_task_definition_data_source.h
//
// compliancecheck_ecs_task_definition: checks one task definition's arguments
// (or its JSON document) and fails validation and plan on error-level
// findings, pointing at the offending argument.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_ECS_TASK_DEFINITION_DATA_SOURCE_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_ECS_TASK_DEFINITION_DATA_SOURCE_H_

#include "checks/input.h"
#include "provider/compliance/findings.h"
#include "provider/compliance/settings.h"
#include "provider/tf/data_source.h"

namespace compliance {

class EcsTaskDefinitionDataSource final : public tf::DataSource {
 public:
  // `settings` (the provider block's) must outlive the data source.
  explicit EcsTaskDefinitionDataSource(const SettingsStore& settings);

  std::string_view TypeName() const override { return "compliancecheck_ecs_task_definition"; }
  const tf::Schema& GetSchema() const override { return schema_; }
  void Validate(const tf::ValidateDataSourceRequest& request,
                tf::ValidateDataSourceResponse* response) const override;
  void Read(const tf::ReadDataSourceRequest& request,
            tf::ReadDataSourceResponse* response) const override;

 private:
  // Evaluates under the provider's settings and this data source's
  // enforcement, adding every diagnostic the user should read.
  checks::Evaluation Assess(const cty::Value& config, const checks::Input& input, Moment moment,
                            tf::Diagnostics* diags) const;

  const SettingsStore& settings_;
  tf::Schema schema_;
};

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_ECS_TASK_DEFINITION_DATA_SOURCE_H_
