// Phillips-Sul log t test and convergence clubs against ConvergenceClubs 2.2.5
// (tests/reference/convergence/club_convergence.R), and a simulated two-club panel.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>

#include "cbec/core/error.hpp"
#include "cbec/estimate/convergence/club_convergence.hpp"
#include "cbec/report/convergence_json.hpp"
#include "cbec/estimate/convergence/hp_filter.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("convergence_club.json");
}
Frame gdp() { return read_csv(std::string(CBEC_TEST_DATA) + "/ps_gdp50.csv"); }

void expect_rel(double got, double want, const std::string& what) {
  EXPECT_NEAR(got, want, 1e-6 * std::max(1.0, std::abs(want))) << what;
}
void expect_test(const LogTTest& t, const nlohmann::json& r, const std::string& what) {
  expect_rel(t.coef, r["beta"], what + " b");
  expect_rel(t.se, r["std.err"], what + " se");
  expect_rel(t.stat, r["tvalue"], what + " t");
}
std::vector<std::string> sorted_names(const std::vector<size_t>& members, const std::vector<std::string>& units) {
  std::vector<std::string> out;
  for (size_t u : members) out.push_back(units[u]);
  std::sort(out.begin(), out.end());
  return out;
}
std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}
void expect_clubs(const std::vector<Club>& clubs, const std::vector<size_t>& divergent, const std::vector<std::string>& units, const nlohmann::json& ref, const std::string& what) {
  ASSERT_EQ(clubs.size(), ref["clubs"].size()) << what;
  for (size_t c = 0; c < clubs.size(); ++c) {
    const auto& rc = ref["clubs"][c];
    EXPECT_EQ(sorted_names(clubs[c].members, units), sorted(rc["members"].get<std::vector<std::string>>())) << what << " club " << c + 1;
    expect_test(clubs[c].test, rc, what + " club " + std::to_string(c + 1));
  }
  EXPECT_EQ(sorted_names(divergent, units), sorted(ref["divergent"].get<std::vector<std::string>>())) << what;
}
}  // namespace

TEST(HodrickPrescott, MatchesDirectSolveInR) {
  auto fx = fixture();
  Frame f = gdp();
  Eigen::VectorXd y(34);
  for (long t = 0; t < 34; ++t) y[t] = std::log(f.numeric("gdp")[static_cast<size_t>(t)]);  // first country
  Eigen::VectorXd tau = hp_trend(y, 400);
  for (long t = 0; t < 34; ++t) expect_rel(tau[t], fx["hp_trend_first_unit"][static_cast<size_t>(t)], "hp");
  EXPECT_THROW(hp_trend(y, 0), SpecError);
}

TEST(ClubConvergence, LogTFullPanelMatchesConvergenceClubs) {
  auto fx = fixture();
  ClubOptions o;
  o.merge = "none";
  expect_test(club_convergence(gdp(), "gdp", "country", "year", o).full, fx["full_r03"], "r = 0.3");
  o.r = 1.0 / 3;
  expect_test(club_convergence(gdp(), "gdp", "country", "year", o).full, fx["full_r13"], "r = 1/3");
  o.r = 0.3;
  o.hp_lambda = 0;
  expect_test(club_convergence(gdp(), "gdp", "country", "year", o).full, fx["full_unfiltered_r03"], "unfiltered");
}

TEST(ClubConvergence, ClubsAndMergingMatchConvergenceClubs) {
  auto fx = fixture();
  ClubOptions o;
  ClubResult ps = club_convergence(gdp(), "gdp", "country", "year", o);
  expect_clubs(ps.clubs, ps.divergent, ps.units, fx["clubs_r03"], "clubs");
  expect_clubs(ps.merged, ps.divergent, ps.units, fx["merged_ps_r03"], "merged PS");
  o.merge = "vlt";
  ClubResult vlt = club_convergence(gdp(), "gdp", "country", "year", o);
  expect_clubs(vlt.merged, vlt.divergent, vlt.units, fx["merged_vlt_r03"], "merged vLT");
  o.merge = "ps";
  o.r = 1.0 / 3;
  o.cstar = 1;
  ClubResult c1 = club_convergence(gdp(), "gdp", "country", "year", o);
  expect_clubs(c1.clubs, c1.divergent, c1.units, fx["clubs_r13_cstar1"], "c* = 1");
  expect_clubs(c1.merged, c1.divergent, c1.units, fx["merged_ps_r13_cstar1"], "c* = 1 merged");
  ClubOptions m;
  m.order_fraction = 0.1;  // mean of the last 3 of 34 periods
  ClubResult last3 = club_convergence(gdp(), "gdp", "country", "year", m);
  expect_clubs(last3.clubs, last3.divergent, last3.units, fx["clubs_order_last3"], "ordered by the last 3 periods");
  const auto j = to_json(ps);
  EXPECT_EQ(j["clubs"].size(), ps.clubs.size());
  EXPECT_EQ(j["merged_clubs"][0]["merged_from"][0], 1);
}

