terraform {
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

locals {
  containers = jsonencode([
    { name = "app", image = "nginx:1.27", essential = true, readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" } },
  ])
}

data "compliancecheck_ecs_task_definition" "web" {
  family                   = "web"
  pid_mode                 = var.pid_mode
  requires_compatibilities = ["EC2"]
  container_definitions    = local.containers
}

output "compliant" {
  value = data.compliancecheck_ecs_task_definition.web.compliant
}

output "findings" {
  value = data.compliancecheck_ecs_task_definition.web.findings
}
