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
// then dies of the original signal. Call once, early in main. Cheap: it does
// not unwind (see PrepareBacktracesInBackground).
void InstallCrashHandler();

// Readies the unwinder that the report's backtrace uses, on a detached
// thread. In a static binary the first unwind sorts every unwind-table entry
// (about 10 ms of CPU, and it allocates), so it is kept off the start-up path
// and out of the signal handler. A crash before it has finished still gets its "fatal error: "
// line first, then the backtrace (which then does the sorting itself). Call
// once serving has begun; later calls do nothing.
void PrepareBacktracesInBackground();

}  // namespace tflog

#endif  // COMPLIANCECHECK_PROVIDER_LOG_CRASH_H_
