// File: provider/tf/diagnostics.h
//
// What the person at the terminal reads: error and warning diagnostics with a
// sentence-sized summary, a detail that lets them fix the problem, and
// optionally the attribute it is about. They accumulate; callers return early
// once HasError().

#ifndef COMPLIANCECHECK_PROVIDER_TF_DIAGNOSTICS_H_
#define COMPLIANCECHECK_PROVIDER_TF_DIAGNOSTICS_H_

#include <optional>
#include <string>
#include <vector>

#include "provider/tf/attribute_path.h"

namespace tf {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string summary;
  std::string detail;
  std::optional<AttributePath> attribute;  // nullopt: about the whole block
};

class Diagnostics {
 public:
  void AddError(std::string summary, std::string detail,
                std::optional<AttributePath> attribute = std::nullopt);
  void AddWarning(std::string summary, std::string detail,
                  std::optional<AttributePath> attribute = std::nullopt);
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  void Append(const Diagnostics& other);

  bool HasError() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace tf

#endif  // COMPLIANCECHECK_PROVIDER_TF_DIAGNOSTICS_H_
