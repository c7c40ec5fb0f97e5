# Calls a local task definition module twice. Run `terraform get` first
# (installs local modules; no network).
terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

variable "debug_pid_mode" {
  type    = string
  default = "host"
}

module "api" {
  source = "./modules/task_definition"

  family = "api"
  containers = [
    { name = "api", image = "public.ecr.aws/nginx/nginx:1.27" },
  ]
}

module "debug" {
  source = "./modules/task_definition"

  family   = "debug-tools"
  pid_mode = var.debug_pid_mode
  containers = [
    { name = "shell", image = "public.ecr.aws/docker/library/busybox:1.36", memory = 128 },
  ]
}

output "api_compliant" {
  value = module.api.compliant
}
