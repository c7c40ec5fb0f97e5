// File: checks/input_problems.h
//
// Problems with the input's shape, found while the task definition is read
// once: both input forms given, JSON that cannot be read, a value of the
// wrong kind. Internal to checks/: callers see Evaluation::problems.

#ifndef COMPLIANCECHECK_CHECKS_INPUT_PROBLEMS_H_
#define COMPLIANCECHECK_CHECKS_INPUT_PROBLEMS_H_

#include <vector>

#include "checks/evaluation.h"
#include "checks/task_definition.h"

namespace checks {

// `definition` is ReadTaskDefinition(input).
std::vector<InputProblem> InputProblems(const Input& input, const TaskDefinition& definition);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_INPUT_PROBLEMS_H_
