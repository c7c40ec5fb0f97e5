# Guards a resource with a precondition: assert_ecs_task_definition() fails
# the call itself when a control fails at level error, so the plan stops with
# "Invalid function argument" at the call, naming the control and attribute.
terraform {
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

locals {
  task_definition = {
    family   = "metrics-agent"
    pid_mode = var.pid_mode
    container_definitions = jsonencode([
      { name = "agent", image = "public.ecr.aws/docker/library/busybox:1.36", readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" } },
    ])
  }
}

# Stands in for aws_ecs_task_definition so that the example runs offline.
resource "terraform_data" "task_definition" {
  input = local.task_definition

  lifecycle {
    precondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(local.task_definition)
      error_message = "The task definition is not compliant."
    }

    # The boolean form, for a message of your own.
    precondition {
      condition     = provider::compliancecheck::ecs_pid_mode_compliant(local.task_definition.pid_mode)
      error_message = "metrics-agent must not share the host's PID namespace."
    }
  }
}
