// MacKinnon's (1996) p-values of the Dickey-Fuller tau with cbec's own simulated quantile surfaces
// (df_tau_surfaces.hpp) against urca's punitroot, which uses MacKinnon's tables (urcdist), and plm's
// purtest(p.approx = "MacKinnon1996") (tests/reference/ts/mackinnon1996_punitroot.R); and the
// surfaces' asymptotic quantiles against MacKinnon's (2010) published critical values.
// The two tables are independent simulations, so they agree within their simulation errors, not to
// the digit: the tolerances (kAbsolute + kRelative min(p, 1 - p), README "Unit-root p-values") hold
// several times the largest difference the shipped tables give, which the tests print.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "cbec/estimate/ts/adf.hpp"
#include "cbec/estimate/ts/df_tau_surfaces.hpp"
#include "cbec/estimate/ts/mackinnon.hpp"
#include "cbec/estimate/ts/mackinnon1996.hpp"
#include "cbec/estimate/ts/panel_unitroot.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  std::ifstream in(std::string(CBEC_FIXTURES) + "/ts_mackinnon1996.json");
  return nlohmann::json::parse(in);
}
// |p_cbec - p_urca| <= kAbsolute + kRelative min(p, 1 - p) for T >= 20 and asymptotically (both
// tables simulated there; measured max |dp| 1.5e-3, no point beyond the bound); for T < 20 cbec
// holds the surfaces at T = 20 while urcdist extrapolates them (measured max |dp| 0.039 at T = 10)
constexpr double kAbsolute = 5e-4, kRelative = 0.01;
constexpr double kAbsoluteShort = 0.05, kRelativeShort = 0.0;
// Fisher statistics: relative to max(1, |value|)
constexpr double kFisherStat = 0.01;
double tolerance(double p, size_t nobs) {
  const bool extrapolated = nobs > 0 && nobs < 20;
  return (extrapolated ? kAbsoluteShort : kAbsolute) + (extrapolated ? kRelativeShort : kRelative) * std::min(p, 1 - p);
}
Eigen::VectorXd state_series(const Frame& f, const std::string& state, const std::string& var) {
  const Column& s = f.get("state");
  const auto& x = f.numeric(var);
  std::vector<double> v;
  for (size_t r = 0; r < f.nrows(); ++r)
    if (s.text(r) == state) v.push_back(var == "gsp" ? std::log(x[r]) : x[r]);   // sorted by state, year
  return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<long>(v.size()));
}
}  // namespace

TEST(MacKinnon1996, MatchesPunitrootWithinSimulationError) {
  // 3 cases x 13 sample sizes (0: asymptotic) x 207 taus from -30 to 10, p from 1e-34 to 1
  const auto fx = fixture();
  ASSERT_EQ(fx["grid"].size(), 39u);
  double worst = 0, worst_relative = 0;
  size_t n = 0;
  for (const auto& g : fx["grid"]) {
    const Deterministic d = parse_deterministic(g["deterministic"]);
    const auto N = g["nobs"].get<size_t>();
    for (size_t i = 0; i < g["tau"].size(); ++i) {
      const double tau = g["tau"][i], want = g["p_value"][i];
      const double got = mackinnon1996_p(tau, d, N), diff = std::abs(got - want);
      EXPECT_LE(diff, tolerance(want, N)) << g["deterministic"] << " N " << N << " tau " << tau << ": " << got << " vs " << want;
      if (N == 0 || N >= 20) {
        worst = std::max(worst, diff);
        if (std::min(want, 1 - want) >= 0.001) worst_relative = std::max(worst_relative, diff / std::min(want, 1 - want));
      }
      ++n;
    }
  }
  EXPECT_EQ(n, 39u * 207u);
  RecordProperty("max_abs_difference", std::to_string(worst));
  std::printf("cbec's surfaces vs punitroot, T >= 20 or asymptotic: max |dp| %.3g, max |dp| / min(p, 1 - p) for p in [.001, .999] %.3g\n", worst,
              worst_relative);
}

TEST(MacKinnon1996, PValueIsMonotoneAndInsideTheTable) {
  // p rises with tau across the switches between local regressions; a missing tau gives a missing p
  for (Deterministic d : {Deterministic::None, Deterministic::Constant, Deterministic::Trend}) {
    for (size_t T : {size_t{0}, size_t{25}, size_t{50}, size_t{500}}) {
      double last = 0;
      for (double tau = -6; tau <= 2; tau += 0.01) {
        const double p = mackinnon1996_p(tau, d, T);
        EXPECT_GE(p, last) << tau << " T " << T;
        last = p;
      }
    }
  }
  EXPECT_TRUE(std::isnan(mackinnon1996_p(std::nan(""), Deterministic::Constant)));
  // the asymptotic 5% critical values of tau_c and tau_ct (MacKinnon 2010 Table 2) have p = 0.05
  EXPECT_NEAR(mackinnon1996_p(-2.86154, Deterministic::Constant), 0.05, 5e-4);
  EXPECT_NEAR(mackinnon1996_p(-3.41049, Deterministic::Trend), 0.05, 5e-4);
}

