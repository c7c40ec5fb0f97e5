# A postcondition on the data source makes the gate stricter than the
# control levels: `self.compliant` is false for any finding, so this plan also
# fails on a host IPC namespace, which is only a warning by default.
terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

variable "ipc_mode" {
  type    = string
  default = "host"
}

data "compliancecheck_ecs_task_definition" "web" {
  family   = "web"
  pid_mode = "task"
  ipc_mode = var.ipc_mode

  lifecycle {
    postcondition {
      condition     = self.compliant
      error_message = "web: ${join(", ", [for finding in self.findings : "${finding.control_id} at ${finding.attribute}"])}"
    }
  }
}

output "web_compliant" {
  value = data.compliancecheck_ecs_task_definition.web.compliant
}
