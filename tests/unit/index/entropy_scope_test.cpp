// Entropy weights per year and time-varying against independent R code
// (tests/reference/index/entropy_scope.R).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/index/entropy_by_group.hpp"
#include "cbec/report/index_json.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
struct Case {
  nlohmann::json fx;
  Frame f;
  Eigen::MatrixXd X;
  EntropyOptions o;
};
Case load() {
  Case c;
  c.fx = reference_fixture("index_entropy_scope.json");
  c.f = read_csv(std::string(CBEC_TEST_DATA) + "/scitech_2011_2019.csv");
  const auto names = c.fx["indicators"].get<std::vector<std::string>>();
  c.X.resize(static_cast<long>(c.f.nrows()), static_cast<long>(names.size()));
  for (size_t j = 0; j < names.size(); ++j)
    for (size_t i = 0; i < c.f.nrows(); ++i) c.X(static_cast<long>(i), static_cast<long>(j)) = c.f.numeric(names[j])[i];
  c.o.negative = c.fx["negative"].get<std::vector<bool>>();
  return c;
}
void expect_scope(const std::string& scope, const std::string& key) {
  Case c = load();
  const auto names = c.fx["indicators"].get<std::vector<std::string>>();
  GroupedEntropyResult r = entropy_weights_by_group(c.X, names, c.f.get("year"), scope, c.o);
  ASSERT_EQ(r.levels.size(), 9u);
  EXPECT_EQ(r.levels.front(), "2011");
  for (size_t g = 0; g < 9; ++g) {
    EXPECT_EQ(r.results[g].n, 31u);
    for (size_t j = 0; j < names.size(); ++j) {
      const double e = c.fx[key][g]["e"][j], w = c.fx[key][g]["w"][j];
      EXPECT_NEAR(r.results[g].e[static_cast<long>(j)], e, 1e-6 * std::abs(e)) << scope << " " << r.levels[g] << " " << names[j];
      EXPECT_NEAR(r.results[g].w[static_cast<long>(j)], w, 1e-6 * std::abs(w)) << scope << " " << r.levels[g] << " " << names[j];
    }
  }
  for (long i = 0; i < r.scores.size(); ++i) {
    const double s = c.fx[key + "_scores"][static_cast<size_t>(i)];
    EXPECT_NEAR(r.scores[i], s, 1e-6 * std::max(1e-3, std::abs(s))) << scope << " row " << i;
  }
  EXPECT_EQ(to_json(r, "year")["by_group"]["2019"]["n"], 31);
}
}  // namespace

TEST(EntropyScope, PerYearMatchesIndependentR) { expect_scope("per-year", "per_year"); }
TEST(EntropyScope, TimeVaryingMatchesIndependentR) { expect_scope("time-varying", "time_varying"); }

TEST(EntropyScope, ErrorsNameTheProblem) {
  Case c = load();
  const auto names = c.fx["indicators"].get<std::vector<std::string>>();
  EXPECT_THROW(entropy_weights_by_group(c.X, names, c.f.get("year"), "yearly", c.o), SpecError);
  std::vector<double> row_id(c.f.nrows());
  for (size_t i = 0; i < row_id.size(); ++i) row_id[i] = static_cast<double>(i);
  EXPECT_THROW(entropy_weights_by_group(c.X, names, Column::numeric("row", row_id), "per-year", c.o), DataError);  // one row per group
}
