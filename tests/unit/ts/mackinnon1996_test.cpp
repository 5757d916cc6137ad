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
#include <stdexcept>

#include "cbec/estimate/ts/adf.hpp"
#include "cbec/estimate/ts/df_tau_surfaces.hpp"
#include "cbec/estimate/ts/mackinnon.hpp"
#include "cbec/estimate/ts/mackinnon1996.hpp"
#include "cbec/estimate/ts/panel_unitroot.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/stats/distributions.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("ts_mackinnon1996.json");
}
// |p_cbec - p_urca| <= kAbsolute + kRelative min(p, 1 - p) for T >= 20 and asymptotically (both
// tables simulated there; measured max |dp| 1.4e-3, no point beyond the bound); for T < 20 cbec
// holds the surfaces at T = 20 while urcdist extrapolates them (measured max |dp| 0.038 at T = 10)
constexpr double kAbsolute = 5e-4, kRelative = 0.01;
constexpr double kAbsoluteShort = 0.05, kRelativeShort = 0.0;
double tolerance(double p, size_t nobs) {
  const bool extrapolated = nobs > 0 && nobs < 20;
  return (extrapolated ? kAbsoluteShort : kAbsolute) + (extrapolated ? kRelativeShort : kRelative) * std::min(p, 1 - p);
}
// In probits, z = Phi^-1(p), for T >= 20 or asymptotically: |z_cbec - z_urca| <= kProbit inside the
// table, plus kProbitPerUnit per unit of tau beyond its first quantile (cbec continues z along a
// straight line there, urcdist extrapolates its end cubic: both carry the error of the end slope).
// Measured with the shipped table (p < .01): max |dz| 0.021 inside (the standard error of q_.0001
// is 0.005 and dz/dq about 1), and beyond at most 0.03 + 0.29 per unit of tau.
// Checked out to kBeyondChecked beyond the table, where Fisher tests' units lie (further out
// urcdist's own extrapolation turns back: its p rises again as tau falls below about -10).
constexpr double kProbit = 0.03, kProbitPerUnit = 0.35, kBeyondChecked = 2.5;
double beyond_table(double tau, Deterministic d, size_t nobs) {
  const DfTauSurface& t = d == Deterministic::None ? df_tau_nc : d == Deterministic::Constant ? df_tau_c : df_tau_ct;
  const double x = nobs == 0 ? 0 : 1.0 / static_cast<double>(std::max<size_t>(nobs, 20));
  const auto& b = t.rows.front();
  return std::max(0.0, b[0] + x * (b[1] + x * (b[2] + x * b[3])) - tau);
}
double probit_tolerance(double tau, Deterministic d, size_t nobs) { return kProbit + kProbitPerUnit * beyond_table(tau, d, nobs); }
// urcdist returns exactly p_1 = .0001 wherever its nearest quantile is the first one and its end
// regression gives more (it keeps p <= p_1 there, even between q_1 and q_2): such a value is that
// bound, not an estimate of p, and is left out of the comparisons.
constexpr double kUrcdistClamp = 1e-4;
double probit(double p) { return q_normal(std::clamp(p, 1e-300, 1 - 1e-16)); }
PanelUnitRootStat stat_named(const std::vector<PanelUnitRootStat>& stats, const std::string& name) {
  for (const auto& s : stats)
    if (s.name == name) return s;
  throw std::runtime_error("no statistic " + name);
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
  // (from -20, far beyond the first quantile, to 8, beyond the last), and stays inside (0, 1)
  size_t decreases = 0;
  for (Deterministic d : {Deterministic::None, Deterministic::Constant, Deterministic::Trend}) {
    for (size_t T : {size_t{0}, size_t{12}, size_t{25}, size_t{50}, size_t{500}, size_t{2000}}) {
      double last = 0;
      for (int i = 0; i <= 5600; ++i) {
        const double tau = -20 + 0.005 * i, p = mackinnon1996_p(tau, d, T);
        decreases += p < last;
        EXPECT_GE(p, last) << static_cast<int>(d) << " T " << T << " tau " << tau;
        EXPECT_GT(p, 0.0);
        EXPECT_LT(p, 1.0);
        last = p;
      }
    }
  }
  EXPECT_EQ(decreases, 0u);
  EXPECT_TRUE(std::isnan(mackinnon1996_p(std::nan(""), Deterministic::Constant)));
  // the asymptotic 5% critical values of tau_c and tau_ct (MacKinnon 2010 Table 2) have p = 0.05
  EXPECT_NEAR(mackinnon1996_p(-2.86154, Deterministic::Constant), 0.05, 5e-4);
  EXPECT_NEAR(mackinnon1996_p(-3.41049, Deterministic::Trend), 0.05, 5e-4);
}

TEST(MacKinnon1996, SurfacesAreOrderedAtEverySize) {
  // the quantiles rise strictly with the probability at every T the p-values use (20 and up;
  // fewer observations use T = 20), asymptotically included
  for (const DfTauSurface* t : {&df_tau_nc, &df_tau_c, &df_tau_ct}) {
    for (double T = 20; T <= 1e6; T *= 1.05) {
      const double x = T >= 1e6 / 1.05 ? 0.0 : 1 / T;
      double last = -1e300;
      for (const auto& b : t->rows) {
        const double q = b[0] + x * (b[1] + x * (b[2] + x * b[3]));
        EXPECT_GT(q, last) << "model " << t->model << " T " << T;
        last = q;
      }
    }
  }
}

