// File: provider/compliance/settings.cc

#include "provider/compliance/settings.h"

#include "absl/strings/str_cat.h"
#include "checks/control.h"

namespace compliance {

std::optional<checks::Enforcement> ReadEnforcement(const cty::Value& value,
                                                   const tf::AttributePath& path,
                                                   tf::Diagnostics* diags) {
  if (!value.is_known()) return std::nullopt;
  const std::string& text = value.AsString();
  if (text == "error") return checks::Enforcement::kError;
  if (text == "warning") return checks::Enforcement::kWarning;
  // The value itself is not shown: it may come from a sensitive variable.
  diags->AddError("Invalid enforcement mode",
                  "enforcement must be \"error\" (findings block at their level) or "
                  "\"warning\" (advisory: every error becomes a warning).",
                  path);
  return std::nullopt;
}

checks::Settings ReadProviderSettings(const cty::Value& config, tf::Diagnostics* diags) {
  checks::Settings settings;
  if (config.is_unknown()) {
    settings.enforcement_unknown = true;
    settings.levels_unknown = true;
    return settings;
  }
  if (config.is_null()) return settings;

  const tf::AttributePath enforcement_path = tf::AttributePath::Root("enforcement");
  const cty::Value& enforcement = config.GetAttr("enforcement");
  settings.enforcement_unknown = enforcement.is_unknown();
  if (auto mode = ReadEnforcement(enforcement, enforcement_path, diags)) {
    settings.enforcement = *mode;
  }

  const cty::Value& controls = config.GetAttr("controls");
  if (controls.is_unknown()) {
    settings.levels_unknown = true;
    return settings;
  }
  if (controls.is_null()) return settings;
  const tf::AttributePath controls_path = tf::AttributePath::Root("controls");
  for (const auto& [id, level_value] : controls.Attributes()) {
    const tf::AttributePath path = controls_path.AtMapKey(id);
    if (checks::FindControl(id) == nullptr) {
      diags->AddError("Unknown control id",
                      absl::StrCat("This key is not a compliancecheck control id. Valid ids: ",
                                   checks::ControlIdList(), "."),
                      path);
      continue;
    }
    if (level_value.is_unknown()) {
      settings.unknown_levels.insert(id);
      continue;
    }
    if (level_value.is_null()) continue;
    std::optional<checks::Level> level = checks::ParseLevel(level_value.AsString());
    if (!level.has_value()) {
      diags->AddError(
          "Invalid control level",
          absl::StrCat("The level of ", id, " must be \"error\", \"warning\" or \"off\"."), path);
      continue;
    }
    settings.levels[id] = *level;
  }
  return settings;
}

checks::Settings SettingsStore::Get() const {
  const std::lock_guard<std::mutex> lock(mu_);
  return settings_;
}

void SettingsStore::Set(checks::Settings settings) {
  const std::lock_guard<std::mutex> lock(mu_);
  settings_ = std::move(settings);
}

bool SettingsStore::Configured() const {
  const std::lock_guard<std::mutex> lock(mu_);
  return configured_;
}

void SettingsStore::SetConfigured() {
  const std::lock_guard<std::mutex> lock(mu_);
  configured_ = true;
}

}  // namespace compliance
