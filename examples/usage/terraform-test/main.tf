# A task definition module that checks its own input, and `terraform test`
# runs that prove it (tests/task_definition.tftest.hcl). terraform_data stands
# in for aws_ecs_task_definition so that the tests run offline.
terraform {
  # 1.9: a variable's validation may refer to another variable.
  required_version = ">= 1.9"

  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

variable "family" {
  type    = string
  default = "web"
}

variable "pid_mode" {
  type    = string
  default = null

  validation {
    # In advisory mode a host PID mode gets through, and the data source
    # reports it as a warning instead.
    condition     = var.enforcement == "warning" || provider::compliancecheck::ecs_pid_mode_compliant(var.pid_mode)
    error_message = "pid_mode must be null, \"\" or \"task\" (AWS Security Hub ECS.3)."
  }
}

variable "ipc_mode" {
  type    = string
  default = null
}

variable "enforcement" {
  type    = string
  default = "error"

  validation {
    condition     = contains(["error", "warning"], var.enforcement)
    error_message = "enforcement must be \"error\" or \"warning\"."
  }
}

locals {
  task_definition = {
    family   = var.family
    pid_mode = var.pid_mode
    ipc_mode = var.ipc_mode
    container_definitions = jsonencode([
      { name = "app", image = "public.ecr.aws/nginx/nginx:1.27", essential = true, readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" } },
    ])
  }
}

data "compliancecheck_ecs_task_definition" "this" {
  family                = local.task_definition.family
  pid_mode              = local.task_definition.pid_mode
  ipc_mode              = local.task_definition.ipc_mode
  container_definitions = local.task_definition.container_definitions
  enforcement           = var.enforcement
}

resource "terraform_data" "task_definition" {
  input = local.task_definition

  lifecycle {
    # Stricter than the data source: any finding, warnings included, blocks
    # (unless in advisory mode).
    precondition {
      condition     = var.enforcement == "warning" || provider::compliancecheck::check_ecs_task_definition(local.task_definition).compliant
      error_message = "The task definition has compliance findings."
    }
  }

  depends_on = [data.compliancecheck_ecs_task_definition.this]
}

output "compliant" {
  value = data.compliancecheck_ecs_task_definition.this.compliant
}

output "failing_controls" {
  value = [for finding in data.compliancecheck_ecs_task_definition.this.findings : finding.control_id]
}
