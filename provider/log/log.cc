// File: provider/log/log.cc

#include "provider/log/log.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <initializer_list>

#include "nlohmann/json.hpp"
#include "provider/text/json_string.h"

namespace tflog {
namespace {

const char* LevelName(Level level) {
  switch (level) {
    case Level::kTrace:
      return "trace";
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
    case Level::kOff:
      break;
  }
  return "off";
}

// The layout Terraform's hclog parses: 2006-01-02T15:04:05.000000Z07:00.
std::string Timestamp(long long now_micros) {
  const std::time_t secs = static_cast<std::time_t>(now_micros / 1000000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%06lldZ", now_micros % 1000000);
  return buf;
}

std::string& ProgramVersion() {
  static std::string* version = new std::string;
  return *version;
}

// Whether a line has been written yet.
std::atomic<bool> wrote_a_line{false};

}  // namespace

void SetVersion(std::string version) { ProgramVersion() = std::move(version); }

Level ParseLevel(std::string_view name) {
  // As hclog's LevelFromString: surrounding whitespace ignored, any case.
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (lower.empty() || lower == "off") return Level::kOff;
  if (lower == "debug") return Level::kDebug;
  if (lower == "info") return Level::kInfo;
  if (lower == "warn") return Level::kWarn;
  if (lower == "error") return Level::kError;
  // "trace", "json", and anything unrecognised ("1", "true"): Terraform reads
  // an unknown TF_LOG as TRACE, and terraform-plugin-log leaves a provider
  // logger without a valid level at trace.
  return Level::kTrace;
}

Level ConfiguredLevel() {
  static const Level level = [] {
    for (const char* var : {"TF_LOG_PROVIDER_COMPLIANCECHECK", "TF_LOG_PROVIDER", "TF_LOG"}) {
      const char* value = std::getenv(var);
      if (value != nullptr && *value != '\0') return ParseLevel(value);
    }
    return Level::kOff;
  }();
  return level;
}

Field Str(std::string key, std::string_view value) {
  return {std::move(key), text::JsonQuoted(value)};
}

Field Num(std::string key, double value) { return {std::move(key), nlohmann::json(value).dump()}; }

Field Int(std::string key, long long value) { return {std::move(key), std::to_string(value)}; }

std::string FormatLine(Level level, std::string_view message, const std::vector<Field>& fields,
                       long long now_micros) {
  std::string line = "{\"@level\":\"";
  line += LevelName(level);
  line += "\",\"@message\":";
  line += text::JsonQuoted(message);
  line += ",\"@module\":\"compliancecheck\",\"@timestamp\":\"";
  line += Timestamp(now_micros);
  line += "\"";
  for (const auto& [key, value] : fields) {
    line += ",";
    line += text::JsonQuoted(key);
    line += ":";
    line += value;
  }
  line += "}";
  return line;
}

// Errors are always written: they explain why the plugin stopped, and the
// host shows them even when the user asked for no log.
bool Enabled(Level level) {
  return level == Level::kError || (level != Level::kOff && level >= ConfiguredLevel());
}

void Write(Level level, std::string_view message, const std::vector<Field>& fields) {
  if (!Enabled(level)) return;
  const long long now = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  std::string line;
  if (!ProgramVersion().empty() && !wrote_a_line.exchange(true)) {
    std::vector<Field> with_version = fields;
    with_version.push_back(Str("version", ProgramVersion()));
    line = FormatLine(level, message, with_version, now);
  } else {
    line = FormatLine(level, message, fields, now);
  }
  line += "\n";
  // One write per line so that lines from concurrent RPCs never interleave.
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n <= 0) return;
    p += n;
    left -= static_cast<size_t>(n);
  }
}

}  // namespace tflog
