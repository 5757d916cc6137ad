#include "cbec/estimate/did/psm.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

const nlohmann::json& reference() {
  static const nlohmann::json ref = [] {
    return reference_fixture("did_psm.json");
  }();
  return ref;
}

MatchingSpec lalonde_spec() {
  MatchingSpec s;
  s.treatment = "treat";
  s.covariates = {"age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75"};
  return s;
}

std::vector<size_t> as_list(const nlohmann::json& v) {
  if (v.is_number()) return {v.get<size_t>()};
  return v.get<std::vector<size_t>>();
}

// Scores to 1e-8; the matching itself on MatchIt's own scores (a greedy matching is discontinuous in
// near-ties, so it is compared on identical inputs), then matches and weights exactly.
void expect_like_matchit(const MatchingSpec& s, const nlohmann::json& ref) {
  const MatchingResult full = propensity_match(read_csv(std::string(CBEC_TEST_DATA) + "/lalonde.csv"), s);
  const auto& dist = ref["distance"];
  ASSERT_EQ(static_cast<size_t>(full.score.size()), dist.size());
  Eigen::VectorXd score(static_cast<Eigen::Index>(dist.size()));
  for (size_t i = 0; i < dist.size(); ++i) {
    score[static_cast<Eigen::Index>(i)] = dist[i].get<double>();
    EXPECT_NEAR(full.score[static_cast<Eigen::Index>(i)], score[static_cast<Eigen::Index>(i)], 1e-6 * score[static_cast<Eigen::Index>(i)]) << "score of row " << i + 1;
  }
  const MatchingResult m = match_on_scores(score, full.treated, s);
  const auto& treated_rows = ref["treated_rows"];
  for (size_t k = 0; k < treated_rows.size(); ++k) {
    const size_t row = treated_rows[k].get<size_t>() - 1;
    std::vector<size_t> got;
    for (size_t j : m.matches[row]) got.push_back(j + 1);
    EXPECT_EQ(got, as_list(ref["matches"][k])) << "controls of treated row " << row + 1;
  }
  for (size_t i = 0; i < ref["weights"].size(); ++i) EXPECT_NEAR(m.weights[i], ref["weights"][i].get<double>(), 1e-9) << "weight of row " << i + 1;
  // From the data: the same matches here, so the balance after matching equals MatchIt's summary.
  EXPECT_EQ(full.matches, m.matches);
  for (size_t c = 0; c < full.balance.size(); ++c) {
    const double smd = ref["smd"][c].get<double>(), mc = ref["means_control"][c].get<double>();
    EXPECT_NEAR(full.balance[c].smd_after, smd, 1e-6 * std::max(1.0, std::fabs(smd))) << full.balance[c].variable;
    EXPECT_NEAR(full.balance[c].mean_control_after, mc, 1e-6 * std::max(1.0, std::fabs(mc))) << full.balance[c].variable;
    // pstest's t test with psmatch2's weights (with 1:2 matching or replacement MatchIt's rescaled
    // weights gave another N: age t -1.28 for -1.18)
    const double t = ref["t_after"][c].get<double>(), p = ref["p_after"][c].get<double>();
    EXPECT_NEAR(full.balance[c].t_after, t, 1e-6 * std::max(1.0, std::fabs(t))) << full.balance[c].variable;
    EXPECT_NEAR(full.balance[c].p_after, p, 1e-6 * std::max(1e-3, p)) << full.balance[c].variable;
  }
}

}  // namespace

TEST(Psm, NearestWithoutReplacementMatchesMatchIt) { expect_like_matchit(lalonde_spec(), reference()["nn"]); }

TEST(Psm, ProbitScoreMatchesMatchIt) {
  MatchingSpec s = lalonde_spec();
  s.link = "probit";
  expect_like_matchit(s, reference()["nn_probit"]);
}

TEST(Psm, TwoToOneWithCaliperMatchesMatchIt) {
  MatchingSpec s = lalonde_spec();
  s.ratio = 2;
  s.caliper = 0.1;
  expect_like_matchit(s, reference()["nn2_caliper"]);
}

TEST(Psm, WithReplacementMatchesMatchIt) {
  MatchingSpec s = lalonde_spec();
  s.replace = true;
  expect_like_matchit(s, reference()["nn_replace"]);
}

TEST(Psm, KernelWeightsAreEpanechnikovSharesAndBalanceImproves) {
  MatchingSpec s = lalonde_spec();
  s.method = "kernel";
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/lalonde.csv");
  const MatchingResult m = propensity_match(f, s);
  // The first treated unit: its controls' kernel shares, recomputed here, sum to one.
  double total = 0;
  for (size_t j : m.matches[0]) {
    const double u = (m.score[static_cast<Eigen::Index>(j)] - m.score[0]) / 0.06;
    EXPECT_LT(std::fabs(u), 1.0);
    total += 0.75 * (1 - u * u);
  }
  EXPECT_GT(total, 0);
  for (const auto& b : m.balance) EXPECT_LT(std::fabs(b.bias_after), std::fabs(b.bias_before) + 1e-9) << b.variable;
  const Frame matched = matched_sample(f, m);
  EXPECT_EQ(matched.nrows(), m.n_treated_matched + m.n_control_matched);
}

TEST(Psm, ByYearAndBadTreatmentAreHandled) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/lalonde.csv");
  MatchingSpec s = lalonde_spec();
  s.by = "married";   // matching within each level
  s.covariates.erase(std::find(s.covariates.begin(), s.covariates.end(), "married"));
  const MatchingResult m = propensity_match(f, s);
  for (size_t i = 0; i < m.rows.size(); ++i)
    for (size_t j : m.matches[i]) EXPECT_EQ(f.numeric("married")[m.rows[i]], f.numeric("married")[m.rows[j]]);
  // MatchIt's weights are rescaled once over the whole sample (as MatchIt with exact = ~married):
  // the controls' weights sum to the matched controls of both groups together, and within each
  // group they are psmatch2's shares times that one factor, so the pooled control mean after
  // matching keeps the treated's mix of groups. (Rescaled group by group, as before, a group with
  // few controls weighed as much as one with many; the balance table then contradicted its own t test.)
  s.ratio = 2;
  s.replace = true;
  const MatchingResult r = propensity_match(f, s);
  double all_weights = 0;
  size_t all_controls = 0;
  std::vector<double> factor;
  for (const double level : {0.0, 1.0}) {
    double weights = 0, shares = 0;
    size_t treated = 0;
    for (size_t i = 0; i < r.rows.size(); ++i) {
      if (f.numeric("married")[r.rows[i]] != level || !(r.shares[i] > 0)) continue;
      if (r.treated[i]) {
        ++treated;
      } else {
        weights += r.weights[i];
        shares += r.shares[i];
        ++all_controls;
      }
    }
    all_weights += weights;
    factor.push_back(weights / shares);
    EXPECT_NEAR(shares, static_cast<double>(treated), 1e-9) << "married = " << level;
  }
  EXPECT_NEAR(all_weights, static_cast<double>(all_controls), 1e-9);
  EXPECT_NEAR(factor[0], factor[1], 1e-12);
  s = lalonde_spec();
  s.treatment = "educ";
  try {
    propensity_match(f, s);   // educ is a covariate too
    FAIL();
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("also among the covariates"), std::string::npos) << e.what();
  }
  s.covariates.erase(std::find(s.covariates.begin(), s.covariates.end(), "educ"));
  try {
    propensity_match(f, s);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("must be 0 or 1"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
}
