# Returns { compliant = bool, findings = list(object) } for an object with any
# of the data source's argument names; other attributes are ignored, so a
# whole aws_ecs_task_definition (or `self` in its postcondition) fits. Controls
# run at their default levels. Never fails: read the result.
locals {
  web_task_definition = {
    family   = "web"
    pid_mode = "task"
    container_definitions = jsonencode([
      { name = "app", image = "public.ecr.aws/nginx/nginx:1.27" },
    ])
  }

  web_check = provider::compliancecheck::check_ecs_task_definition(local.web_task_definition)
}

output "web_check_compliant" {
  value = local.web_check.compliant
}

output "web_check_controls" {
  value = [for finding in local.web_check.findings : finding.control_id]
}

# A check block reports a warning and never blocks the plan.
check "web_task_definition" {
  assert {
    condition     = local.web_check.compliant
    error_message = "The web task definition has compliance findings."
  }
}
