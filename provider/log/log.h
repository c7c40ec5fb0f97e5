// File: provider/log/log.h
//
// Logging as Terraform reads it from a plugin: one JSON object per line on
// stderr with "@level", "@message", "@timestamp" and "@module"; other keys
// become fields. Off unless TF_LOG_PROVIDER_COMPLIANCECHECK, TF_LOG_PROVIDER
// or TF_LOG (first one set wins) names a level. Never log attribute values:
// RPC names, durations, counts and verdicts only.

#ifndef COMPLIANCECHECK_PROVIDER_LOG_LOG_H_
#define COMPLIANCECHECK_PROVIDER_LOG_LOG_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tflog {

enum class Level { kTrace = 0, kDebug, kInfo, kWarn, kError, kOff };

// Parses a TF_LOG-style level name, case-insensitive, surrounding whitespace
// ignored ("TRACE", " debug", "JSON" = trace). Empty or "off": kOff. Anything
// else unrecognised ("1", "warning") is kTrace, as Terraform and
// terraform-plugin-log read it.
Level ParseLevel(std::string_view name);

// The level from the environment, as described above. Read once.
Level ConfiguredLevel();

// A field value is a string or a number, already formatted for JSON by the
// helpers below.
using Field = std::pair<std::string, std::string>;
Field Str(std::string key, std::string_view value);
Field Num(std::string key, double value);
Field Int(std::string key, long long value);

// Formats one log line (without the newline). `now_micros` is the time
// since the epoch.
std::string FormatLine(Level level, std::string_view message, const std::vector<Field>& fields,
                       long long now_micros);

// True when a message at `level` would be written. Errors always are.
bool Enabled(Level level);

// The program's version, which the first line written carries as its
// "version" field, so that every log says which build wrote it. Call once,
// before anything logs; without it no line has the field.
void SetVersion(std::string version);

// Writes one line to stderr in one write(2), when `level` is enabled.
void Write(Level level, std::string_view message, const std::vector<Field>& fields = {});

}  // namespace tflog

#endif  // COMPLIANCECHECK_PROVIDER_LOG_LOG_H_
