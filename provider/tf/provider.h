// File: provider/tf/provider.h
//
// A provider as the protocol layer sees it: its schema, its data sources and
// functions, and the provider block's validation and configuration.

#ifndef COMPLIANCECHECK_PROVIDER_TF_PROVIDER_H_
#define COMPLIANCECHECK_PROVIDER_TF_PROVIDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "provider/cty/value.h"
#include "provider/tf/data_source.h"
#include "provider/tf/diagnostics.h"
#include "provider/tf/function.h"
#include "provider/tf/schema.h"

namespace tf {

struct ValidateProviderConfigRequest {
  cty::Value config;  // object of the provider schema's type; may be partly unknown
};

struct ConfigureProviderRequest {
  std::string terraform_version;
  cty::Value config;
};

struct ProviderConfigResponse {
  Diagnostics diagnostics;
};

class Provider {
 public:
  virtual ~Provider() = default;
  virtual std::string_view TypeName() const = 0;
  virtual const Schema& GetSchema() const = 0;
  // Owned by the provider; they live as long as it does.
  virtual const std::vector<const DataSource*>& DataSources() const = 0;
  virtual const std::vector<const Function*>& Functions() const = 0;

  virtual void ValidateConfig(const ValidateProviderConfigRequest& request,
                              ProviderConfigResponse* response) = 0;
  virtual void Configure(const ConfigureProviderRequest& request,
                         ProviderConfigResponse* response) = 0;

  // The data source or function of that name, or nullptr.
  const DataSource* FindDataSource(std::string_view type_name) const;
  const Function* FindFunction(std::string_view name) const;
};

}  // namespace tf

#endif  // COMPLIANCECHECK_PROVIDER_TF_PROVIDER_H_
