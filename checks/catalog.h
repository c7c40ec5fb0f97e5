// File: checks/catalog.h
//
// The catalog with each control's logic beside its texts. Internal to
// checks/: callers outside see Catalog() and FindControl() in control.h.

#ifndef COMPLIANCECHECK_CHECKS_CATALOG_H_
#define COMPLIANCECHECK_CHECKS_CATALOG_H_

#include <vector>

#include "checks/control.h"
#include "checks/controls/check.h"

namespace checks {

struct CatalogEntry {
  Control control;
  CheckFunction check = nullptr;
};

// Every control with its check, in catalog order; lives for the program.
const std::vector<CatalogEntry>& CatalogEntries();

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CATALOG_H_
