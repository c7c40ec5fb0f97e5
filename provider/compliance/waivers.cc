// File: provider/compliance/waivers.cc

#include "provider/compliance/waivers.h"

#include <cstdlib>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "checks/control.h"
#include "checks/waiver.h"

namespace compliance {
namespace {

tf::AttributePath ElementPath(std::size_t index, std::string attribute) {
  return tf::AttributePath::Root("waivers")
      .AtListIndex(static_cast<int64_t>(index))
      .AtName(std::move(attribute));
}

}  // namespace

const cty::Type& WaiverListType() {
  static const cty::Type* type =
      new cty::Type(cty::Type::List(cty::Type::Object({{"control_id", cty::Type::String()},
                                                       {"reason", cty::Type::String()},
                                                       {"expires", cty::Type::String()}},
                                                      {"expires"})));
  return *type;
}

absl::Time WaiverClock() {
  if (const char* fixed = std::getenv("COMPLIANCECHECK_TEST_NOW"); fixed != nullptr) {
    absl::Time time;
    std::string error;
    if (absl::ParseTime(absl::RFC3339_full, fixed, &time, &error)) return time;
  }
  return absl::Now();
}

void ReadWaivers(const cty::Value& waivers, absl::Time now, bool warn_expired,
                 checks::Settings* settings, tf::Diagnostics* diags) {
  if (waivers.is_null()) return;
  if (waivers.is_unknown()) {
    settings->waivers_unknown = true;
    return;
  }
  const std::vector<cty::Value>& elements = waivers.Elements();
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const cty::Value& element = elements[i];
    if (!element.is_known()) {
      settings->waivers_unknown = element.is_unknown() || settings->waivers_unknown;
      continue;
    }
    const cty::Value& id = element.GetAttr("control_id");
    const cty::Value& reason = element.GetAttr("reason");
    const cty::Value& expires = element.GetAttr("expires");
    if (id.is_unknown()) {
      settings->waivers_unknown = true;  // it may name any control
      continue;
    }
    const std::string control_id = id.is_null() ? std::string() : id.AsString();
    if (checks::FindControl(control_id) == nullptr) {
      diags->AddError("Waiver names an unknown control",
                      absl::StrCat("waivers[", i,
                                   "].control_id must be one of: ", checks::ControlIdList(), "."),
                      ElementPath(i, "control_id"));
      continue;
    }
    bool valid = true;
    if (reason.is_known() && absl::StripAsciiWhitespace(reason.AsString()).empty()) {
      valid = false;
    }
    if (reason.is_null() || !valid) {
      diags->AddError("Waiver has no reason",
                      absl::StrCat("The waiver waivers[", i, "] of ", control_id,
                                   " needs a reason: who accepted the finding, and why. It is "
                                   "shown with the findings and in report_json."),
                      ElementPath(i, "reason"));
      continue;
    }
    std::optional<absl::Time> expiry;
    if (expires.is_known()) {
      expiry = checks::ParseExpiry(expires.AsString());
      if (!expiry.has_value()) {
        diags->AddError("Invalid waiver expiry",
                        absl::StrCat("The expiry of the waiver waivers[", i, "] of ", control_id,
                                     " must be an RFC 3339 date (2027-03-31, which waives "
                                     "through that day, UTC) or timestamp "
                                     "(2027-03-31T18:00:00Z)."),
                        ElementPath(i, "expires"));
        continue;
      }
    }
    if (reason.is_unknown() || expires.is_unknown()) {
      settings->pending_waivers.insert(control_id);
      continue;
    }
    if (expiry.has_value() && now >= *expiry) {
      // Fail closed: the findings block again, and the user is told why.
      if (warn_expired) {
        diags->AddWarning("Waiver has expired",
                          absl::StrCat("The waiver waivers[", i, "] of ", control_id,
                                       " has expired, so it is ignored and the control's "
                                       "findings count again. Renew it with a new expiry, or "
                                       "fix the findings and remove it."),
                          ElementPath(i, "expires"));
      }
      continue;
    }
    // The first waiver in force for a control is the one reported.
    settings->waivers.emplace(control_id,
                              checks::Waiver{control_id, reason.AsString(),
                                             expires.is_known() ? expires.AsString() : ""});
  }
}

}  // namespace compliance
