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
  default = "host"
}

check "ecs_task_definition" {
  assert {
    condition     = provider::compliancecheck::check_ecs_task_definition({ pid_mode = var.pid_mode }).compliant
    error_message = "The task definition is not compliant."
  }
}
