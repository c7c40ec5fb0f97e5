// File: provider/tf/diagnostics.cc

#include "provider/tf/diagnostics.h"

#include <algorithm>

namespace tf {

void Diagnostics::AddError(std::string summary, std::string detail,
                           std::optional<AttributePath> attribute) {
  items_.push_back({Severity::kError, std::move(summary), std::move(detail), std::move(attribute)});
}

void Diagnostics::AddWarning(std::string summary, std::string detail,
                             std::optional<AttributePath> attribute) {
  items_.push_back(
      {Severity::kWarning, std::move(summary), std::move(detail), std::move(attribute)});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasError() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace tf
