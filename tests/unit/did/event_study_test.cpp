#include "cbec/estimate/did/event_study.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "cbec/core/error.hpp"

#include "cbec/estimate/ols/feols.hpp"
#include "staggered_fixture.hpp"

using namespace cbec;

namespace {
StaggeredSpec spec() { return test::staggered_spec(); }
}  // namespace

TEST(TwfeDid, RecoversAConstantEffect) {
  Frame f = test::staggered_panel(400, 2.0, 0.0, 1);
  RegressionResult r = twfe_did(f, spec());
  ASSERT_EQ(r.terms[0], "did");
  EXPECT_NEAR(r.coef[0], 2.0, 4 * r.se()[0]);
  EXPECT_NEAR(r.coef[1], 0.5, 4 * r.se()[1]);
  EXPECT_EQ(r.vcov_info.type, "CR1");
  EXPECT_EQ(r.vcov_info.n_clusters[0], 400u);
}

TEST(EventStudy, LeadsNearZeroLagsFollowTheDynamicPath) {
  Frame f = test::staggered_panel(1000, 1.0, 0.5, 2, 0.5);
  EventStudyOptions o;
  o.min_rel = -4;
  o.max_rel = 3;
  o.bin_endpoints = false;
  EventStudyResult es = event_study(f, spec(), o);
  ASSERT_EQ(es.periods.size(), 8u);
  for (const auto& p : es.periods) {
    if (p.reference) {
      EXPECT_EQ(p.rel, -1);
      continue;
    }
    const double truth = p.rel >= 0 ? 1.0 + 0.5 * p.rel : 0.0;
    EXPECT_NEAR(p.estimate, truth, 4.5 * p.se) << "rel " << p.rel;
    EXPECT_LT(p.ci_low, p.estimate);
  }
  EXPECT_GT(es.pretrend.p_value, 0.001);
  EXPECT_EQ(es.pretrend.df1, 3.0);
  // Rows outside the window are dropped and counted as such, not as missing.
  EXPECT_GT(es.model.dropped.at("outside_window"), 0u);
  EXPECT_EQ(es.model.dropped.count("missing"), 0u);
}

TEST(EventStudy, EqualsTheRegressionOnHandMadeDummies) {
  Frame f = test::staggered_panel(60, 1.0, 0.2, 3);
  EventStudyOptions o;
  o.min_rel = -3;
  o.max_rel = 2;
  EventStudyResult es = event_study(f, spec(), o);
  // Build binned relative-time dummies by hand.
  std::vector<double> rel(f.nrows());
  Frame g = f;
  for (int r : {-3, -2, 0, 1, 2}) {
    std::vector<double> col(f.nrows(), 0.0);
    for (size_t i = 0; i < f.nrows(); ++i) {
      const double c = f.get("first_treat").values[i];
      if (c == 0) continue;
      int k = static_cast<int>(f.get("year").values[i] - c);
      k = std::clamp(k, -3, 2);
      col[i] = k == r ? 1 : 0;
    }
    g.set(Column::numeric("d" + std::to_string(r + 10), col));
  }
  FeolsOptions fo;
  fo.vcov = VcovSpec::parse("cluster:id");
  RegressionResult m = feols(g, "y ~ d7 + d8 + d10 + d11 + d12 + x | id + year", fo);
  const int rels[] = {-3, -2, 0, 1, 2};
  for (size_t k = 0; k < 5; ++k) {
    const auto& p = *std::find_if(es.periods.begin(), es.periods.end(), [&](const EventPeriod& e) { return e.rel == rels[k]; });
    EXPECT_NEAR(p.estimate, m.coef[static_cast<long>(k)], 1e-10);
    EXPECT_NEAR(p.se, m.se()[static_cast<long>(k)], 1e-10);
  }
  EXPECT_TRUE(es.periods.front().binned);
  EXPECT_THROW(event_study(f, spec(), EventStudyOptions{-1, 0, 3}), SpecError);
}
