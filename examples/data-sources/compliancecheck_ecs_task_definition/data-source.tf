# Checks a task definition during `terraform plan`. Pass the same values you
# pass to aws_ecs_task_definition: with pid_mode = "host" the plan fails with
# "ECS task definition shares the host's process namespace (AWS Security Hub
# ECS.3)", pointing at the pid_mode line.
data "compliancecheck_ecs_task_definition" "web" {
  family                   = "web"
  pid_mode                 = "task"
  ipc_mode                 = "task"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "public.ecr.aws/nginx/nginx:1.27"
      essential = true
    },
  ])
}

# Audit evidence: a task definition as `aws ecs describe-task-definition`
# prints it (with or without the "taskDefinition" wrapper), instead of the
# arguments above. In practice: file("${path.module}/web.json").
data "compliancecheck_ecs_task_definition" "evidence" {
  family = "web"
  task_definition_json = jsonencode({
    taskDefinition = {
      family  = "web"
      pidMode = "task"
      containerDefinitions = [
        { name = "app", image = "public.ecr.aws/nginx/nginx:1.27" },
      ]
    }
  })
}

# Advisory mode for this data source only: findings are warnings.
data "compliancecheck_ecs_task_definition" "legacy" {
  family      = "legacy"
  pid_mode    = "task"
  enforcement = "warning"
}

output "web_compliant" {
  value = data.compliancecheck_ecs_task_definition.web.compliant
}

output "web_findings" {
  value = data.compliancecheck_ecs_task_definition.web.findings
}

# For CI tools: every control with its status (pass, fail, unknown, off).
output "evidence_report" {
  value = data.compliancecheck_ecs_task_definition.evidence.report_json
}
