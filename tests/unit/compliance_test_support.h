// File: tests/unit/compliance_test_support.h
//
// The cty values the unit tests of provider/compliance/ build most: a known
// string and an unknown one. Control ids come from control_ids.h.

#ifndef COMPLIANCECHECK_TESTS_UNIT_COMPLIANCE_TEST_SUPPORT_H_
#define COMPLIANCECHECK_TESTS_UNIT_COMPLIANCE_TEST_SUPPORT_H_

#include <string>
#include <utility>

#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "tests/unit/control_ids.h"

namespace compliance {

inline cty::Value Str(std::string s) { return cty::Value::String(std::move(s)); }
inline cty::Value UnknownString() { return cty::Value::Unknown(cty::Type::String()); }

}  // namespace compliance

#endif  // COMPLIANCECHECK_TESTS_UNIT_COMPLIANCE_TEST_SUPPORT_H_
