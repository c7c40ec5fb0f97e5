# true for null, "" and "task"; false for "host" and for any value AWS would
# not accept ("HOST", " host").
variable "pid_mode" {
  type        = string
  default     = "task"
  description = "PID mode of the web task definition."

  validation {
    condition     = provider::compliancecheck::ecs_pid_mode_compliant(var.pid_mode)
    error_message = "pid_mode must be omitted or \"task\" (AWS Security Hub ECS.3)."
  }
}

output "pid_mode_compliant" {
  value = provider::compliancecheck::ecs_pid_mode_compliant(var.pid_mode)
}