TEST(ClubConvergence, SimulatedTwoGroupsAreTwoClubs) {
  // x_it = mu_g + (x_i1 - mu_g) * 0.9^t + small noise: units in group A converge to 10, group B to 5.
  std::mt19937 rng(7);
  std::normal_distribution<double> start(0, 1), noise(0, 0.01);
  const int N = 20, T = 40;
  std::vector<std::string> unit;
  std::vector<double> year, x;
  for (int i = 0; i < N; ++i) {
    const double mu = i < N / 2 ? 10 : 5, d = start(rng);
    for (int t = 1; t <= T; ++t) {
      unit.push_back("u" + std::to_string(i));
      year.push_back(t);
      x.push_back(mu + d * std::pow(0.9, t) + noise(rng) / t);
    }
  }
  Frame f;
  f.set(Column::strings("unit", unit));
  f.set(Column::numeric("year", year));
  f.set(Column::numeric("x", x));
  ClubOptions o;
  o.logs = false;
  o.hp_lambda = 0;
  ClubResult r = club_convergence(f, "x", "unit", "year", o);
  EXPECT_LT(r.full.stat, -1.65);  // no overall convergence
  ASSERT_EQ(r.merged.size(), 2u);
  EXPECT_TRUE(r.divergent.empty());
  for (const auto& club : r.merged) {
    ASSERT_EQ(club.members.size(), 10u);
    for (size_t u : club.members) EXPECT_EQ(std::stoi(r.units[u].substr(1)) < N / 2, std::stoi(r.units[club.members[0]].substr(1)) < N / 2);
  }
}

TEST(ClubConvergence, ErrorsNameTheProblem) {
  Frame f = gdp();
  ClubOptions o;
  o.merge = "bogus";
  EXPECT_THROW(club_convergence(f, "gdp", "country", "year", o), SpecError);
  o.merge = "ps";
  o.r = 0.99;
  EXPECT_THROW(club_convergence(f, "gdp", "country", "year", o), DataError);
}

// The core group's rule (tests/reference/convergence/club_core_rule.R): ConvergenceClubs' largest
// |t_k| (the default) and Phillips and Sul's largest t_k give different clubs here (21/12/3/4/10
// against 21/12/3/2/12).
TEST(ClubConvergence, CoreRuleAsConvergenceClubsOrAsThePaper) {
  const auto fx = reference_fixture("convergence_club_core_rule.json");
  for (const std::string rule : {"convergenceclubs", "paper"}) {
    SCOPED_TRACE(rule);
    ClubOptions o;
    o.hp_lambda = 0;
    o.r = 0.25;
    o.merge = "none";
    o.core_rule = rule;
    const ClubResult r = club_convergence(gdp(), "gdp", "country", "year", o);
    const auto& ref = fx[rule];
    ASSERT_EQ(r.clubs.size(), ref.size());
    for (size_t c = 0; c < ref.size(); ++c) {
      std::vector<std::string> members;
      for (size_t u : r.clubs[c].members) members.push_back(r.units[u]);
      std::sort(members.begin(), members.end());
      std::vector<std::string> want = ref[c]["members"].get<std::vector<std::string>>();
      std::sort(want.begin(), want.end());
      EXPECT_EQ(members, want) << "club " << c + 1;
      expect_rel(r.clubs[c].test.stat, ref[c]["tvalue"].get<double>(), "t of club " + std::to_string(c + 1));
    }
  }
}
