// File: provider/compliance/waivers.h
//
// The data source's `waivers`: which controls it accepts failing, why, and
// until when. Invalid waivers are errors on their element; an expired one is
// ignored, with a warning, so its findings block again (fail closed). A
// waiver not known yet (a variable during validate) makes the controls it
// could waive pending: validation reports nothing for them.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_WAIVERS_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_WAIVERS_H_

#include "absl/time/time.h"
#include "checks/evaluation.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "provider/tf/diagnostics.h"

namespace compliance {

// list(object({control_id = string, reason = string, expires = optional(string)}))
const cty::Type& WaiverListType();

// Reads `waivers` (the attribute's value; may be null or unknown, or hold
// unknowns) into `settings`, as of `now`. Errors always; the warning for an
// expired waiver only when `warn_expired` (so a plan prints it once).
// Diagnostics never show a waiver's reason or expiry: they are the user's
// words for the report, not for the terminal.
void ReadWaivers(const cty::Value& waivers, absl::Time now, bool warn_expired,
                 checks::Settings* settings, tf::Diagnostics* diags);

// The time waivers are judged at: the clock, or for tests only the RFC 3339
// time in COMPLIANCECHECK_TEST_NOW (never set it in real use).
absl::Time WaiverClock();

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_WAIVERS_H_
