terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

# Every setting is optional, and so is the block: without it every control
# runs at its default level and error-level findings fail the plan.
provider "compliancecheck" {
  # "error" (the default): error-level findings fail `terraform plan`.
  # "warning": advisory mode for rolling the checks out; every error becomes
  # a warning. A data source's own `enforcement` overrides this one.
  enforcement = "error"

  # A level per control id: "error", "warning" or "off" ("off" skips the
  # control). Unlisted controls keep their default level.
  controls = {
    # AWS Security Hub ECS.3; default "error".
    ecs_task_definition_no_host_pid_mode = "error"

    # Host IPC namespace; default "warning". Raised here to block the plan.
    ecs_task_definition_no_host_ipc_mode = "error"

    # pidMode / ipcMode inside a container definition, where ECS ignores
    # them; default "warning".
    ecs_container_definitions_misplaced_namespace_key = "warning"
  }
}
