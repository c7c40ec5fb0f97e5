terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

data "compliancecheck_ecs_task_definition" "legacy" {
  count    = 0
  family   = "legacy"
  pid_mode = "host" # still fails validate, plan and destroy
}
