// KPSS (tseries, urca), Phillips-Perron with a trend (tseries) and kernel long-run variances
// (sandwich) on single series of Produc and Grunfeld (tests/reference/ts/pp_kpss_lrv.R).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/ts/long_run_variance.hpp"
#include "cbec/estimate/ts/pp_kpss.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("ts_pp_kpss_lrv.json");
}
// The series of one unit, in file order (both files are sorted by unit and year).
Eigen::VectorXd series(const nlohmann::json& c) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + c["data"].get<std::string>());
  const Column& u = f.get(c["unit_col"]);
  const auto& x = f.numeric(c["variable"]);
  std::vector<double> v;
  for (size_t r = 0; r < f.nrows(); ++r) {
    const std::string id = u.is_numeric() ? fmt::format("{:g}", u.values[r]) : u.text(r);
    if (id == c["unit"].get<std::string>()) v.push_back(c["log"].get<bool>() ? std::log(x[r]) : x[r]);
  }
  return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<long>(v.size()));
}
void expect_rel(double got, double want, const std::string& what) { EXPECT_NEAR(got, want, 1e-6 * std::max(1.0, std::abs(want))) << what; }
std::string name(const nlohmann::json& c) { return c["unit"].get<std::string>() + " " + c["variable"].get<std::string>(); }
}  // namespace

TEST(Kpss, MatchesTseriesAndUrca) {
  const auto fx = fixture();
  ASSERT_EQ(fx["kpss"].size(), 28u);
  for (const auto& c : fx["kpss"]) {
    const KpssResult r = kpss_test(series(c), parse_deterministic(c["deterministic"]), c["bandwidth"]);
    const std::string what = name(c) + " " + c["deterministic"].get<std::string>() + " " + c["bandwidth"].get<std::string>();
    EXPECT_EQ(r.lags, c["lag"].get<int>()) << what;
    expect_rel(r.stat, c["stat"], what);
    expect_rel(r.stat, c["urca_stat"], what + " urca");
    expect_rel(r.p_value, c["p_value"], what + " p");
  }
}

TEST(PhillipsPerron, MatchesExactFormInRAndTseries) {
  const auto fx = fixture();
  ASSERT_EQ(fx["pp"].size(), 42u);
  for (const auto& c : fx["pp"]) {
    const PpResult r = pp_test(series(c), parse_deterministic(c["deterministic"]), c["bandwidth"]);
    const std::string what = name(c) + " " + c["deterministic"].get<std::string>() + " " + c["bandwidth"].get<std::string>();
    EXPECT_EQ(r.lags, c["lag"].get<int>()) << what;
    expect_rel(r.stat, c["stat"], what);
    // tseries (trend only) approximates n^2 - 1 by n^2 in the correction: 0.5% at n = 16
    if (c["tseries"].is_number()) {
      EXPECT_NEAR(r.stat, c["tseries"].get<double>(), 5e-3 * std::abs(c["tseries"].get<double>())) << what << " tseries";
    }
  }
}

TEST(LongRunVariance, KernelsMatchSandwichMeatHAC) {
  const auto fx = fixture();
  ASSERT_EQ(fx["lrv"].size(), 63u);
  for (const auto& c : fx["lrv"]) {
    Eigen::VectorXd u = series(c);
    u.array() -= u.mean();
    expect_rel(long_run_variance(u, parse_kernel(c["kernel"]), c["bandwidth"]), c["lrv"],
               name(c) + " " + c["kernel"].get<std::string>() + " bw " + std::to_string(c["bandwidth"].get<double>()));
  }
}

TEST(LongRunVariance, BandwidthsMatchSandwich) {
  const auto fx = fixture();
  ASSERT_EQ(fx["bandwidth"].size(), 21u);
  for (const auto& c : fx["bandwidth"]) {
    Eigen::VectorXd u = series(c);
    u.array() -= u.mean();
    const Kernel k = parse_kernel(c["kernel"]);
    expect_rel(newey_west_bandwidth(u, k), c["newey_west"], name(c) + " Newey-West " + c["kernel"].get<std::string>());
    expect_rel(andrews_bandwidth(u, k), c["andrews"], name(c) + " Andrews " + c["kernel"].get<std::string>());
  }
}
