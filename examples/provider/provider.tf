terraform {
  required_version = ">= 1.8"

  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

# Optional: every setting has a default, and the block may be left out.
provider "compliancecheck" {
  enforcement = "error"

  controls = {
    ecs_task_definition_no_host_ipc_mode = "error" # raise from the default "warning"
  }
}

variable "pid_mode" {
  type    = string
  default = "task"
}

# Fails `terraform plan` at the pid_mode line when var.pid_mode is "host".
data "compliancecheck_ecs_task_definition" "web" {
  family   = "web"
  pid_mode = var.pid_mode
}

output "web_compliant" {
  value = data.compliancecheck_ecs_task_definition.web.compliant
}
