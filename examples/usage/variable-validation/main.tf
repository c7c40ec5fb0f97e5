# Rejects a host PID mode where the value enters the configuration: in the
# validation block of an input variable. Terraform reports the variable's own
# error message, before anything else is planned.
terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

variable "pid_mode" {
  type        = string
  default     = "task"
  description = "PID mode of the web task definition: omit it or use \"task\"."

  validation {
    condition     = provider::compliancecheck::ecs_pid_mode_compliant(var.pid_mode)
    error_message = "Host PID mode is not allowed (AWS Security Hub ECS.3)."
  }
}

resource "terraform_data" "web_task_definition" {
  input = {
    family   = "web"
    pid_mode = var.pid_mode
  }
}
