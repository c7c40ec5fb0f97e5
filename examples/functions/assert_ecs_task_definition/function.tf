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
  default = "task"
}

resource "terraform_data" "task_definition" {
  input = {
    family   = "web"
    pid_mode = var.pid_mode
  }

  lifecycle {
    precondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition({ family = "web", pid_mode = var.pid_mode })
      error_message = "Host PID mode is not allowed."
    }
  }
}
