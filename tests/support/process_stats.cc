// File: tests/support/process_stats.cc

#include "tests/support/process_stats.h"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace cc_test {
namespace {

std::string ProcPath(pid_t pid, const std::string& rest) {
  return absl::StrCat("/proc/", pid, "/", rest);
}

// /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and
// parentheses, so fields are counted from the last ')'.
bool ReadStat(pid_t pid, char* state, pid_t* parent) {
  std::ifstream stat(ProcPath(pid, "stat"));
  std::string line;
  if (!std::getline(stat, line)) return false;
  const size_t close = line.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream rest(line.substr(close + 1));
  rest >> *state >> *parent;
  return static_cast<bool>(rest);
}

}  // namespace

absl::StatusOr<long> StatusKb(pid_t pid, const std::string& field) {
  std::ifstream status(ProcPath(pid, "status"));
  if (!status) return absl::NotFoundError(absl::StrCat("no /proc/", pid, "/status"));
  const std::string prefix = field + ":";
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::istringstream value(line.substr(prefix.size()));
    long kb = 0;
    if (value >> kb) return kb;
  }
  return absl::NotFoundError(absl::StrCat(field, " not in /proc/", pid, "/status"));
}

absl::StatusOr<std::vector<std::string>> OpenFileDescriptors(pid_t pid) {
  std::error_code error;
  std::filesystem::directory_iterator it(ProcPath(pid, "fd"), error);
  if (error) return absl::NotFoundError(absl::StrCat("/proc/", pid, "/fd: ", error.message()));
  std::vector<std::string> targets;
  for (const auto& entry : it) {
    // A descriptor closed between listing and reading is simply not counted.
    std::string target = std::filesystem::read_symlink(entry.path(), error).string();
    if (!error) targets.push_back(std::move(target));
  }
  return targets;
}

int CountSockets(const std::vector<std::string>& descriptors) {
  int n = 0;
  for (const auto& target : descriptors) n += target.rfind("socket:", 0) == 0 ? 1 : 0;
  return n;
}

bool HasEnded(pid_t pid) {
  char state = '?';
  pid_t parent = 0;
  if (!ReadStat(pid, &state, &parent)) return true;
  return state == 'Z' || state == 'X';
}

std::vector<pid_t> ChildrenOf(pid_t pid) {
  std::vector<pid_t> children;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
    pid_t candidate = 0;
    if (!absl::SimpleAtoi(entry.path().filename().string(), &candidate)) continue;
    char state = '?';
    pid_t parent = 0;
    if (ReadStat(candidate, &state, &parent) && parent == pid) children.push_back(candidate);
  }
  return children;
}

std::vector<std::string> DirectoryEntries(const std::string& directory) {
  std::vector<std::string> entries;
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    entries.push_back(std::filesystem::relative(it->path(), directory).string());
  }
  return entries;
}

TempDir::TempDir(const std::string& prefix) {
  std::string pattern = absl::StrCat("/tmp/", prefix, "-XXXXXX");
  if (::mkdtemp(pattern.data()) == nullptr) {
    std::fprintf(stderr, "mkdtemp %s: %s\n", pattern.c_str(), std::strerror(errno));
    std::abort();
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace cc_test
