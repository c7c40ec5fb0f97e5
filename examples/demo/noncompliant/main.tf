terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

locals {
  container_definitions = jsonencode([
    {
      name                   = "web"
      image                  = "public.ecr.aws/nginx/nginx:1.27"
      essential              = true
      readonlyRootFilesystem = true
      user                   = "1000"
      logConfiguration       = { logDriver = "awslogs" }
      portMappings = [
        { containerPort = 80, protocol = "tcp" },
      ]
    },
  ])
}

data "compliancecheck_ecs_task_definition" "web" {
  family                = "web"
  network_mode          = "bridge"
  pid_mode              = "host"
  container_definitions = local.container_definitions
}

output "compliant" {
  value = data.compliancecheck_ecs_task_definition.web.compliant
}
