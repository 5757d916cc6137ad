// OLS residual diagnostics against spdep::lm.morantest and lm.LMtests (tests/reference/spreg/
// lm_tests.R: Columbus row-standardized and binary, NC SIDS, Boston) and the panel LM tests against
// splm::slmtest and an independent matrix computation of Elhorst's tests (panel_lm_tests.R:
// Produc with usaww, pooled and within by unit, period, both): 1e-6 relative (p-values: plus 1e-15
// absolute, the precision of spdep's 1 - pchisq()).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/lm_tests.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

void expect_rel(double got, const nlohmann::json& want, double tol, const std::string& what) {
  const double w = want.get<double>();
  EXPECT_NEAR(got, w, tol * std::max(1e-300, std::abs(w))) << what;
}

struct Data { Eigen::MatrixXd X; Eigen::VectorXd y; SpatialWeights w; };

double ft(double events, double births) { return std::sqrt(1000.0) * (std::sqrt(events / births) + std::sqrt((events + 1) / births)); }

SpatialWeights gal(const std::string& file, size_t n) {
  std::vector<std::string> ids;
  for (size_t i = 1; i <= n; ++i) ids.push_back(std::to_string(i));
  return align_weights(read_gal(std::string(CBEC_TEST_DATA) + "/" + file), ids, file);
}

Data dataset(const std::string& name) {
  Data d;
  if (name.rfind("columbus", 0) == 0) {
    const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/columbus.csv");
    const size_t n = f.nrows();
    d.X.resize(static_cast<Eigen::Index>(n), 3);
    d.y.resize(static_cast<Eigen::Index>(n));
    for (size_t i = 0; i < n; ++i) {
      const auto r = static_cast<Eigen::Index>(i);
      d.y(r) = f.numeric("CRIME")[i];
      d.X.row(r) << 1, f.numeric("INC")[i], f.numeric("HOVAL")[i];
    }
    d.w = gal("columbus.gal", n);
    if (name == "columbus_W") d.w = row_standardize(d.w);
  } else if (name == "nc_sids_W") {
    const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/nc_sids.csv");
    const size_t n = f.nrows();
    d.X.resize(static_cast<Eigen::Index>(n), 2);
    d.y.resize(static_cast<Eigen::Index>(n));
    for (size_t i = 0; i < n; ++i) {
      const auto r = static_cast<Eigen::Index>(i);
      const double births = f.numeric("BIR74")[i];
      d.y(r) = ft(f.numeric("SID74")[i], births);
      d.X.row(r) << 1, ft(f.numeric("NWBIR74")[i], births);
    }
    d.w = row_standardize(gal("nc_sids_cr85.gal", n));
  } else {
    const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/boston.csv");
    const size_t n = f.nrows();
    d.X.resize(static_cast<Eigen::Index>(n), 14);
    d.y.resize(static_cast<Eigen::Index>(n));
    for (size_t i = 0; i < n; ++i) {
      const auto r = static_cast<Eigen::Index>(i);
      auto v = [&](const char* c) { return f.numeric(c)[i]; };
      d.y(r) = std::log(v("CMEDV"));
      d.X.row(r) << 1, v("CRIM"), v("ZN"), v("INDUS"), v("CHAS"), v("NOX") * v("NOX"), v("RM") * v("RM"), v("AGE"), std::log(v("DIS")),
          std::log(v("RAD")), v("TAX"), v("PTRATIO"), v("B"), std::log(v("LSTAT"));
    }
    d.w = row_standardize(gal("boston_soi.gal", n));
  }
  return d;
}

void expect_tests(const SpatialLmTests& got, const nlohmann::json& want, double tol) {
  expect_rel(got.lm_error.stat, want["lm_error"], tol, "LM-error");
  expect_rel(got.lm_lag.stat, want["lm_lag"], tol, "LM-lag");
  expect_rel(got.robust_lm_error.stat, want["robust_lm_error"], tol, "robust LM-error");
  expect_rel(got.robust_lm_lag.stat, want["robust_lm_lag"], tol, "robust LM-lag");
  if (want.contains("sarma")) expect_rel(got.sarma.stat, want["sarma"], tol, "SARMA");
}

}  // namespace

