# The same checks on real aws_ecs_task_definition resources, next to the
# hashicorp/aws provider. `terraform plan` runs without an AWS account (see
# README.md): the tests plan it as shipped, and with -var pid_mode=host.
terraform {
  required_version = ">= 1.8"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

provider "aws" {
  region = "us-east-1"

  # Lets `terraform plan` run without an AWS account: with these three and any
  # AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, planning an
  # aws_ecs_task_definition never calls AWS. Remove them to apply for real.
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

provider "compliancecheck" {}

variable "pid_mode" {
  type    = string
  default = null

  validation {
    condition     = provider::compliancecheck::ecs_pid_mode_compliant(var.pid_mode)
    error_message = "pid_mode must be omitted or \"task\" (AWS Security Hub ECS.3)."
  }
}

locals {
  web_containers = jsonencode([
    {
      name      = "web"
      image     = "public.ecr.aws/nginx/nginx:1.27"
      cpu       = 256
      memory    = 512
      essential = true
      portMappings = [
        { containerPort = 80, protocol = "tcp" },
      ]
    },
  ])
}

# 1. The data source, fed from the same values as the resource: a host PID
#    mode fails `terraform plan` at the pid_mode line below, before AWS is
#    called.
data "compliancecheck_ecs_task_definition" "web" {
  family                   = "web"
  pid_mode                 = var.pid_mode
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  container_definitions    = local.web_containers
}

resource "aws_ecs_task_definition" "web" {
  family                   = data.compliancecheck_ecs_task_definition.web.family
  pid_mode                 = var.pid_mode
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions    = local.web_containers
}

# 2. A postcondition on the resource itself: `self` carries every argument of
#    aws_ecs_task_definition, and the function reads the ones it knows.
resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  network_mode          = "bridge"
  container_definitions = jsonencode([{ name = "worker", image = "public.ecr.aws/docker/library/busybox:1.36", memory = 128, essential = true }])

  lifecycle {
    postcondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(self)
      error_message = "The worker task definition is not compliant."
    }
  }
}

# 3. A check block: reports findings (warnings included) as a warning after
#    every plan and apply, never blocking.
check "web_task_definition" {
  assert {
    condition     = provider::compliancecheck::check_ecs_task_definition(aws_ecs_task_definition.web).compliant
    error_message = "The web task definition has compliance findings."
  }
}

output "web_report" {
  value = data.compliancecheck_ecs_task_definition.web.report_json
}