TEST(MacKinnon1996, TailBeyondTheTableMatchesPunitrootInProbits) {
  // grid points (T >= 20 or asymptotic) with tau from the first quantile to kBeyondChecked beyond it,
  // and inside the table those with p < .01, where kAbsolute exceeds p: |dz| <= probit_tolerance
  const auto fx = fixture();
  double worst_inside = 0, worst_slope = 0, worst_dlnp = 0;
  size_t n = 0;
  for (const auto& g : fx["grid"]) {
    const Deterministic d = parse_deterministic(g["deterministic"]);
    const auto N = g["nobs"].get<size_t>();
    if (N > 0 && N < 20) continue;
    for (size_t i = 0; i < g["tau"].size(); ++i) {
      const double tau = g["tau"][i], want = g["p_value"][i], beyond = beyond_table(tau, d, N);
      if (want >= 0.01 || beyond > kBeyondChecked) continue;
      const double got = mackinnon1996_p(tau, d, N), dz = std::abs(probit(got) - probit(want));
      if (want == kUrcdistClamp) continue;
      EXPECT_LE(dz, probit_tolerance(tau, d, N)) << g["deterministic"] << " N " << N << " tau " << tau << ": " << got << " vs " << want;
      if (beyond == 0) worst_inside = std::max(worst_inside, dz);
      else worst_slope = std::max(worst_slope, (dz - kProbit) / beyond);
      if (beyond > 0 && beyond <= 1) worst_dlnp = std::max(worst_dlnp, std::abs(std::log(got / want)));
      ++n;
    }
  }
  EXPECT_GT(n, 500u);
  std::printf("vs punitroot for p < .01: max |dz| inside the table %.3g; beyond it max (|dz| - %.2f) / distance %.3g; "
              "max |d ln p| within 1 of the table's end %.3g (%zu points)\n", worst_inside, kProbit, worst_slope, worst_dlnp, n);
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
      EXPECT_LT(row[4], 1e-3);   // the shipped run: 6.2e-4 to 7.1e-4 at p = .01, 1.8e-4 to 4e-4 for .05 <= p <= .95
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

TEST(MacKinnon1996, FisherArithmeticMatchesPlm) {
  // the combinations of the units' p-values plm reports give plm's statistics and p-values
  const auto fx = fixture();
  ASSERT_EQ(fx["fisher"].size(), 96u);
  for (const auto& c : fx["fisher"]) {
    std::vector<double> p;
    for (const auto& u : c["units"]) p.push_back(u["p_value"]);
    const PanelUnitRootStat st = stat_named(fisher_combinations(p), c["stat"]);
    const double value = c["value"], p_value = c["p_value"];
    EXPECT_NEAR(st.value, value, 1e-10 * std::max(1.0, std::abs(value))) << c["variable"] << " " << c["stat"];
    EXPECT_NEAR(st.p_value, p_value, 1e-10) << c["variable"] << " " << c["stat"];
  }
}

TEST(MacKinnon1996, FisherTestsMatchPlmPurtest) {
  // plm's purtest(..., p.approx = "MacKinnon1996") takes urca's asymptotic p-values: cbec's
  // mackinnon1996_asymptotic. Each unit's p may differ from plm's by the simulation error of the two
  // tables, probit_tolerance at its tau; each statistic is monotone in every p_i, so it must lie
  // between the combinations of the units' p-values moved to either end of that band. Units far in
  // the tail widen the band most: P sums -2 ln p_i, and d ln p grows with |z| dz.
  const auto fx = fixture();
  std::map<std::string, UnitSeries> series;
  double worst_unit_dz = 0, worst_position = 0;
  size_t clamped = 0;
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
    std::vector<double> low, high;
    for (const auto& u : c["units"]) {
      const double tau = u["tau"], want = u["p_value"], z = probit(want), band = probit_tolerance(tau, spec.deterministic, 0);
      const double got = mackinnon1996_p(tau, spec.deterministic), dz = std::abs(probit(got) - z);
      high.push_back(p_normal_upper(-band - z));   // Phi(z + band)
      if (want == kUrcdistClamp) {   // plm's p is urcdist's bound: the band is widened to hold cbec's p
        high.back() = std::max(high.back(), got);
        low.push_back(std::min(got, p_normal_upper(band - z)));
        ++clamped;
        continue;
      }
      EXPECT_LE(dz, band) << what << " unit tau " << tau;
      worst_unit_dz = std::max(worst_unit_dz, dz / band);
      low.push_back(p_normal_upper(band - z));   // Phi(z - band)
    }
    const PanelUnitRootStat st = stat_named(fisher_adf_test(series[key], spec).stats, c["stat"]);
    const PanelUnitRootStat a = stat_named(fisher_combinations(low), c["stat"]), b = stat_named(fisher_combinations(high), c["stat"]);
    const double value = c["value"], lo = std::min(a.value, b.value), hi = std::max(a.value, b.value);
    EXPECT_GE(st.value, lo) << what << ": " << st.value << " vs plm " << value;
    EXPECT_LE(st.value, hi) << what << ": " << st.value << " vs plm " << value;
    EXPECT_GE(st.p_value, std::min(a.p_value, b.p_value)) << what;
    EXPECT_LE(st.p_value, std::max(a.p_value, b.p_value)) << what;
    // where cbec's statistic lies in the band: 0 at plm's value, 1 at the band's end
    const double half = st.value >= value ? hi - value : value - lo;
    if (half > 0) worst_position = std::max(worst_position, std::abs(st.value - value) / half);
    if (c["series"] == "differences" && c["data"] == "produc.csv" && c["stat"] == "P" && c["deterministic"] == "none")
      std::printf("%s: P %.1f, plm %.1f, band [%.1f, %.1f]\n", what.c_str(), st.value, value, lo, hi);
  }
  EXPECT_LT(clamped, 100u);
  std::printf("Fisher tests vs plm: units' max |dz| / band %.3g (%zu units' p at urcdist's bound); statistics' max |d stat| / half band %.3g\n",
              worst_unit_dz, clamped, worst_position);
}
