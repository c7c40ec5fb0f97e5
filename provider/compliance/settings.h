// File: provider/compliance/settings.h
//
// The provider block's settings (`enforcement`, `controls`) read from its
// configuration value, and the store that data sources read them from.
// Functions never read it: they evaluate every control at its default level.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_SETTINGS_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_SETTINGS_H_

#include <mutex>
#include <optional>

#include "checks/evaluation.h"
#include "provider/cty/value.h"
#include "provider/tf/diagnostics.h"

namespace compliance {

// Reads `config` (the provider block's object; may be null, partly unknown).
// Invalid values are errors on their attribute (never quoting the value);
// settings not known yet are marked so in the result (see checks::Settings),
// never replaced by their defaults.
checks::Settings ReadProviderSettings(const cty::Value& config, tf::Diagnostics* diags);

// Reads an `enforcement` attribute value. Null or unknown: nullopt. Invalid:
// an error diagnostic on `path` and nullopt.
std::optional<checks::Enforcement> ReadEnforcement(const cty::Value& value,
                                                   const tf::AttributePath& path,
                                                   tf::Diagnostics* diags);

// The provider's current settings, shared between concurrent RPCs.
// std::mutex rather than absl::Mutex: Debian's abseil is built without
// ThreadSanitizer, which then cannot see absl::Mutex's locking and reports
// every guarded access as a race; a pthread mutex it sees.
class SettingsStore {
 public:
  checks::Settings Get() const;
  void Set(checks::Settings settings);
  // Whether ConfigureProvider has run on this process (Terraform validates
  // data sources before that in its validate walk, and after it in plan).
  bool Configured() const;
  void SetConfigured();

 private:
  mutable std::mutex mu_;
  checks::Settings settings_;  // guarded by mu_
  bool configured_ = false;    // guarded by mu_
};

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_SETTINGS_H_
