#!/usr/bin/env bash
# Start-up, memory and plan cost of the provider, side by side (not part of
# the tests; DESIGN.md §5 has the targets). Prints, in one run:
#   1. exec -> handshake line p50 (AutoMTLS on), the CPU time its threads
#      used until then (robust on a busy machine), and RSS 0.3 s after it, of
#      our binary and of another provider found in a filesystem mirror on this
#      machine (the column is left out when there is none), with the ratio;
#   2. the wall time of `terraform plan` over 1,000 task definitions
#      (terraform_data) each guarded by a compliancecheck data source, against
#      the same plan guarded by hand-written HCL preconditions, with the ratio.
#
#   RUNS=25 PLAN_RUNS=3 N_TASKS=1000 scripts/bench.sh
#   PROVIDER=path       our binary (default: build/provider/..., built if missing)
#   OTHER_PROVIDER=path the provider to compare with (default: the first
#                       terraform-provider-* under a registry.terraform.io
#                       mirror tree found with find, hashicorp/aws first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-25}
plan_runs=${PLAN_RUNS:-3}
n_tasks=${N_TASKS:-1000}
tf=${TERRAFORM:-terraform}

provider=${PROVIDER:-${BUILD_DIR:-$root/build}/provider/terraform-provider-compliancecheck}
if [ ! -x "$provider" ]; then
  BUILD_TARGETS=terraform-provider-compliancecheck "$root/scripts/build.sh" >/dev/null
fi

other=${OTHER_PROVIDER:-}
if [ -z "$other" ]; then
  found=$(find / -xdev -type f -path '*/registry.terraform.io/*/linux_amd64/terraform-provider-*' \
    ! -name 'terraform-provider-compliancecheck*' 2>/dev/null | sort || true)
  other=$(grep -m1 '/hashicorp/aws/' <<<"$found" || head -n1 <<<"$found" || true)
fi

if [ -n "$other" ] && [ ! -x "$other" ]; then
  echo "bench: $other is not an executable; comparing with nothing" >&2
  other=""
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A client certificate like Terraform's (ECDSA P-521), for AutoMTLS.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-521 -nodes -days 1 \
  -subj /CN=localhost -keyout "$work/client.key" -out "$work/client.pem" 2>/dev/null

# measure BINARY N -> "p50_us rss_kb hwm_kb cpu_us": N starts as Terraform
# starts a provider (an environment of just go-plugin's variables, stdout a
# pipe), each timed from just before posix_spawn to the handshake line read
# from the pipe, with the CPU time of all its threads at that moment
# (schedstat: what start-up costs, apart from waiting for a CPU on a busy
# machine), and its RSS and peak RSS 0.3 s later. Python's os.posix_spawn
# adds well under a millisecond; a bash coproc plus env, as this script used
# before, added about 15 ms and 8.5 ms of CPU per start on this kind of
# machine (a static hello-world measured 15 ms that way), more than the
# provider's own start-up.
cat >"$work/handshake.py" <<'PY'
import os, signal, statistics, sys, time
binary, runs, workdir, client_pem = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
env = {
    "PATH": os.environ["PATH"], "TMPDIR": workdir,
    "TF_PLUGIN_MAGIC_COOKIE": "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
    "PLUGIN_PROTOCOL_VERSIONS": "5,6", "PLUGIN_MIN_PORT": "10000", "PLUGIN_MAX_PORT": "25000",
    "PLUGIN_CLIENT_CERT": open(client_pem).read().strip(),
}
def cpu_us(pid):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            total += int(open(f"/proc/{pid}/task/{task}/schedstat").read().split()[0])
        except OSError:
            pass
    return total // 1000
def status_kb(pid, field):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0
samples = []
devnull = os.open(os.devnull, os.O_WRONLY)
for _ in range(runs):
    read_end, write_end = os.pipe()
    actions = [(os.POSIX_SPAWN_DUP2, write_end, 1), (os.POSIX_SPAWN_CLOSE, read_end),
               (os.POSIX_SPAWN_DUP2, devnull, 2)]
    start = time.perf_counter_ns()
    pid = os.posix_spawn(binary, [binary], env, file_actions=actions)
    os.close(write_end)
    line = b""
    while not line.endswith(b"\n"):
        chunk = os.read(read_end, 4096)
        if not chunk:
            sys.exit(f"bench: {binary} exited before its handshake line")
        line += chunk
    wall = (time.perf_counter_ns() - start) // 1000
    cpu = cpu_us(pid)
    time.sleep(0.3)
    rss, hwm = status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM")
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(read_end)
    samples.append((wall, rss, hwm, cpu))
