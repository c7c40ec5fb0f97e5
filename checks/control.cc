// File: checks/control.cc

#include "checks/control.h"

#include "checks/catalog.h"
#include "checks/concat.h"

namespace checks {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
  }
  return "medium";
}

std::string_view LevelName(Level l) {
  switch (l) {
    case Level::kOff:
      return "off";
    case Level::kWarning:
      return "warning";
    case Level::kError:
      return "error";
    case Level::kWaived:
      return "waived";
  }
  return "off";
}

std::optional<Level> ParseLevel(std::string_view name) {
  if (name == "error") return Level::kError;
  if (name == "warning") return Level::kWarning;
  if (name == "off") return Level::kOff;
  return std::nullopt;
}

const std::vector<Control>& Catalog() {
  static const std::vector<Control>* const kControls = [] {
    auto* controls = new std::vector<Control>();
    for (const CatalogEntry& entry : CatalogEntries()) {
      controls->push_back(entry.control);
    }
    return controls;
  }();
  return *kControls;
}

const Control* FindControl(std::string_view id) {
  for (const Control& control : Catalog()) {
    if (control.id == id) return &control;
  }
  return nullptr;
}

std::string ControlIdList() {
  const std::vector<Control>& controls = Catalog();
  std::string out;
  for (std::size_t i = 0; i < controls.size(); ++i) {
    if (i > 0) out += i + 1 == controls.size() ? " and " : ", ";
    Append(out, controls[i].id);
  }
  return out;
}

}  // namespace checks
