// File: checks/waiver.h
//
// A waiver: a control a data source accepts failing, for a reason, until a
// date. A waived control's findings are kept (level "waived", with the
// reason and expiry) but print nothing and block nothing. An expired waiver
// waives nothing: the findings block again.

#ifndef COMPLIANCECHECK_CHECKS_WAIVER_H_
#define COMPLIANCECHECK_CHECKS_WAIVER_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace checks {

struct Waiver {
  std::string control_id;
  std::string reason;   // the user's words, for findings and report_json only
  std::string expires;  // as written (RFC 3339); empty: it does not expire
};

// The moment `expires` stops waiving: an RFC 3339 timestamp
// ("2027-03-31T18:00:00Z", offsets and fractions allowed) as written, or a
// full date ("2027-03-31"), which waives through the end of that day, UTC.
// nullopt when `expires` is neither.
std::optional<absl::Time> ParseExpiry(std::string_view expires);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_WAIVER_H_
