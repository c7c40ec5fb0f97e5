terraform {
  required_version = ">= 1.8"

  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

variable "pid_mode" {
  type    = string
  default = null

  validation {
    condition     = provider::compliancecheck::ecs_pid_mode_compliant(var.pid_mode)
    error_message = "pid_mode must be null, \"\" or \"task\": \"host\" shares the host's process namespace (AWS Security Hub ECS.3)."
  }
}

output "pid_mode" {
  value = var.pid_mode
}