TEST(SpatialLmTests, MatchSpdepOnColumbusNcSidsBoston) {
  const nlohmann::json ref = reference_fixture("spreg_lm_tests.json");
  for (const char* name : {"columbus_W", "columbus_B", "nc_sids_W", "boston_W"}) {
    SCOPED_TRACE(name);
    const auto& c = ref[name];
    const Data d = dataset(name);
    const SpatialLmTests t = spatial_lm_tests(d.X, d.y, d.w.W);
    EXPECT_EQ(t.n, c["n"].get<size_t>());
    EXPECT_EQ(t.k, c["k"].get<size_t>());
    const auto& m = c["moran"];
    expect_rel(t.moran.I, m["I"], 1e-6, "I");
    expect_rel(t.moran.expectation, m["expectation"], 1e-6, "E(I)");
    expect_rel(t.moran.variance, m["variance"], 1e-6, "Var(I)");
    expect_rel(t.moran.z, m["z"], 1e-6, "z");
    expect_rel(t.moran.p_value, m["p_greater"], 1e-6, "p greater");
    expect_rel(spatial_lm_tests(d.X, d.y, d.w.W, Alternative::TwoSided).moran.p_value, m["p_two_sided"], 1e-6, "p two-sided");
    const auto& r = c["tests"];
    const std::map<std::string, const TestResult*> mine = {{"LMerr", &t.lm_error}, {"LMlag", &t.lm_lag}, {"RLMerr", &t.robust_lm_error},
                                                           {"RLMlag", &t.robust_lm_lag}, {"SARMA", &t.sarma}};
    for (const auto& [key, test] : mine) {
      SCOPED_TRACE(key);
      expect_rel(test->stat, r[key]["stat"], 1e-6, "stat");
      EXPECT_EQ(test->df1, r[key]["df"].get<double>());
      // spdep's p-value is 1 - pchisq(stat, df): exact to about 1e-16 absolute only (0 below that).
      EXPECT_NEAR(test->p_value, r[key]["p_value"].get<double>(), 1e-6 * r[key]["p_value"].get<double>() + 1e-15);
      EXPECT_EQ(test->distribution, "chi2");
    }
  }
}

TEST(SpatialLmTests, PanelMatchesSlmtestAndElhorstOnProduc) {
  const nlohmann::json ref = reference_fixture("spreg_panel_lm_tests.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv");
  // The panel stacked by year then state (the file runs by state then year, states sorted).
  std::vector<std::string> states;
  std::vector<double> years;
  for (size_t i = 0; i < f.nrows(); ++i) {
    if (std::find(states.begin(), states.end(), f.get("state").text(i)) == states.end()) states.push_back(f.get("state").text(i));
    if (std::find(years.begin(), years.end(), f.numeric("year")[i]) == years.end()) years.push_back(f.numeric("year")[i]);
  }
  const auto n = static_cast<Eigen::Index>(states.size()), T = static_cast<Eigen::Index>(years.size());
  ASSERT_EQ(n, 48);
  ASSERT_EQ(T, 17);
  Eigen::MatrixXd X(n * T, 4);
  Eigen::VectorXd y(n * T);
  for (size_t i = 0; i < f.nrows(); ++i) {
    const auto s = std::find(states.begin(), states.end(), f.get("state").text(i)) - states.begin();
    const auto t = std::find(years.begin(), years.end(), f.numeric("year")[i]) - years.begin();
    const Eigen::Index r = t * n + s;
    y(r) = std::log(f.numeric("gsp")[i]);
    X.row(r) << std::log(f.numeric("pcap")[i]), std::log(f.numeric("pc")[i]), std::log(f.numeric("emp")[i]), f.numeric("unemp")[i];
  }
  const SpatialWeights w = align_weights(read_weights(std::string(CBEC_TEST_DATA) + "/usaww.matrix.csv"), states, "usaww");
  for (const char* effect : {"none", "individual", "time", "twoways"}) {
    SCOPED_TRACE(effect);
    const SpatialLmTests t = panel_spatial_lm_tests(X, y, w.W, static_cast<int>(T), parse_panel_effect(effect));
    EXPECT_EQ(t.n, static_cast<size_t>(n * T));
    expect_tests(t, ref[effect]["slmtest"], 1e-6);
    expect_tests(t, ref[effect]["elhorst"], 1e-6);
  }
  EXPECT_THROW(panel_spatial_lm_tests(X.topRows(100), y.head(100), w.W, 17, PanelEffect::None), SpecError);
  EXPECT_THROW(parse_panel_effect("within"), SpecError);
}

