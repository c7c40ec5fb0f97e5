# One data source per task definition with for_each: a failing entry is named
# by its key in the error ("...this[\"node-exporter\"]").
terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

variable "task_definitions" {
  description = "pid_mode per task definition family (null: not set)."
  type        = map(string)
  default = {
    api           = null
    worker        = "task"
    node-exporter = "host"
  }
}

data "compliancecheck_ecs_task_definition" "this" {
  for_each = var.task_definitions

  family   = each.key
  pid_mode = each.value
}

output "compliant" {
  value = { for family, check in data.compliancecheck_ecs_task_definition.this : family => check.compliant }
}
