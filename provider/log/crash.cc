// File: provider/log/crash.cc

#include "provider/log/crash.h"

#include <execinfo.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <exception>
#include <initializer_list>
#include <system_error>
#include <thread>
#include <typeinfo>

namespace tflog {
namespace {

void WriteAll(const char* s) {
  size_t left = strlen(s);
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, s, left);
    if (n <= 0) return;
    s += n;
    left -= static_cast<size_t>(n);
  }
}

void WriteBacktrace() {
  void* frames[64];
  const int n = backtrace(frames, 64);
  WriteAll("\nbacktrace:\n");
  backtrace_symbols_fd(frames, n, STDERR_FILENO);
}

// The description strsignal() would give, from constant strings: strsignal
// may format into a shared buffer and read the locale, neither of which is
// async-signal-safe.
const char* SignalDescription(int sig) {
  switch (sig) {
    case SIGSEGV:
      return "Segmentation fault";
    case SIGBUS:
      return "Bus error";
    case SIGFPE:
      return "Floating point exception";
    case SIGILL:
      return "Illegal instruction";
    case SIGABRT:
      return "Aborted";
    default:
      return "fatal signal";
  }
}

void OnFatalSignal(int sig) {
  WriteAll("fatal error: terraform-provider-compliancecheck crashed: ");
  WriteAll(SignalDescription(sig));
  WriteAll("\n");
  WriteBacktrace();
  // Die of the same signal, with the default action, so the exit status
  // tells the truth.
  signal(sig, SIG_DFL);
  raise(sig);
}

void OnTerminate() {
  WriteAll("fatal error: terraform-provider-compliancecheck crashed: unhandled C++ exception");
  if (std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      WriteAll(": ");
      WriteAll(ex.what());
    } catch (...) {
    }
  }
  WriteAll("\n");
  WriteBacktrace();
  signal(SIGABRT, SIG_DFL);
  std::abort();
}

}  // namespace

void InstallCrashHandler() {
  struct sigaction sa {};
  sa.sa_handler = OnFatalSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) sigaction(sig, &sa, nullptr);
  std::set_terminate(OnTerminate);
}

void PrepareBacktracesInBackground() {
  static std::atomic<bool> started{false};
  if (started.exchange(true)) return;
  try {
    std::thread([] {
      // The first backtrace() loads the unwinder in dynamic builds (glibc
      // dlopens libgcc_s), which allocates; static builds have nothing to
      // prepare (provider/static_unwind.cc), and the call costs little. At
      // the normal priority on purpose: loading holds the dynamic loader's
      // lock, so it must never be starved by a busy machine.
      void* frames[1];
      backtrace(frames, 1);
    }).detach();
  } catch (const std::system_error&) {
    // No thread to spare: the first crash report does the work itself.
  }
}

}  // namespace tflog