print(*(int(statistics.median(s[i] for s in samples)) for i in range(4)))
PY
measure() { python3 "$work/handshake.py" "$1" "$2" "$work" "$work/client.pem"; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== exec -> handshake line (AutoMTLS on), p50 of $runs starts; RSS 0.3 s after =="
read -r ours_us ours_rss ours_hwm ours_cpu < <(measure "$provider" "$runs")
if [ -n "$other" ]; then
  read -r other_us other_rss other_hwm other_cpu < <(measure "$other" "$(( runs < 15 ? runs : 15 ))")
  printf '%-22s %14s %14s %12s\n' "" "compliancecheck" "$(basename "$(dirname "$(dirname "$(dirname "$other")")")")" "ratio"
  printf '%-22s %11.1f ms %11.1f ms %12s\n' "handshake p50" "$(ratio "$ours_us" 1000)" "$(ratio "$other_us" 1000)" "$(ratio "$ours_us" "$other_us")"
  printf '%-22s %11.1f ms %11.1f ms %12s\n' "CPU to handshake p50" "$(ratio "$ours_cpu" 1000)" "$(ratio "$other_cpu" 1000)" "$(ratio "$ours_cpu" "$other_cpu")"
  printf '%-22s %11.1f MB %11.1f MB %12s\n' "RSS" "$(ratio "$ours_rss" 1024)" "$(ratio "$other_rss" 1024)" "$(ratio "$ours_rss" "$other_rss")"
  printf '%-22s %11.1f MB %11.1f MB %12s\n' "peak RSS (VmHWM)" "$(ratio "$ours_hwm" 1024)" "$(ratio "$other_hwm" 1024)" "$(ratio "$ours_hwm" "$other_hwm")"
  echo "(other: $other)"
else
  printf '%-22s %14s\n' "" "compliancecheck"
  printf '%-22s %11.1f ms\n' "handshake p50" "$(ratio "$ours_us" 1000)"
  printf '%-22s %11.1f ms\n' "CPU to handshake p50" "$(ratio "$ours_cpu" 1000)"
  printf '%-22s %11.1f MB\n' "RSS" "$(ratio "$ours_rss" 1024)"
  printf '%-22s %11.1f MB\n' "peak RSS (VmHWM)" "$(ratio "$ours_hwm" 1024)"
  echo "(no other provider found in a filesystem mirror: column left out)"
fi
echo "targets (DESIGN.md 5): handshake p50 <= 15 ms, peak RSS <= 16 MB"

# --- plan of N data sources vs hand-written HCL preconditions -------------
mkdir -p "$work/home" "$work/provider" "$work/with_provider" "$work/with_hcl"
cp "$provider" "$work/provider/terraform-provider-compliancecheck"
cat >"$work/cli.tfrc" <<RC
disable_checkpoint = true
provider_installation {
  dev_overrides {
    "compliancecheck/compliancecheck" = "$work/provider"
  }
  direct {}
}
RC
# Containers the whole ECS family passes (no finding, so neither plan prints
# a diagnostic): non-root user, read-only root file system, a log driver, an
# environment without AWS credential names.
containers='jsonencode([{ name = "app", image = "nginx:1.27", essential = true, portMappings = [{ containerPort = 80 }], readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" }, environment = [{ name = "LOG_LEVEL", value = "info" }] }, { name = "log", image = "fluent-bit:3", essential = false, readonlyRootFilesystem = true, user = "1000:1000", logConfiguration = { logDriver = "awslogs" } }])'
# Both plans hold the same $n_tasks task definitions (terraform_data stands
# in for aws_ecs_task_definition, which needs the AWS provider); one guards
# each with a compliancecheck data source, the other with hand-written HCL
# preconditions doing the same checks.
tasks="locals {
  tasks = [for i in range($n_tasks) : {
    family                = \"svc-\${i}\"
    pid_mode              = \"task\"
    ipc_mode              = \"task\"
    network_mode          = \"awsvpc\"
    container_definitions = $containers
  }]
}"
cat >"$work/with_provider/main.tf" <<TF
terraform {
  required_providers {
    compliancecheck = { source = "compliancecheck/compliancecheck" }
  }
}
$tasks
data "compliancecheck_ecs_task_definition" "t" {
  count                 = $n_tasks
  family                = local.tasks[count.index].family
  pid_mode              = local.tasks[count.index].pid_mode
  ipc_mode              = local.tasks[count.index].ipc_mode
  network_mode          = local.tasks[count.index].network_mode
  container_definitions = local.tasks[count.index].container_definitions
}
resource "terraform_data" "t" {
  count = $n_tasks
  input = local.tasks[count.index]
}
TF
# The checks a user would hand-write for the same controls, the JSON decoded
# once per task definition.
cat >"$work/with_hcl/main.tf" <<TF
$tasks
locals {
  containers    = [for t in local.tasks : jsondecode(t.container_definitions)]
  secret_names  = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"]
}
resource "terraform_data" "t" {
  count = $n_tasks
  input = local.tasks[count.index]
  lifecycle {
    precondition {
      condition     = local.tasks[count.index].pid_mode != "host"
      error_message = "ECS.3: the task definition shares the host's process namespace."
    }
    precondition {
      condition     = local.tasks[count.index].ipc_mode != "host"
      error_message = "The task definition shares the host's IPC namespace."
    }
    precondition {
      condition     = local.tasks[count.index].network_mode != "host"
      error_message = "The task definition uses the host's network."
    }
    precondition {
      condition = alltrue([for c in local.containers[count.index] :
        !contains(keys(c), "pidMode") && !contains(keys(c), "ipcMode")])
      error_message = "pidMode and ipcMode belong to the task definition, not a container."
    }
    precondition {
      condition     = alltrue([for c in local.containers[count.index] : !try(c.privileged, false)])
      error_message = "A container runs privileged."
    }
    precondition {
      condition     = alltrue([for c in local.containers[count.index] : try(c.readonlyRootFilesystem, false)])
      error_message = "A container's root file system is writable."
    }
    precondition {
      condition     = alltrue([for c in local.containers[count.index] : can(c.logConfiguration.logDriver)])
      error_message = "A container has no log configuration."
    }
    precondition {
      condition = alltrue([for c in local.containers[count.index] :
        !contains(["", "root", "0"], split(":", try(c.user, ""))[0])])
      error_message = "A container runs as root."
    }
    precondition {
      condition = alltrue([for c in local.containers[count.index] :
        length(setintersection([for e in try(c.environment, []) : upper(trimspace(e.name))], local.secret_names)) == 0])
      error_message = "A container passes AWS credentials in its environment."
    }
  }
}
TF

