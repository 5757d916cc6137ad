// Borusyak-Jaravel-Spiess imputation against didimputation 0.4.0 (tests/reference/did/imputation.R)
// on mpdta: overall ATT, horizons, a time-varying covariate, state clusters, and the pre-trend
// regression; then a simulation where effects differ by cohort and horizon.
#include "cbec/estimate/did/imputation.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "staggered_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

void near_rel(double a, double b, const std::string& what) { EXPECT_NEAR(a, b, 1e-7 * std::max(1.0, std::abs(b))) << what; }

}  // namespace

TEST(Imputation, MatchesDidimputationOnMpdta) {
  const auto fx = reference_fixture("did_imputation.json");
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mpdta.csv");
  std::vector<double> state(f.nrows());
  for (size_t i = 0; i < state.size(); ++i) state[i] = std::floor(f.numeric("countyreal")[i] / 1000);
  f.set(Column::numeric("state", state));
  for (const auto& c : fx["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    StaggeredSpec s;
    s.y = "lemp";
    s.unit = "countyreal";
    s.time = "year";
    s.first_treat = "first.treat";
    s.controls = c["covariates"].get<std::vector<std::string>>();
    ImputationOptions o;
    o.horizons = c["horizon"].get<bool>();
    o.pretrend_leads = c["pretrends"].get<int>();
    o.cluster = c["cluster"].get<std::string>();
    const auto r = imputation_did(f, s, o);
    const auto& terms = c["terms"];
    for (size_t k = 0; k < terms.size(); ++k) {
      const std::string term = terms[k].get<std::string>();
      const double est = c["estimate"][k].get<double>(), se = c["std_error"][k].get<double>();
      if (term == "treat") {
        near_rel(r.effects[0].att, est, "ATT");
        near_rel(r.effects[0].se, se, "ATT se");
      } else if (term[0] == 'h') {
        auto it = std::find_if(r.effects.begin(), r.effects.end(), [&](const ImputationEffect& e) { return e.term == term; });
        ASSERT_NE(it, r.effects.end()) << term;
        near_rel(it->att, est, term);
        near_rel(it->se, se, term + " se");
      } else {  // pre-trend lead, named by its (negative) event time
        ASSERT_TRUE(r.pretrend_model.has_value());
        const auto& m = *r.pretrend_model;
        const std::string name = "lead" + term.substr(1);
        const auto j = std::find(m.terms.begin(), m.terms.end(), name) - m.terms.begin();
        ASSERT_LT(static_cast<size_t>(j), m.terms.size()) << name;
        near_rel(m.coef[j], est, name);
        near_rel(std::sqrt(m.vcov(j, j)), se, name + " se");
      }
    }
    if (o.pretrend_leads) ASSERT_TRUE(r.pretrend_test.has_value());
  }
}

TEST(Imputation, RecoversHeterogeneousDynamicEffects) {
  const Frame f = test::staggered_panel(3000, 1.0, 0.5, 11, 0.5);
  ImputationOptions o;
  const auto r = imputation_did(f, test::staggered_spec({"x"}), o);
  for (const auto& e : r.effects) {
    if (e.horizon < 0) continue;
    EXPECT_NEAR(e.att, 1.0 + 0.5 * e.horizon, 4 * e.se) << e.term;
  }
  ASSERT_TRUE(r.pretrend_test.has_value());
  EXPECT_GT(r.pretrend_test->p_value, 0.001);
  EXPECT_EQ(r.n_treated + r.n_untreated, 30000u);
}

TEST(Imputation, UnimputableObservationsAreCounted) {
  Frame f = test::staggered_panel(40, 1.0, 0.0, 5);
  std::vector<double> g = f.numeric("first_treat");
  for (double& v : g)
    if (v == 2015) v = 2011;  // a cohort treated from the first period: never untreated
  f.set(Column::numeric("first_treat", g));
  const auto r = imputation_did(f, test::staggered_spec({}), {});
  EXPECT_GT(r.dropped.at("treated observations without untreated observations of their unit or period"), 0u);
  EXPECT_FALSE(r.warnings.empty());
}

// A covariate fixed within units is absorbed by the unit effects: dropped with a warning, the
// estimates those without it (didimputation and fixest drop it; it stopped the run). The clusters
// counted are those of the rows used: a unit treated from the first period has none (it was counted).
TEST(Imputation, CovariateAbsorbedByUnitEffectsIsDroppedAndUnusedClustersAreNotCounted) {
  Frame f = test::staggered_panel(40, 1.0, 0.0, 5);
  std::vector<double> g = f.numeric("first_treat"), fixed(f.nrows());
  const auto& id = f.numeric("id");
  for (size_t i = 0; i < g.size(); ++i) {
    fixed[i] = std::fmod(id[i] * 0.37, 1.0);
    if (id[i] == 1) g[i] = 2011;  // unit 1 (cohort 2015): treated from the first period
  }
  f.set(Column::numeric("first_treat", g));
  f.set(Column::numeric("fixed", fixed));
  const auto with = imputation_did(f, test::staggered_spec({"x", "fixed"}), {});
  const auto without = imputation_did(f, test::staggered_spec({"x"}), {});
  EXPECT_EQ(with.collinear, std::vector<std::string>{"fixed"});
  EXPECT_EQ(with.covariates, std::vector<std::string>{"x"});
  EXPECT_NEAR(with.effects[0].att, without.effects[0].att, 1e-10);
  EXPECT_NEAR(with.effects[0].se, without.effects[0].se, 1e-10);
  EXPECT_EQ(with.n_clusters, 39u);
  EXPECT_TRUE(std::any_of(with.warnings.begin(), with.warnings.end(), [](const std::string& w) { return w.find("collinear") != std::string::npos; }));
}

// Leads count periods of the time variable: on a grid of two years leads -1 and -3 have no
// observation, and the test says it leaves them out (it did so without a word).
TEST(Imputation, LeadsWithoutObservationsAreNamed) {
  const Frame all = test::staggered_panel(60, 1.0, 0.0, 9);
  const auto& year = all.numeric("year");
  const auto& g = all.numeric("first_treat");
  std::vector<size_t> keep;
  for (size_t i = 0; i < all.nrows(); ++i)
    if (static_cast<int>(year[i]) % 2 == 0 && (g[i] == 0 || g[i] == 2016 || g[i] == 2018)) keep.push_back(i);
  ImputationOptions o;
  o.pretrend_leads = 3;
  const auto r = imputation_did(all.take(keep), test::staggered_spec({}), o);
  ASSERT_TRUE(r.pretrend_test.has_value());
  EXPECT_EQ(r.pretrend_test->df1, 1);  // lead 2 only
  EXPECT_TRUE(std::any_of(r.warnings.begin(), r.warnings.end(), [](const std::string& w) { return w.find("(-1, -3 periods of 'year'") != std::string::npos; }));
}
