// File: provider/compliance/provider.h
//
// The compliancecheck provider: its provider block (`enforcement`,
// `controls`), the data source and the functions.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_PROVIDER_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_PROVIDER_H_

#include <vector>

#include "provider/compliance/ecs_task_definition_data_source.h"
#include "provider/compliance/functions.h"
#include "provider/compliance/settings.h"
#include "provider/tf/provider.h"

namespace compliance {

class Provider final : public tf::Provider {
 public:
  Provider();
  Provider(const Provider&) = delete;
  Provider& operator=(const Provider&) = delete;

  std::string_view TypeName() const override { return "compliancecheck"; }
  const tf::Schema& GetSchema() const override { return schema_; }
  const std::vector<const tf::DataSource*>& DataSources() const override { return data_sources_; }
  const std::vector<const tf::Function*>& Functions() const override { return functions_; }

  // Settings apply from validation on: Terraform validates data sources on
  // the same, not yet configured, process.
  void ValidateConfig(const tf::ValidateProviderConfigRequest& request,
                      tf::ProviderConfigResponse* response) override;
  void Configure(const tf::ConfigureProviderRequest& request,
                 tf::ProviderConfigResponse* response) override;

 private:
  void Apply(const cty::Value& config, tf::Diagnostics* diags);

  tf::Schema schema_;
  SettingsStore settings_;
  EcsTaskDefinitionDataSource ecs_task_definition_{settings_};
  EcsPidModeCompliant ecs_pid_mode_compliant_;
  CheckEcsTaskDefinition check_ecs_task_definition_;
  AssertEcsTaskDefinition assert_ecs_task_definition_;
  std::vector<const tf::DataSource*> data_sources_;
  std::vector<const tf::Function*> functions_;
};

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_PROVIDER_H_
