// The moments that standardize Pedroni's and Westerlund's statistics against the tables printed in
// the papers (tests/reference/fixtures/ts_published_moments.json names each source table): Pedroni
// (1999, Table 2) and Pedroni's (1995) bivariate row are used as printed, so they must agree exactly;
// Westerlund's are cbec's simulation of his functionals, which must reproduce his Table 1 (no
// deterministic terms) within simulation error.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cbec/estimate/ts/pedroni_moments.hpp"
#include "cbec/estimate/ts/westerlund_moments.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("ts_published_moments.json");
}
}  // namespace

TEST(PublishedMoments, PedroniTable2AsPrinted) {
  const auto table = fixture()["pedroni_1999_table2"];
  size_t rows = 0;
  for (const auto& [name, by_k] : table.items()) {
    if (name == "source") continue;
    const Deterministic d = parse_deterministic(name);
    for (const auto& [k, m] : by_k.items()) {
      const PedroniMoments got = pedroni_moments(std::stoi(k), d);
      EXPECT_FALSE(got.simulated) << name << " k = " << k;
      for (size_t j = 0; j < 7; ++j) {
        EXPECT_DOUBLE_EQ(got.mean[j], m["mean"][j].get<double>()) << name << " k = " << k << " statistic " << j;
        EXPECT_DOUBLE_EQ(got.variance[j], m["variance"][j].get<double>()) << name << " k = " << k << " statistic " << j;
      }
      ++rows;
    }
  }
  EXPECT_EQ(rows, 18u);
  const auto bivariate = fixture()["pedroni_1995_bivariate"]["constant"]["1"];
  const PedroniMoments one = pedroni_moments(1, Deterministic::Constant);
  for (size_t j = 0; j < 7; ++j) {
    EXPECT_DOUBLE_EQ(one.mean[j], bivariate["mean"][j].get<double>()) << j;
    EXPECT_DOUBLE_EQ(one.variance[j], bivariate["variance"][j].get<double>()) << j;
  }
  // one regressor with trends or without intercepts: not in the tables, cbec's simulation
  EXPECT_TRUE(pedroni_moments(1, Deterministic::None).simulated);
  EXPECT_TRUE(pedroni_moments(1, Deterministic::Trend).simulated);
}

TEST(PublishedMoments, WesterlundTable1WithoutDeterministicTerms) {
  const auto table = fixture()["westerlund_2007_table1"]["none"];
  double worst_mean = 0, worst_var = 0;
  for (const auto& [k, m] : table.items()) {
    const WesterlundMoments got = westerlund_moments(std::stoi(k), Deterministic::None);
    for (size_t j = 0; j < 4; ++j) {
      const double mean = m["mean"][j], var = m["variance"][j];
      EXPECT_NEAR(got.mean[j], mean, 0.07 * std::abs(mean)) << "K = " << k << " statistic " << j;
      EXPECT_NEAR(got.variance[j], var, 0.20 * var) << "K = " << k << " statistic " << j;
      worst_mean = std::max(worst_mean, std::abs(got.mean[j] / mean - 1));
      worst_var = std::max(worst_var, std::abs(got.variance[j] / var - 1));
    }
  }
  RecordProperty("max_relative_difference_mean", std::to_string(worst_mean));
  RecordProperty("max_relative_difference_variance", std::to_string(worst_var));
  std::printf("Westerlund (2007) Table 1, none, K = 1..4: means within %.3f, variances within %.3f (relative)\n", worst_mean, worst_var);
}