TEST(MacKinnon1996, AsymptoticQuantilesMatchPublishedCriticalValues) {
  // b_inf at p = .01, .05, .10 against MacKinnon's (2010) tau_inf (mackinnon.cpp), within 4 standard
  // errors of the simulation (MacKinnon's own are an order of magnitude smaller)
  const std::array<const DfTauSurface*, 3> tables = {&df_tau_nc, &df_tau_c, &df_tau_ct};
  const std::array<Deterministic, 3> cases = {Deterministic::None, Deterministic::Constant, Deterministic::Trend};
  const std::array<size_t, 3> rows = {12, 20, 30};   // p = .01, .05, .10 in df_tau_probabilities()
  const std::array<double, 3> levels = {0.01, 0.05, 0.10};
  double worst_z = 0;
  for (size_t c = 0; c < 3; ++c) {
    const auto published = mackinnon_critical(cases[c], 1);
    for (size_t k = 0; k < 3; ++k) {
      const auto& row = tables[c]->rows[rows[k]];
      ASSERT_DOUBLE_EQ(df_tau_probabilities()[rows[k]], levels[k]);
      EXPECT_NEAR(row[0], published[k], 4 * row[4]) << "case " << c << " p " << df_tau_probabilities()[rows[k]];
      EXPECT_LT(row[4], 3e-3);   // the shipped run: 2.2-2.5e-3 at p = .01, 5e-4 to 1.4e-3 for .05 <= p <= .95
      worst_z = std::max(worst_z, std::abs(row[0] - published[k]) / row[4]);
    }
  }
  std::printf("asymptotic 1%%, 5%%, 10%% quantiles vs MacKinnon (2010): largest |difference| / se %.2f\n", worst_z);
}

TEST(MacKinnon1996, AdfAtTheRegressionsSampleSize) {
  // ADF regressions of Produc's states fitted with lm in R (12 to 16 observations: urcdist
  // extrapolates, cbec holds T at 20), p from punitroot(tau, N = rows)
  const auto fx = fixture();
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv");
  ASSERT_EQ(fx["adf"].size(), 216u);
  double worst = 0;
  for (const auto& c : fx["adf"]) {
    const std::string what = c["state"].get<std::string>() + " " + c["variable"].get<std::string>() + " " + c["deterministic"].get<std::string>();
    LagChoice lags;
    lags.rule = LagRule::Fixed;
    lags.lags = c["lags"];
    const AdfResult r = adf_test(state_series(f, c["state"], c["variable"]), parse_deterministic(c["deterministic"]), lags, true, PApprox::MacKinnon1996);
    EXPECT_EQ(r.nobs, c["nobs"].get<size_t>()) << what;
    EXPECT_LE(std::abs(r.stat - c["tau"].get<double>()), 1e-6 * std::abs(c["tau"].get<double>())) << what;
    const double want = c["p_value"];
    EXPECT_LE(std::abs(r.p_value - want), tolerance(want, r.nobs)) << what << ": " << r.p_value << " vs " << want;
    worst = std::max(worst, std::abs(r.p_value - want));
  }
  RecordProperty("max_abs_difference", std::to_string(worst));
  std::printf("ADF p at the regression's N (12-16) vs punitroot: max |dp| %.3g\n", worst);
}

TEST(MacKinnon1996, FisherTestsMatchPlmPurtest) {
  // plm's purtest(..., p.approx = "MacKinnon1996") takes urca's asymptotic p-values: cbec's
  // mackinnon1996_asymptotic. The units' p-values differ within the tolerance above, so the
  // combinations differ accordingly: P = -2 sum ln p_i moves by 2 sum |dp_i| / p_i.
  const auto fx = fixture();
  ASSERT_EQ(fx["fisher"].size(), 96u);
  std::map<std::string, UnitSeries> series;
  double worst_stat = 0, worst_p = 0;
  for (const auto& c : fx["fisher"]) {
    const std::string key = c["data"].get<std::string>() + c["variable"].get<std::string>() + c["series"].get<std::string>();
    if (!series.count(key)) {
      const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + c["data"].get<std::string>());
      series[key] = unit_series(f, declare_panel(f, c["unit"], c["time"]), c["variable"], false, c["series"] == "differences");
    }
    PanelUnitRootSpec spec;
    spec.deterministic = parse_deterministic(c["deterministic"]);
    spec.lags = parse_lag_choice(c["lags"], c["max_lags"]);
    spec.dfcor = false;
    spec.p_approx = PApprox::MacKinnon1996Asymptotic;
    const std::string what = key + " " + c["stat"].get<std::string>() + " " + c["deterministic"].get<std::string>() + " lags " + c["lags"].get<std::string>();
    const PanelUnitRootResult r = fisher_adf_test(series[key], spec);
    const PanelUnitRootStat* st = nullptr;
    for (const auto& s : r.stats)
      if (s.name == c["stat"]) st = &s;
    ASSERT_NE(st, nullptr) << what;
    const double value = c["value"], p = c["p_value"];
    EXPECT_LE(std::abs(st->value - value), kFisherStat * std::max(1.0, std::abs(value))) << what << ": " << st->value << " vs " << value;
    EXPECT_LE(std::abs(st->p_value - p), tolerance(p, 0)) << what << ": " << st->p_value << " vs " << p;
    worst_stat = std::max(worst_stat, std::abs(st->value - value) / std::max(1.0, std::abs(value)));
    worst_p = std::max(worst_p, std::abs(st->p_value - p));
  }
  RecordProperty("max_relative_stat_difference", std::to_string(worst_stat));
  std::printf("Fisher tests vs plm: max relative |d stat| %.3g, max |dp| %.3g\n", worst_stat, worst_p);
}
