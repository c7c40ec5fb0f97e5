# `terraform test` for the module in ../main.tf. Every run only plans: the
# provider reads nothing and writes nothing, so a plan shows all it decides.

run "compliant_by_default" {
  command = plan

  assert {
    condition     = data.compliancecheck_ecs_task_definition.this.compliant
    error_message = "The default task definition should be compliant."
  }

  assert {
    condition     = provider::compliancecheck::assert_ecs_task_definition(local.task_definition)
    error_message = "The default task definition should pass assert_ecs_task_definition."
  }

  assert {
    condition     = length(output.failing_controls) == 0
    error_message = "The default task definition should have no findings."
  }
}

# The variable's validation rejects a host PID mode before anything is planned.
run "host_pid_mode_fails_the_variable_validation" {
  command = plan

  variables {
    pid_mode = "host"
  }

  expect_failures = [var.pid_mode]
}

# A host IPC namespace is only a warning for the data source, but the
# precondition blocks on any finding.
run "host_ipc_mode_fails_the_precondition" {
  command = plan

  variables {
    ipc_mode = "host"
  }

  expect_failures = [terraform_data.task_definition]
}

# expect_failures cannot catch the data source's own error (it is not a
# checkable object), so the negative test of the data source runs in advisory
# mode: the finding becomes a warning, and `compliant` says what was found.
run "advisory_mode_reports_host_pid_mode" {
  command = plan

  variables {
    pid_mode    = "host"
    enforcement = "warning"
  }

  assert {
    condition     = !data.compliancecheck_ecs_task_definition.this.compliant
    error_message = "A host PID mode should make the task definition non-compliant."
  }

  assert {
    condition     = contains(output.failing_controls, "ecs_task_definition_no_host_pid_mode")
    error_message = "The host PID mode finding should name its control."
  }
}