TEST(SpatialLmTests, BaltagiSongKohMatchBsktestOnProduc) {
  // splm::bsktest (panel_lm_tests.R) on pooled OLS: all years; 1985-1986; 1985-1986 with unemp
  // demeaned by state regressed on log(emp), where LM1 < 0 and LM-H keeps LM2^2 only.
  const nlohmann::json ref = reference_fixture("spreg_panel_lm_tests.json")["bsk"];
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv");
  std::vector<std::string> states;
  for (size_t i = 0; i < f.nrows(); ++i)
    if (std::find(states.begin(), states.end(), f.get("state").text(i)) == states.end()) states.push_back(f.get("state").text(i));
  const SpatialWeights w = align_weights(read_weights(std::string(CBEC_TEST_DATA) + "/usaww.matrix.csv"), states, "usaww");
  const Eigen::Index n = 48;
  for (const char* c : {"full", "late", "late_dm"}) {
    SCOPED_TRACE(c);
    const std::string name = c;
    const int first = name == "full" ? 1970 : 1985, T = 1987 - first;
    const bool dm = name == "late_dm";
    Eigen::MatrixXd X(n * T, dm ? 2 : 5);
    Eigen::VectorXd y(n * T);
    std::vector<double> unemp_mean(static_cast<size_t>(n), 0.0);
    for (size_t i = 0; i < f.nrows(); ++i) {
      const double yr = f.numeric("year")[i];
      if (yr < first) continue;
      const auto s = std::find(states.begin(), states.end(), f.get("state").text(i)) - states.begin();
      unemp_mean[static_cast<size_t>(s)] += f.numeric("unemp")[i] / T;
      const Eigen::Index r = static_cast<Eigen::Index>(yr - first) * n + s;
      if (dm) {
        y(r) = f.numeric("unemp")[i];
        X.row(r) << 1, std::log(f.numeric("emp")[i]);
      } else {
        y(r) = std::log(f.numeric("gsp")[i]);
        X.row(r) << 1, std::log(f.numeric("pcap")[i]), std::log(f.numeric("pc")[i]), std::log(f.numeric("emp")[i]), f.numeric("unemp")[i];
      }
    }
    if (dm)
      for (Eigen::Index r = 0; r < y.size(); ++r) y(r) -= unemp_mean[static_cast<size_t>(r % n)];
    const BskTests b = baltagi_song_koh(X, y, w.W, T);
    expect_rel(b.lm1.stat, ref[c]["lm1"], 1e-6, "LM1");
    expect_rel(b.lm2.stat, ref[c]["lm2"], 1e-6, "LM2");
    expect_rel(b.lmh.stat, ref[c]["lmh"], 1e-6, "LM-H");
    EXPECT_NEAR(b.lmh.p_value, ref[c]["p_lmh"].get<double>(), 1e-6 * ref[c]["p_lmh"].get<double>() + 1e-15);
    EXPECT_NEAR(b.lm2.p_value, 0.5 * std::erfc(b.lm2.stat / std::sqrt(2.0)), 1e-15);   // one-sided P(Z > LM2)
  }
  EXPECT_THROW(baltagi_song_koh(Eigen::MatrixXd::Ones(48, 1), Eigen::VectorXd::Ones(48), w.W, 1), SpecError);
}
