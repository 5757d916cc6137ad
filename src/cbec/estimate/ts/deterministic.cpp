#include "cbec/estimate/ts/deterministic.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"

namespace cbec {

Deterministic parse_deterministic(const std::string& name) {
  if (name == "none") return Deterministic::None;
  if (name == "constant") return Deterministic::Constant;
  if (name == "trend") return Deterministic::Trend;
  throw SpecError(fmt::format("deterministic terms '{}': use none, constant or trend", name));
}

std::string to_string(Deterministic d) {
  switch (d) {
    case Deterministic::None: return "none";
    case Deterministic::Constant: return "constant";
    case Deterministic::Trend: return "trend";
  }
  return "";
}

int deterministic_count(Deterministic d) { return d == Deterministic::None ? 0 : d == Deterministic::Constant ? 1 : 2; }

}  // namespace cbec
