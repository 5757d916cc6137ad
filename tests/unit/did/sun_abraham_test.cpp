#include "cbec/estimate/did/sun_abraham.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "cbec/core/error.hpp"
#include "staggered_fixture.hpp"

using namespace cbec;

namespace {
// Cohorts 2014, 2016, 2018 and never treated; effects grow with time since treatment and differ by
// cohort: tau = c_g (1 + rel), c_g = 1, 2, 3. Under such heterogeneity TWFE event studies are
// contaminated; the interaction-weighted estimator is not (Sun and Abraham 2021).
Frame heterogeneous_panel(size_t units, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N(0, 1);
  std::vector<double> id, year, g, y;
  const double cohorts[] = {2014, 2016, 2018, 0};
  for (size_t i = 0; i < units; ++i) {
    const double c = cohorts[i % 4], a = N(rng);
    for (int t = 2010; t <= 2020; ++t) {
      double tau = 0;
      if (c > 0 && t >= c) tau = (1.0 + static_cast<double>(i % 4)) * (1.0 + (t - c));
      id.push_back(static_cast<double>(i));
      year.push_back(t);
      g.push_back(c);
      y.push_back(a + 0.2 * (t - 2010) + tau + 0.5 * N(rng));
    }
  }
  Frame f;
  f.set(Column::numeric("id", id));
  f.set(Column::numeric("year", year));
  f.set(Column::numeric("g", g));
  f.set(Column::numeric("y", y));
  return f;
}
StaggeredSpec spec() { return test::spec_of("y", "id", "year", "g"); }
}  // namespace

TEST(SunAbraham, RecoversCohortShareWeightedEffects) {
  Frame f = heterogeneous_panel(800, 3);
  SunAbrahamResult sa = sun_abraham(f, spec());
  EXPECT_EQ(sa.control_cohort, "never treated");
  for (const auto& p : sa.periods) {
    if (p.reference) continue;
    // Cohorts observed at rel r: 2014 (r <= 6), 2016 (r <= 4), 2018 (r <= 2); equal sizes.
    double truth = 0;
    if (p.rel >= 0) {
      double sum = 0, n = 0;
      for (int c = 0; c < 3; ++c) {
        const int cohort = 2014 + 2 * c;
        if (cohort + p.rel > 2020) continue;
        sum += (1.0 + c) * (1.0 + p.rel);
        n += 1;
      }
      truth = sum / n;
    }
    EXPECT_NEAR(p.estimate, truth, 4.5 * p.se) << "rel " << p.rel;
  }
  EXPECT_GT(sa.att, 0);
}

TEST(SunAbraham, LastTreatedCohortServesAsControlWithoutNeverTreated) {
  Frame f = heterogeneous_panel(400, 4);
  std::vector<size_t> rows;
  for (size_t i = 0; i < f.nrows(); ++i)
    if (f.get("g").values[i] != 0) rows.push_back(i);
  Frame treated_only = f.take(rows);
  SunAbrahamResult sa = sun_abraham(treated_only, spec());
  EXPECT_EQ(sa.control_cohort, "last treated (2018)");
  size_t from_2018 = 0;  // the periods from the control cohort's treatment on, counted as such
  for (size_t i = 0; i < treated_only.nrows(); ++i) from_2018 += treated_only.numeric(spec().time)[i] >= 2018;
  EXPECT_EQ(sa.model.dropped.at("after_last_cohort"), from_2018);
  EXPECT_EQ(sa.model.dropped.count("missing"), 0u);
  for (const auto& p : sa.periods)
    if (!p.reference && p.rel < 0) EXPECT_NEAR(p.estimate, 0.0, 4.5 * p.se) << "rel " << p.rel;
}
