// File: provider/plugin/signals.h
//
// Signal handling of a plugin process. Terraform handles Ctrl-C itself (it
// sends StopProvider), so SIGINT, which the terminal delivers to the whole
// process group, is ignored. SIGTERM ends serving cleanly. go-plugin never
// notices a dead host, so the kernel is asked to send SIGTERM when it dies.
// In debug mode there is no host: Ctrl-C and SIGTERM end serving.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_SIGNALS_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_SIGNALS_H_

#include <sys/types.h>

#include "absl/status/status.h"

namespace plugin {

class ShutdownSignal;

enum class SignalMode {
  kPlugin,  // started by go-plugin's host
  kDebug,   // started by hand with -debug
};

// kPlugin: ignores SIGINT and SIGPIPE, raises `shutdown` (which must outlive
// the process's serving) on SIGTERM, and arranges SIGTERM on the parent's
// death. `parent` is getppid() read as early as possible: when the parent
// has already changed by the time the death signal is armed, the parent died
// in between and `shutdown` is raised at once. (PR_SET_PDEATHSIG follows the
// thread that forked us; Go's runtime does not retire such threads.)
// kDebug: ignores SIGPIPE, raises `shutdown` on SIGINT and SIGTERM; `parent`
// is unused (a shell that exits does not end a debug session).
absl::Status InstallSignalHandling(const ShutdownSignal& shutdown, pid_t parent,
                                   SignalMode mode = SignalMode::kPlugin);

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_SIGNALS_H_
