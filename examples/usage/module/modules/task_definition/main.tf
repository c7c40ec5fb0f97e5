# A task definition module as teams write them: container definitions built
# with jsonencode, pid_mode passed through. The data source checks the same
# values the aws_ecs_task_definition resource would receive, so a host PID
# mode fails the plan at the pid_mode line inside this module.
terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

variable "family" {
  type = string
}

variable "pid_mode" {
  type    = string
  default = null
}

variable "containers" {
  type = list(object({
    name   = string
    image  = string
    cpu    = optional(number, 256)
    memory = optional(number, 512)
  }))
}

locals {
  container_definitions = jsonencode([
    for container in var.containers : {
      name                   = container.name
      image                  = container.image
      cpu                    = container.cpu
      memory                 = container.memory
      essential              = true
      readonlyRootFilesystem = true
      user                   = "1000"
      logConfiguration       = { logDriver = "awslogs" }
    }
  ])
}

data "compliancecheck_ecs_task_definition" "this" {
  family                = var.family
  pid_mode              = var.pid_mode
  container_definitions = local.container_definitions
}

# Stands in for aws_ecs_task_definition so that the example runs offline;
# depending on the data source, it is planned only after the check passed.
resource "terraform_data" "task_definition" {
  input = {
    family                = var.family
    pid_mode              = var.pid_mode
    container_definitions = local.container_definitions
  }

  depends_on = [data.compliancecheck_ecs_task_definition.this]
}

output "compliant" {
  value = data.compliancecheck_ecs_task_definition.this.compliant
}
