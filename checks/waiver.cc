// File: checks/waiver.cc

#include "checks/waiver.h"

#include <string>

namespace checks {

std::optional<absl::Time> ParseExpiry(std::string_view expires) {
  const std::string text(expires);
  std::string error;
  absl::Time time;
  // A full date: "YYYY-MM-DD" exactly (absl would accept "2027-3-1").
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (absl::ParseTime("%Y-%m-%d", text, absl::UTCTimeZone(), &time, &error) &&
        absl::FormatTime("%Y-%m-%d", time, absl::UTCTimeZone()) == text) {
      return time + absl::Hours(24);
    }
    return std::nullopt;
  }
  // RFC 3339 date-time: a "T" (or "t") between date and time, seconds, and
  // a zone ("Z" or an offset); absl's RFC3339_full accepts exactly that.
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return std::nullopt;
  std::string normalized = text;
  normalized[10] = 'T';
  if (normalized.back() == 'z') normalized.back() = 'Z';
  // RFC 3339 offsets are "+hh:mm"; absl would also take "+hhmm".
  if (normalized.back() != 'Z' && normalized[normalized.size() - 3] != ':') return std::nullopt;
  if (!absl::ParseTime(absl::RFC3339_full, normalized, &time, &error)) return std::nullopt;
  return time;
}

}  // namespace checks
