// File: provider/compliance/provider.cc

#include "provider/compliance/provider.h"

#include "absl/strings/str_cat.h"
#include "checks/control.h"

namespace compliance {

Provider::Provider()
    : data_sources_{&ecs_task_definition_},
      functions_{&ecs_pid_mode_compliant_, &check_ecs_task_definition_,
                 &assert_ecs_task_definition_} {
  tf::Attribute enforcement{
      "enforcement", cty::Type::String(),
      "`\"error\"` (default): findings block at their level. `\"warning\"`: advisory "
      "mode for rolling the provider out; every error becomes a warning."};
  enforcement.optional = true;
  tf::Attribute controls{
      "controls", cty::Type::Map(cty::Type::String()),
      absl::StrCat("Level per control id: `\"error\"`, `\"warning\"` or `\"off\"`; overrides "
                   "the control's default level. Valid ids: ",
                   checks::ControlIdList(), ".")};
  controls.optional = true;
  schema_.block.attributes = {enforcement, controls};
  schema_.block.description =
      "Fails `terraform plan` on insecure ECS task definitions. Pure and offline: no credentials, "
      "no "
      "network, no state of its own.";
}

void Provider::Apply(const cty::Value& config, tf::Diagnostics* diags) {
  checks::Settings settings = ReadProviderSettings(config, diags);
  if (!diags->HasError()) settings_.Set(std::move(settings));
}

void Provider::ValidateConfig(const tf::ValidateProviderConfigRequest& request,
                              tf::ProviderConfigResponse* response) {
  Apply(request.config, &response->diagnostics);
}

void Provider::Configure(const tf::ConfigureProviderRequest& request,
                         tf::ProviderConfigResponse* response) {
  Apply(request.config, &response->diagnostics);
  settings_.SetConfigured();
}

}  // namespace compliance
