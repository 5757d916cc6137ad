// A deterministic staggered-adoption panel for DID tests: `units` units over 2011-2020, cohorts
// adopting in 2015-2018 and a never-treated group, y = unit + year effects + tau(rel) 1[treated] + e.
#pragma once
#include <cmath>
#include <random>
#include <string>
#include <utility>

#include "cbec/estimate/did/staggered.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec::test {

// tau(rel) for rel >= 0: constant `effect` plus `slope` * rel (dynamic effects).
inline Frame staggered_panel(size_t units, double effect, double slope, unsigned seed, double noise = 1.0) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N(0, 1);
  std::vector<double> id, year, g, y, x;
  for (size_t i = 0; i < units; ++i) {
    const double a = N(rng);
    const double cohort = (i % 5 == 4) ? 0.0 : 2015.0 + static_cast<double>(i % 5);  // 0 = never treated
    for (int t = 2011; t <= 2020; ++t) {
      const double xv = N(rng) + 0.3 * a;
      const bool treated = cohort > 0 && t >= cohort;
      const double tau = treated ? effect + slope * (t - cohort) : 0.0;
      id.push_back(static_cast<double>(i + 1));
      year.push_back(t);
      g.push_back(cohort);
      x.push_back(xv);
      y.push_back(a + 0.1 * (t - 2011) + 0.5 * xv + tau + noise * N(rng));
    }
  }
  Frame f;
  f.set(Column::numeric("id", id));
  f.set(Column::numeric("year", year));
  f.set(Column::numeric("first_treat", g));
  f.set(Column::numeric("x", x));
  f.set(Column::numeric("y", y));
  return f;
}

// A spec naming the outcome, unit, time and first-treatment columns.
inline StaggeredSpec spec_of(std::string y, std::string unit, std::string time, std::string first_treat = "") {
  StaggeredSpec s;
  s.y = std::move(y);
  s.unit = std::move(unit);
  s.time = std::move(time);
  s.first_treat = std::move(first_treat);
  return s;
}

// The spec of staggered_panel(): outcome y, unit id, time year, first_treat, control x.
inline StaggeredSpec staggered_spec(std::vector<std::string> controls = {"x"}) {
  StaggeredSpec s = spec_of("y", "id", "year", "first_treat");
  s.controls = std::move(controls);
  return s;
}

}  // namespace cbec::test
