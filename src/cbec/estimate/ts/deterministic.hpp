// The deterministic terms of a unit-root regression: none, a constant, or a constant and a linear
// trend (plm's exo = none/intercept/trend, Stata's noconstant/default/trend).
#pragma once
#include <string>

namespace cbec {

enum class Deterministic { None, Constant, Trend };

// "none", "constant", "trend"; throws SpecError otherwise.
Deterministic parse_deterministic(const std::string& name);
std::string to_string(Deterministic d);
// Number of deterministic regressors (0, 1, 2).
int deterministic_count(Deterministic d);

}  // namespace cbec
