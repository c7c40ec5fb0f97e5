# A check block reports findings as warnings and never blocks the plan: a
# gentle way to roll the checks out over existing task definitions.
terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

locals {
  legacy_task_definition = {
    family   = "legacy-monitoring"
    pid_mode = "host"
    container_definitions = jsonencode([
      { name = "node-exporter", image = "quay.io/prometheus/node-exporter:v1.8.2", readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" } },
    ])
  }
}

check "legacy_task_definition" {
  assert {
    condition     = provider::compliancecheck::check_ecs_task_definition(local.legacy_task_definition).compliant
    error_message = "legacy-monitoring shares the host's PID namespace (ECS.3)."
  }
}

output "legacy_findings" {
  value = [
    for finding in provider::compliancecheck::check_ecs_task_definition(local.legacy_task_definition).findings :
    "${finding.control_id}: ${finding.attribute}"
  ]
}
