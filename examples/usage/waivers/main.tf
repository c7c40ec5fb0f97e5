terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}

# A legacy monitoring agent needs a privileged container until it is
# replaced. The waiver says who accepted that, why and until when; after
# 2099-12-31 it is ignored with a warning and the plan fails again.
data "compliancecheck_ecs_task_definition" "agent" {
  family = "monitoring-agent"
  container_definitions = jsonencode([{
    name                   = "agent"
    image                  = "example/agent:1.4"
    privileged             = true
    user                   = "1000"
    readonlyRootFilesystem = true
    logConfiguration       = { logDriver = "awslogs" }
  }])

  waivers = [{
    control_id = "ecs_container_no_privileged"
    reason     = "SEC-412: legacy agent reads host counters; replaced in Q3 (approved by platform security)"
    expires    = "2099-12-31"
  }]
}

output "compliant" {
  value = data.compliancecheck_ecs_task_definition.agent.compliant
}

output "waived" {
  value = [for c in jsondecode(data.compliancecheck_ecs_task_definition.agent.report_json).controls : c if c.status == "waived"]
}