plan_seconds() {  # plan_seconds DIR -> median wall seconds of PLAN_RUNS plans
  local dir=$1 i start end
  : >"$work/plan_samples"
  (cd "$dir" && HOME="$work/home" TF_CLI_CONFIG_FILE="$work/cli.tfrc" "$tf" init -input=false >/dev/null 2>&1 || true)
  for ((i = 0; i < plan_runs; i++)); do
    start=${EPOCHREALTIME/./}
    if ! (cd "$dir" && HOME="$work/home" TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 \
      "$tf" plan -input=false -no-color -refresh=false >"$work/plan.log" 2>&1); then
      echo "bench: plan in $dir failed:" >&2
      tail -n 20 "$work/plan.log" >&2
      exit 1
    fi
    end=${EPOCHREALTIME/./}
    echo "$((end - start))" >>"$work/plan_samples"
  done
  cp "$work/plan.log" "$dir.log"
  median <"$work/plan_samples"
}

echo
echo "== terraform plan, $n_tasks task definitions, median of $plan_runs =="
provider_us=$(plan_seconds "$work/with_provider")
hcl_us=$(plan_seconds "$work/with_hcl")
printf '%-34s %10s %14s %8s\n' "" "data source" "HCL precond." "ratio"
printf '%-34s %8.2f s %12.2f s %8s\n' "plan wall time" "$(ratio "$provider_us" 1000000)" "$(ratio "$hcl_us" 1000000)" "$(ratio "$provider_us" "$hcl_us")"
echo "target (DESIGN.md 5): <= 1.10x"
# Both sides must pass: a plan that prints diagnostics is not the same work.
for side in with_provider with_hcl; do
  warnings=$(grep -c '^Warning: ' "$work/$side.log" || true)
  errors=$(grep -c '^Error: ' "$work/$side.log" || true)
  # Terraform's own warning about dev_overrides is expected on the provider side.
  if grep -q 'Provider development overrides' "$work/$side.log"; then warnings=$((warnings - 1)); fi
  if [ "$warnings" -ne 0 ] || [ "$errors" -ne 0 ]; then
    echo "bench: the $side plan printed $warnings warning(s), $errors error(s): not a like-for-like comparison" >&2
  fi
done
