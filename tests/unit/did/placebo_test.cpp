#include "cbec/estimate/did/placebo.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "cbec/core/error.hpp"

#include "cbec/estimate/did/event_study.hpp"
#include "staggered_fixture.hpp"

using namespace cbec;

namespace {
StaggeredSpec spec() { return test::staggered_spec(); }
}  // namespace

TEST(Placebo, RealEstimateEqualsTwfeAndIsExtremeUnderATrueEffect) {
  Frame f = test::staggered_panel(41, 1.5, 0.0, 4);
  PlaceboOptions o;
  o.draws = 2000;
  PlaceboResult p = placebo_did(f, spec(), o);
  EXPECT_NEAR(p.estimate, twfe_did(f, spec()).coef[0], 1e-9);
  EXPECT_EQ(p.draws.size(), 2000u);
  EXPECT_LT(p.p_two_sided, 0.01);
  EXPECT_NEAR(p.mean, 0.0, 0.1);  // placebo estimates centre on zero
  EXPECT_EQ(p.n_treated_units, 33u);
}

TEST(Placebo, NullEffectGivesUniformPValues) {
  // Under no effect the randomization p-value is not small in most replications.
  size_t small = 0;
  for (unsigned seed = 10; seed < 30; ++seed) {
    Frame f = test::staggered_panel(41, 0.0, 0.0, seed);
    PlaceboOptions o;
    o.draws = 300;
    o.seed = seed;
    small += placebo_did(f, spec(), o).p_two_sided < 0.05;
  }
  EXPECT_LE(small, 4u);
}

TEST(Placebo, SameSeedSameDrawsWhateverTheThreadCount) {
  Frame f = test::staggered_panel(41, 1.0, 0.0, 5);
  for (const char* mode : {"units", "timing", "both"}) {
    PlaceboOptions a;
    a.draws = 500;
    a.mode = mode;
    a.threads = 1;
    PlaceboOptions b = a;
    b.threads = 2;
    EXPECT_EQ(placebo_did(f, spec(), a).draws, placebo_did(f, spec(), b).draws) << mode;
  }
  PlaceboOptions c;
  c.mode = "bogus";
  EXPECT_THROW(placebo_did(f, spec(), c), SpecError);
}
