// File: tests/unit/checks_test_support.h
//
// What the unit tests of checks/ read out of an evaluation: one control's
// result and findings, and whether a message holds a phrase. Control ids
// come from control_ids.h.

#ifndef COMPLIANCECHECK_TESTS_UNIT_CHECKS_TEST_SUPPORT_H_
#define COMPLIANCECHECK_TESTS_UNIT_CHECKS_TEST_SUPPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/control_ids.h"

namespace checks {

// The result of control `id` in `evaluation`, or null if the catalog lacks it.
inline const ControlResult* FindResult(const Evaluation& evaluation, std::string_view id) {
  for (const ControlResult& result : evaluation.controls) {
    if (result.control->id == id) return &result;
  }
  return nullptr;
}

// The result of control `id`; a failure of the calling test, and an empty
// result, if the catalog lacks it.
inline const ControlResult& ResultOf(const Evaluation& evaluation, std::string_view id) {
  if (const ControlResult* result = FindResult(evaluation, id)) return *result;
  ADD_FAILURE() << "no result for " << id;
  static const ControlResult kMissing{};
  return kMissing;
}

// The findings of control `id` in `evaluation`, in order.
inline std::vector<Finding> FindingsOf(const Evaluation& evaluation, std::string_view id) {
  std::vector<Finding> out;
  for (const Finding& finding : evaluation.findings) {
    if (finding.control_id == id) out.push_back(finding);
  }
  return out;
}

inline bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace checks

#endif  // COMPLIANCECHECK_TESTS_UNIT_CHECKS_TEST_SUPPORT_H_
