// File: provider/log/crash.h
//
// Makes a crash visible the way Terraform expects from a plugin: a line
// starting "fatal error: " and a backtrace on stderr, so that Terraform prints
// its crash banner instead of a bare "plugin exited" message.

#ifndef COMPLIANCECHECK_PROVIDER_LOG_CRASH_H_
#define COMPLIANCECHECK_PROVIDER_LOG_CRASH_H_

namespace tflog {

// Installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT and for
// std::terminate. Each writes the report with async-signal-safe calls and
// then dies of the original signal. Call once, early in main.
void InstallCrashHandler();

}  // namespace tflog

#endif  // COMPLIANCECHECK_PROVIDER_LOG_CRASH_H_
