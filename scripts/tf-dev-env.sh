# Sourced by the scripts: a private Terraform environment that loads the
# provider from $1 (the directory holding the built binary) via
# dev_overrides, with its own HOME and CLI config so that nothing of the
# user's (~/.terraformrc, TF_CLI_ARGS*, TF_VAR_*) leaks in.
cc_tf_dev_env() {
  local bin_dir=$1
  CC_TF_HOME=$(mktemp -d)
  cat > "$CC_TF_HOME/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "compliancecheck/compliancecheck" = "$bin_dir"
  }
  direct {}
}
RC
  for v in $(env | sed -n 's/^\(TF_VAR_[^=]*\|TF_CLI_ARGS[^=]*\)=.*/\1/p'); do unset "$v"; done
  export HOME=$CC_TF_HOME TF_CLI_CONFIG_FILE=$CC_TF_HOME/terraformrc TF_IN_AUTOMATION=1 TF_INPUT=0
}
