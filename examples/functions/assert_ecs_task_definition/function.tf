# true when no finding is at level error (warnings do not block); otherwise
# the call fails and the plan stops with "Invalid function argument" at the
# call, listing each failing control and attribute. With aws_ecs_task_definition
# use it in a postcondition: condition = provider::compliancecheck::assert_ecs_task_definition(self)
locals {
  worker_task_definition = {
    family   = "worker"
    pid_mode = "task"
  }
}

resource "terraform_data" "worker_task_definition" {
  input = local.worker_task_definition

  lifecycle {
    precondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(local.worker_task_definition)
      error_message = "The worker task definition is not compliant."
    }
  }
}
